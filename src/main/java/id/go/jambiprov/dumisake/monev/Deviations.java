package id.go.jambiprov.dumisake.monev;

import id.go.jambiprov.dumisake.monev.internal.DeviationService;
import id.go.jambiprov.dumisake.monev.internal.ThresholdService;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * The deviation between planned and physical progress with its traffic light, for other capabilities (reports,
 * notifications): the same rows the monev page and {@code GET /api/v1/dashboard/deviation} show, in the
 * caller's scope (an operator sees its OPD's allocations).
 */
@Service
public class Deviations {

    private final DeviationService deviations;
    private final ThresholdService thresholds;

    Deviations(DeviationService deviations, ThresholdService thresholds) {
        this.deviations = deviations;
        this.thresholds = thresholds;
    }

    public List<DeviationRow> rows(int year, String kabupatenKotaCode, GroupBy groupBy) {
        return deviations.rows(year, kabupatenKotaCode, groupBy);
    }

    public Thresholds thresholds() {
        return thresholds.current();
    }
}
