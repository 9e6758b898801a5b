package id.go.jambiprov.dumisake.progress.internal;

import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.programme.ProgrammeService;
import id.go.jambiprov.dumisake.progress.domain.TrancheProgressRule;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;

/** Gives {@link TrancheProgressRule} the programme's minimum and the allocation's latest report. */
@Service
@Transactional(readOnly = true)
public class TrancheProgressCheck {

    private final Allocations allocations;
    private final ProgrammeService programmes;
    private final ProgressQueries queries;

    TrancheProgressCheck(Allocations allocations, ProgrammeService programmes, ProgressQueries queries) {
        this.allocations = allocations;
        this.programmes = programmes;
        this.queries = queries;
    }

    public void require(long allocationId, int tranche) {
        if (tranche < 2) {
            return;
        }
        AllocationView allocation = allocations.get(allocationId);
        BigDecimal minimum = programmes.get(allocation.programmeCode()).minProgressForNextTranche();
        var latest = queries.latest(allocationId);
        TrancheProgressRule.require(tranche, minimum, allocation.year(),
                latest.map(ProgressQueries.Latest::month).orElse(null),
                latest.map(ProgressQueries.Latest::physicalPercent).orElse(null));
    }
}
