package id.go.jambiprov.dumisake.demo.scale;

import id.go.jambiprov.dumisake.allocation.KeptTotalsDifference;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Writes one fiscal year of scale data ({@link ScaleDataGenerator}): its allocations with their disbursements in
 * one transaction; then, once those are committed, the monthly progress reports and each allocation's latest one.
 * <p>
 * The allocations and their tranches are staged first (temporary tables, dropped at commit), so that each
 * allocation is written once with what its disbursements add up to: that is the same outcome as the disbursement
 * capability moving the totals tranche by tranche, without rewriting a million allocation rows afterwards. The
 * totals the allocation and disbursement triggers keep (the envelopes' allocated and count, the cells of
 * {@code allocation_total}, the days of {@code disbursement_day}, the tranche numbers of {@code allocation_tranches})
 * are deferred for the year's inserts (V21_40) and added set-based, one statement per table, together with the
 * envelopes' realised totals; every row still passes the CHECKs and foreign keys (as the owner, each key once for the
 * year's rows: {@link ScaleConnection}). Before the year commits (as the owner: right after), the kept-totals
 * reconciliation must find no difference between those totals and the rows, or the year (the run) is refused with
 * the differences in the message.
 */
final class ScaleYearWriter {

    private final ScaleConnection years;
    private final ScaleConnection progress;
    private final IntFunction<List<KeptTotalsDifference>> keptTotalsDifferences;

    /**
     * @param years                 where a year's allocations and disbursements are written
     * @param progress              where its progress reports are written
     * @param keptTotalsDifferences the reconciliation of a year's kept totals, on the application's connection: in
     *                              the year's transaction when {@code years} is that connection, after its commit when
     *                              it is the owner's (which fails the run, not the year)
     */
    ScaleYearWriter(ScaleConnection years, ScaleConnection progress,
                    IntFunction<List<KeptTotalsDifference>> keptTotalsDifferences) {
        this.years = years;
        this.progress = progress;
        this.keptTotalsDifferences = keptTotalsDifferences;
    }

