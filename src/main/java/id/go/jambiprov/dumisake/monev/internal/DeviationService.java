package id.go.jambiprov.dumisake.monev.internal;

import id.go.jambiprov.dumisake.monev.DeviationRow;
import id.go.jambiprov.dumisake.monev.GroupBy;
import id.go.jambiprov.dumisake.monev.domain.DeviationFigures;
import id.go.jambiprov.dumisake.monev.domain.TrafficLightPolicy;
import id.go.jambiprov.dumisake.shared.Pageables;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/** The deviation rows in the caller's scope (an operator: its OPD's allocations), classified by the policy. */
@Service
public class DeviationService {

    private final DeviationReadModel readModel;
    private final ThresholdService thresholds;
    private final Clock clock;

    DeviationService(DeviationReadModel readModel, ThresholdService thresholds, Clock clock) {
        this.readModel = readModel;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<DeviationRow> rows(int year, String kabupatenKotaCode, GroupBy groupBy) {
        MonevScope scope = MonevScope.of(year, kabupatenKotaCode, LocalDate.now(clock));
        TrafficLightPolicy policy = thresholds.policy();
        return classified(readModel.of(scope, groupBy), policy);
    }

    /**
     * The rows of {@link #rows}, handed to {@code each} one at a time as the database sends them: a whole grouping
     * (7,144 kecamatan at national scale) is written out without holding it.
     */
    @Transactional(readOnly = true)
    public void forEach(int year, String kabupatenKotaCode, GroupBy groupBy, Consumer<DeviationRow> each) {
        MonevScope scope = MonevScope.of(year, kabupatenKotaCode, LocalDate.now(clock));
        TrafficLightPolicy policy = thresholds.policy();
        readModel.forEach(scope, groupBy, g -> each.accept(row(g, policy)));
    }

    /**
     * One page of the rows, for the views that can be long (every allocation of a year): a page beyond the last
     * gives the last one.
     */
    @Transactional(readOnly = true)
    public Page<DeviationRow> page(int year, String kabupatenKotaCode, GroupBy groupBy, Pageable pageable) {
        MonevScope scope = MonevScope.of(year, kabupatenKotaCode, LocalDate.now(clock));
        long total = readModel.groups(scope, groupBy);
        Pageable within = Pageables.withinRows(pageable, total);
        TrafficLightPolicy policy = thresholds.policy();
        return new PageImpl<>(classified(readModel.of(scope, groupBy, within), policy), within, total);
    }

    /** The month the deviation of {@code year} is measured at, for the page to say so. */
    public int measuredMonth(int year) {
        return MonevScope.of(year, null, LocalDate.now(clock)).month();
    }

    private static List<DeviationRow> classified(List<DeviationReadModel.GroupFigures> groups, TrafficLightPolicy policy) {
        return groups.stream().map(g -> row(g, policy)).toList();
    }

    private static DeviationRow row(DeviationReadModel.GroupFigures g, TrafficLightPolicy policy) {
        return row(g.code(), g.name(), g.place(), g.allocations(), g.figures(), policy);
    }

    static DeviationRow row(String code, String name, String place, long allocations, DeviationFigures f,
                            TrafficLightPolicy policy) {
        BigDecimal deviation = f.deviation();
        BigDecimal missing = f.missingReportPercent();
        return new DeviationRow(code, name, place, f.amount(), allocations, f.plannedPercent(), f.physicalPercent(),
                f.financialPercent(), deviation, missing, policy.classify(deviation, missing));
    }
}
