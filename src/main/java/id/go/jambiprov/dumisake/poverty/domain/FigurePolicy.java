package id.go.jambiprov.dumisake.poverty.domain;

import id.go.jambiprov.dumisake.poverty.Indicator;
import id.go.jambiprov.dumisake.poverty.Period;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an official poverty figure must be before it is written, for the form, the API and the import alike:
 * a year from 2000 to next year, a known kabupaten/kota code (or {@code 15} for the province; September only
 * for the province), percentages between 0 and 100, people and rupiah as whole numbers ≥ 0, indices ≥ 0 with at
 * most three decimals, no more poor people than people where both are known, and always a source. Every
 * violation is reported, each at its field, so that a person fixes them all at once.
 */
public final class FigurePolicy {

    public static final int FIRST_YEAR = 2000;
    public static final int MAX_SOURCE = 2000;
    public static final int MAX_SOURCE_BODY = 200;
    public static final int MAX_NOTE = 1000;
    private static final int MAX_DECIMALS = 3;
    /** NUMERIC(18, 3) holds 15 digits before the point. */
    private static final BigDecimal LIMIT = new BigDecimal("1E15");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+([.,]\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(\\.\\d{3})+");
    private static final Pattern WHOLE = Pattern.compile("-?\\d+");

    private final Set<String> knownCodes;
    private final int thisYear;

    /**
     * @param knownCodes the kabupaten/kota codes of the province; {@code 15} (the province) is always known
     * @param thisYear   the current year in WIB
     */
    public FigurePolicy(Set<String> knownCodes, int thisYear) {
        this.knownCodes = Set.copyOf(knownCodes);
        this.thisYear = thisYear;
    }

    /**
     * The violations of {@code submission}; none means it may be written.
     *
     * @param current the values that count now for the same region, year and period (to check the submission
     *                together with what it leaves in place)
     */
    public List<Violation> check(Submission submission, Map<Indicator, BigDecimal> current) {
        List<Violation> violations = new ArrayList<>();
        int row = submission.row();
        Integer year = submission.year();
        if (year == null) {
            violations.add(new Violation(row, "year", "poverty.rule.yearRequired"));
        } else if (year < FIRST_YEAR || year > thisYear + 1) {
            violations.add(new Violation(row, "year", "poverty.rule.yearRange", FIRST_YEAR, thisYear + 1));
        }
        String code = submission.code();
        boolean province = "15".equals(code);
        if (code == null || !(province || knownCodes.contains(code))) {
            violations.add(new Violation(row, "code", "poverty.rule.codeUnknown", code == null ? "" : code));
        } else if (!province && submission.period() == Period.SEPTEMBER) {
            violations.add(new Violation(row, "period", "poverty.rule.septemberProvinceOnly"));
        }
        submission.values().forEach((indicator, value) -> checkValue(row, indicator, value, violations));
        if (submission.values().isEmpty() && submission.withdrawn().isEmpty()) {
            violations.add(new Violation(row, "values", "poverty.rule.nothingGiven"));
        }
        checkPoorWithinPopulation(submission, current, violations);
        if (!submission.values().isEmpty() && submission.source() == null) {
            violations.add(new Violation(row, "source", "poverty.rule.sourceRequired"));
        }
        tooLong(row, "source", submission.source(), MAX_SOURCE, violations);
        tooLong(row, "sourceBody", submission.sourceBody(), MAX_SOURCE_BODY, violations);
        tooLong(row, "note", submission.note(), MAX_NOTE, violations);
        return violations;
    }

    /**
     * A figure typed as text ({@code 8,36}, {@code 8.36}, {@code 20.830}, {@code Rp 617.948}) as a number, or
     * {@code null} for an empty cell; a text that is no number adds a violation. People and rupiah read a dot
     * between groups of three digits as grouping; rates and indices read a dot or a comma as the decimal point.
     */
    public static BigDecimal parse(int row, Indicator indicator, String text, List<Violation> into) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String cleaned = text.strip().replace(" ", "").replace("\u00a0", "");
        boolean whole = indicator.kind() == Indicator.Kind.COUNT || indicator.kind() == Indicator.Kind.RUPIAH;
        if (indicator.kind() == Indicator.Kind.RUPIAH && cleaned.regionMatches(true, 0, "Rp", 0, 2)) {
            cleaned = cleaned.substring(2);
        }
        if (whole && GROUPED.matcher(cleaned).matches()) {
            return new BigDecimal(cleaned.replace(".", ""));
        }
        if (whole && WHOLE.matcher(cleaned).matches()) {
            return new BigDecimal(cleaned);
        }
        if (DECIMAL.matcher(cleaned).matches()) {
            return new BigDecimal(cleaned.replace(',', '.'));
        }
        into.add(new Violation(row, indicator.field(), "poverty.rule.notANumber", text.strip()));
        return null;
    }

    private static void checkValue(int row, Indicator indicator, BigDecimal value, List<Violation> violations) {
        String field = indicator.field();
        if (value.signum() < 0) {
            violations.add(new Violation(row, field, "poverty.rule.negative"));
        } else if (indicator.kind() == Indicator.Kind.RATE && value.compareTo(HUNDRED) > 0) {
            violations.add(new Violation(row, field, "poverty.rule.rateRange"));
        } else if (value.compareTo(LIMIT) >= 0) {
            violations.add(new Violation(row, field, "poverty.rule.tooLarge"));
        } else if ((indicator.kind() == Indicator.Kind.COUNT || indicator.kind() == Indicator.Kind.RUPIAH)
                && value.stripTrailingZeros().scale() > 0) {
            violations.add(new Violation(row, field, "poverty.rule.wholeNumber"));
        } else if (value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            violations.add(new Violation(row, field, "poverty.rule.tooManyDecimals", MAX_DECIMALS));
        }
    }

    /** Both the figures given and those left in place count; a withdrawn one is no longer known. */
    private static void checkPoorWithinPopulation(Submission submission, Map<Indicator, BigDecimal> current,
                                                  List<Violation> violations) {
        Map<Indicator, BigDecimal> after = new EnumMap<>(Indicator.class);
        after.putAll(current);
        after.putAll(submission.values());
        submission.withdrawn().forEach(after::remove);
        BigDecimal poor = after.get(Indicator.POOR_PEOPLE);
        BigDecimal population = after.get(Indicator.POPULATION);
        if (poor != null && population != null && poor.compareTo(population) > 0) {
            String field = submission.values().containsKey(Indicator.POOR_PEOPLE) ? Indicator.POOR_PEOPLE.field()
                    : Indicator.POPULATION.field();
            violations.add(new Violation(submission.row(), field, "poverty.rule.poorAbovePopulation",
                    poor, population));
        }
    }

    private static void tooLong(int row, String field, String text, int max, List<Violation> violations) {
        if (text != null && text.length() > max) {
            violations.add(new Violation(row, field, "poverty.rule.tooLong", max));
        }
    }
}