    /** Writes the allocations and disbursements of {@code year} as of {@code lastDay}: nothing disbursed after it. */
    void writeAllocations(ScaleShape shape, int year, LocalDate lastDay) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate until = lastDay.isBefore(yearEnd) ? lastDay : yearEnd;
        StatusMix mix = shape.closedYears().contains(year) ? StatusMix.CLOSED
                : year < lastDay.getYear() ? StatusMix.PAST : StatusMix.CURRENT;
        JdbcTemplate jdbc = years.jdbc();
        ScaleSteps steps = years.steps();
        steps.step("allocations and disbursements " + year, () -> {
            jdbc.queryForObject("select set_config('dumisake.kept_totals', 'deferred', true)", String.class);
            steps.timed("staged allocations " + year, () -> jdbc.update(ScaleSql.STAGE_ALLOCATIONS,
                    shape.jambiAllocations().min(), span(shape.jambiAllocations()),
                    shape.syntheticAllocations().min(), span(shape.syntheticAllocations()), year));
            steps.timed("staged disbursements " + year, () -> jdbc.update(ScaleSql.STAGE_DISBURSEMENTS, until,
                    mix.verified, mix.submitted, mix.rejected, shape.jambiTranches(), shape.syntheticTranches(), until));
            int allocations = steps.timed("allocations " + year, () -> years.insert(ScaleSql.ALLOCATIONS,
                    ScaleSql.ALLOCATIONS_WITHOUT_KEYS, year));
            steps.timed("disbursements " + year, () -> years.insert(ScaleSql.DISBURSEMENTS,
                    ScaleSql.DISBURSEMENTS_WITHOUT_KEYS, year));
            // statistics that count the year's rows (ANALYZE samples this transaction's own as live): the totals and
            // the reconciliation below read them, and with last year's figures plan loops over a table per row
            steps.timed("statistics " + year, () -> {
                jdbc.execute("analyze allocation, disbursement");
                return 0;
            });
            steps.timed("kept totals' cells " + year, () -> jdbc.update(ScaleSql.STAGE_CELLS, year));
            steps.timed("envelopes' totals " + year, () -> jdbc.update(ScaleSql.ENVELOPE_TOTALS));
            steps.timed("allocation totals " + year, () -> jdbc.update(ScaleSql.ALLOCATION_TOTALS));
            steps.timed("disbursement days " + year, () -> {
                int days = jdbc.update(ScaleSql.DISBURSEMENT_DAYS);
                jdbc.queryForObject("select disbursement_day_add()", Object.class);
                return days;
            });
            steps.timed("allocations' tranches " + year, () -> jdbc.update(ScaleSql.ALLOCATION_TRANCHES, year));
            jdbc.queryForObject("select set_config('dumisake.kept_totals', '', true)", String.class);
            if (!years.owner()) {
                reconcile(year);
            }
            // dropped at commit as well; this is for a caller's transaction that spans several years (the tests')
            jdbc.execute("drop table scale_cell, scale_disbursement, scale_allocation");
            return allocations;
        });
        if (years.owner()) {
            reconcile(year);
        }
    }

    private void reconcile(int year) {
        years.steps().timed("kept totals reconciled " + year, () -> {
            List<KeptTotalsDifference> differences = keptTotalsDifferences.apply(year);
            if (!differences.isEmpty()) {
                throw new IllegalStateException("Scale data: the kept totals of " + year + " differ from the rows in "
                        + differences.size() + " figures, e.g. " + differences.subList(0, Math.min(5, differences.size())));
            }
            return 0;
        });
    }

    /**
     * Writes the monthly progress reports of the generated allocations of {@code year} (committed before), up to
     * the month of {@code lastDay}, and each allocation's latest one; then the year's roll-up of the allocations and
     * their latest reports (V22_32), deferred for the year's inserts of allocations and latest reports and counted here
     * anew from the rows, the demo's allocations of the year with the generator's: each insert would otherwise pass
     * over the year's 220,000 allocations (national scale).
     */
    void writeProgress(int year, LocalDate lastDay) {
        int lastMonth = year < lastDay.getYear() ? 12 : year == lastDay.getYear() ? lastDay.getMonthValue() : 0;
        JdbcTemplate jdbc = progress.jdbc();
        ScaleSteps steps = progress.steps();
        steps.step("progress reports and roll-up " + year, () -> {
            jdbc.queryForObject("select set_config('dumisake.kept_totals', 'deferred', true)", String.class);
            if (lastMonth > 0) {
                steps.timed("progress reports " + year, () -> progress.insert(ScaleSql.PROGRESS_REPORTS,
                        ScaleSql.PROGRESS_REPORTS_WITHOUT_KEYS, year, year, lastMonth, year));
                steps.timed("latest progress reports " + year, () -> jdbc.update(ScaleSql.PROGRESS_LATEST, lastMonth,
                        year));
            }
            jdbc.queryForObject("select set_config('dumisake.kept_totals', '', true)", String.class);
            return steps.timed("allocation roll-up " + year, () -> {
                jdbc.update(ScaleSql.ALLOCATION_ROLLUP_CLEARED, year);
                return jdbc.update(ScaleSql.ALLOCATION_ROLLUP, year);
            });
        });
    }

    private static int span(ScaleShape.Range range) {
        return range.max() - range.min() + 1;
    }

    /** Shares of VERIFIED, SUBMITTED and REJECTED tranches (cumulative; the rest are DRAFT). */
    private enum StatusMix {
        CLOSED(0.96, 0.96, 1.0), PAST(0.90, 0.94, 0.98), CURRENT(0.80, 0.90, 0.95);

        final double verified;
        final double submitted;
        final double rejected;

        StatusMix(double verified, double submitted, double rejected) {
            this.verified = verified;
            this.submitted = submitted;
            this.rejected = rejected;
        }
    }
}
