package id.go.jambiprov.dumisake.dashboard.internal;

import id.go.jambiprov.dumisake.dashboard.RegionRow;
import id.go.jambiprov.dumisake.dashboard.Summary;
import id.go.jambiprov.dumisake.progress.MissingOutputTarget;
import id.go.jambiprov.dumisake.progress.ProgressReports;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * Every dashboard figure — one place for the answers that the pages, the API and the exports share, each
 * taken from its SQL read model in one read-only transaction: the figures by region
 * ({@link RegionRollup}), by OPD, programme and mechanism ({@link AllocationBreakdown}), what lags behind
 * ({@link Arrears}, and the allocations without output target from the progress module), last year's ({@link PreviousYearFigures}) and the S-curve ({@link RealisationCurve}).
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
    private final ProgressReports progress;

    DashboardService(RegionRollup regions, AllocationBreakdown breakdowns, Arrears arrears,
                     PreviousYearFigures previousYear, RealisationCurve curve, ProgressReports progress) {
        this.regions = regions;
        this.breakdowns = breakdowns;
        this.arrears = arrears;
        this.previousYear = previousYear;
        this.curve = curve;
        this.progress = progress;
    }

    /** Everything the province page shows, in eight statements whatever the amount of data. */
    public Overview overview(int year, String kabupatenKotaCode) {
        DashboardScope scope = DashboardScope.of(year, kabupatenKotaCode);
        RegionRollup.Rollup rollup = regions.of(scope);
        AllocationBreakdown.Breakdown breakdown = breakdowns.of(scope);
        Arrears.Waiting waiting = arrears.waiting(scope);
        return new Overview(summary(scope, rollup, waiting),
                scope.kabupatenKota() != null ? regions.kecamatan(scope) : rollup.kabupatenKota(),
                breakdown.opd(), breakdown.programme(), breakdown.mechanism(),
                arrears.laggards(scope, regions.lowest(scope, rollup, Arrears.FIRST_WARNINGS), breakdown.opd(), waiting,
                        progress.withoutOutputTargets(year, scope.kabupatenKota(), Arrears.FIRST_WARNINGS)));
    }

    /** All allocations past their planned month without realisation or submitted tranche, page by page. */
    public Page<Laggards.OverdueAllocation> overdue(int year, String kabupatenKotaCode, Pageable pageable) {
        return arrears.overdue(DashboardScope.of(year, kabupatenKotaCode), pageable);
    }

    /** All disbursements waiting for verification longer than {@link #waitingDays()}, page by page. */
    public Page<Laggards.WaitingDisbursement> waitingLong(int year, String kabupatenKotaCode, Pageable pageable) {
        DashboardScope scope = DashboardScope.of(year, kabupatenKotaCode);
        return arrears.waitingLong(scope, arrears.waiting(scope), pageable);
    }

    /** All active allocations without an output target, page by page. */
    public Page<MissingOutputTarget> withoutOutputTargets(int year, String kabupatenKotaCode, Pageable pageable) {
        return progress.withoutOutputTargets(year, DashboardScope.of(year, kabupatenKotaCode).kabupatenKota(), pageable);
    }

    /** The kecamatan by realisation, lowest first, page by page (those without pagu in the scope left out). */
    public Page<RegionRow> lowestKecamatan(int year, String kabupatenKotaCode, Pageable pageable) {
        DashboardScope scope = DashboardScope.of(year, kabupatenKotaCode);
        return regions.lowest(scope, regions.of(scope), pageable);
    }

    /** The OPDs by realisation, lowest first, page by page. */
    public Page<RegionRow> lowestOpd(int year, String kabupatenKotaCode, Pageable pageable) {
        return Arrears.page(Arrears.lowestOpd(byOpd(year, kabupatenKotaCode)), pageable);
    }

    /** After how many days a disbursement waiting for verification counts as waiting long. */
    public int waitingDays() {
        return arrears.waitingDays();
    }

    public Summary summary(int year, String kabupatenKotaCode) {
        DashboardScope scope = DashboardScope.of(year, kabupatenKotaCode);
        return summary(scope, regions.of(scope), arrears.waiting(scope));
    }

    public List<RegionRow> byKabupatenKota(int year) {
        return regions.of(DashboardScope.of(year, null)).kabupatenKota();
    }

    public List<RegionRow> byKecamatan(int year, String kabupatenKotaCode) {
        return regions.kecamatan(DashboardScope.of(year, kabupatenKotaCode));
    }

    /** One kecamatan's row, as on the kabupaten/kota level above it. */
    public RegionRow kecamatan(int year, String code) {
        return regions.kecamatan(DashboardScope.of(year, null), code);
    }

    /** Per OPD the pagu is what the OPD was allocated: its own ceiling. */
    public List<RegionRow> byOpd(int year, String kabupatenKotaCode) {
        return breakdowns.of(DashboardScope.of(year, kabupatenKotaCode)).opd();
    }

    /** One OPD's row as {@link #byOpd} has it; none when it has no active allocation in the year. */
    public Optional<RegionRow> opd(int year, String code) {
        return breakdowns.opd(DashboardScope.of(year, null), code);
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
        return new Summary(scope.year(), scope.opd(), rollup.total(), rollup.kecamatan(),
                rollup.withoutRealisation(), waiting.count(), waiting.amount(), previousYear.of(scope));
    }

    /** The figures behind the province page. */
    public record Overview(Summary summary, List<RegionRow> rows, List<RegionRow> byOpd, List<RegionRow> byProgramme,
                           List<RegionRow> byMechanism, Laggards laggards) {
    }
}
