package id.go.jambiprov.dumisake.demo.scale;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;

/**
 * Writes one fiscal year of scale data ({@link ScaleDataGenerator}): its allocations with their disbursements in
 * one transaction, then the monthly progress reports and each allocation's latest one.
 * <p>
 * The allocations and their tranches are staged first (temporary tables, dropped at commit), so that each
 * allocation is written once with what its disbursements add up to, and each envelope's realised total is
 * recounted once: that is the same outcome as the disbursement capability moving the totals tranche by tranche,
 * without rewriting a million allocation rows afterwards. The schema's row trigger still moves every envelope's
 * allocated total and count, and every row still passes the CHECKs and foreign keys; the generator's test
 * reconciles all those totals with the rows.
 */
final class ScaleYearWriter {

    private final JdbcTemplate jdbc;
    private final ScaleSteps steps;

    ScaleYearWriter(JdbcTemplate jdbc, ScaleSteps steps) {
        this.jdbc = jdbc;
        this.steps = steps;
    }

    /** Writes {@code year} as of {@code lastDay}: nothing is disbursed or reported after it. */
    void write(ScaleShape shape, int year, LocalDate lastDay) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate until = lastDay.isBefore(yearEnd) ? lastDay : yearEnd;
        StatusMix mix = shape.closedYears().contains(year) ? StatusMix.CLOSED
                : year < lastDay.getYear() ? StatusMix.PAST : StatusMix.CURRENT;
        steps.step("allocations and disbursements " + year, () -> {
            steps.timed("staged allocations " + year, () -> jdbc.update(ScaleSql.STAGE_ALLOCATIONS,
                    shape.jambiAllocations().min(), span(shape.jambiAllocations()),
                    shape.syntheticAllocations().min(), span(shape.syntheticAllocations()), year));
            steps.timed("staged disbursements " + year, () -> jdbc.update(ScaleSql.STAGE_DISBURSEMENTS, until,
                    mix.verified, mix.submitted, mix.rejected, shape.jambiTranches(), shape.syntheticTranches(), until));
            int allocations = steps.timed("allocations " + year, () -> jdbc.update(ScaleSql.ALLOCATIONS));
            steps.timed("disbursements " + year, () -> jdbc.update(ScaleSql.DISBURSEMENTS));
            steps.timed("envelopes' realised totals " + year, () -> jdbc.update(ScaleSql.ENVELOPE_REALISED, year));
            // dropped at commit as well; this is for a caller's transaction that spans several years (the tests')
            jdbc.execute("drop table scale_disbursement, scale_allocation");
            return allocations;
        });
        jdbc.execute("analyze allocation");
        int lastMonth = year < lastDay.getYear() ? 12 : year == lastDay.getYear() ? lastDay.getMonthValue() : 0;
        if (lastMonth > 0) {
            steps.step("progress reports " + year, () -> jdbc.update(ScaleSql.PROGRESS_REPORTS, year, lastMonth, year));
            steps.step("latest progress reports " + year, () -> jdbc.update(ScaleSql.PROGRESS_LATEST, lastMonth, year));
        }
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
