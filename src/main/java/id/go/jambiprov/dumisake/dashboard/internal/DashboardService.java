package id.go.jambiprov.dumisake.dashboard.internal;

import id.go.jambiprov.dumisake.dashboard.RegionRow;
import id.go.jambiprov.dumisake.dashboard.Summary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Every dashboard figure — one place for the answers that the pages, the API and the exports share, each
 * taken from its SQL read model in one read-only transaction: the figures by region
 * ({@link RegionRollup}), by OPD, programme and mechanism ({@link AllocationBreakdown}), what lags behind
 * ({@link Arrears}), last year's ({@link PreviousYearFigures}) and the S-curve ({@link RealisationCurve}).
 * An OPD operator's figures are always limited to their OPD.
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

    private final RegionRollup regions;
    private final AllocationBreakdown breakdowns;
    private final Arrears arrears;
    private final PreviousYearFigures previousYear;
    private final RealisationCurve curve;

    DashboardService(RegionRollup regions, AllocationBreakdown breakdowns, Arrears arrears,
                     PreviousYearFigures previousYear, RealisationCurve curve) {
        this.regions = regions;
        this.breakdowns = breakdowns;
        this.arrears = arrears;
        this.previousYear = previousYear;
        this.curve = curve;
    }

    /** Everything the province page shows, in six statements whatever the amount of data. */
    public Overview overview(int year, String kabupatenKotaCode) {
        DashboardScope scope = DashboardScope.of(year, kabupatenKotaCode);
        RegionRollup.Rollup rollup = regions.of(scope);
        AllocationBreakdown.Breakdown breakdown = breakdowns.of(scope);
        Arrears.Waiting waiting = arrears.waiting(scope);
        return new Overview(summary(scope, rollup, waiting),
                scope.kabupatenKota() != null ? rollup.kecamatan() : rollup.kabupatenKota(),
                breakdown.opd(), breakdown.programme(), breakdown.mechanism(),
                arrears.laggards(scope, rollup.kecamatan(), breakdown.opd(), waiting));
    }

    public Summary summary(int year, String kabupatenKotaCode) {
        DashboardScope scope = DashboardScope.of(year, kabupatenKotaCode);
        return summary(scope, regions.of(scope), arrears.waiting(scope));
    }

    public List<RegionRow> byKabupatenKota(int year) {
        return regions.of(DashboardScope.of(year, null)).kabupatenKota();
    }

    public List<RegionRow> byKecamatan(int year, String kabupatenKotaCode) {
        return regions.of(DashboardScope.of(year, kabupatenKotaCode)).kecamatan();
    }

    /** One kecamatan's row, as on the kabupaten/kota level above it. */
    public RegionRow kecamatan(int year, String code) {
        return regions.kecamatan(DashboardScope.of(year, null), code);
    }

    /** Per OPD the pagu is what the OPD was allocated: its own ceiling. */
    public List<RegionRow> byOpd(int year, String kabupatenKotaCode) {
        return breakdowns.of(DashboardScope.of(year, kabupatenKotaCode)).opd();
    }

    public List<RegionRow> byProgramme(int year, String kabupatenKotaCode) {
        return breakdowns.of(DashboardScope.of(year, kabupatenKotaCode)).programme();
    }

    public List<RegionRow> byMechanism(int year, String kabupatenKotaCode) {
        return breakdowns.of(DashboardScope.of(year, kabupatenKotaCode)).mechanism();
    }

    /** The S-curve of the year: cumulative plan, realisation and last year's realisation per month. */
    public List<MonthPoint> monthly(int year, String kabupatenKotaCode) {
        return curve.of(DashboardScope.of(year, kabupatenKotaCode));
    }

    private Summary summary(DashboardScope scope, RegionRollup.Rollup rollup, Arrears.Waiting waiting) {
        return new Summary(scope.year(), scope.opd(), rollup.total(), rollup.kecamatan().size(),
                rollup.withoutRealisation(), waiting.count(), waiting.amount(), previousYear.of(scope));
    }

    /** The figures behind the province page. */
    public record Overview(Summary summary, List<RegionRow> rows, List<RegionRow> byOpd, List<RegionRow> byProgramme,
                           List<RegionRow> byMechanism, Laggards laggards) {
    }
}
