package id.go.jambiprov.dumisake.targeting.internal;

import id.go.jambiprov.dumisake.targeting.DecileBreakdown;
import id.go.jambiprov.dumisake.targeting.DecileGroup;
import id.go.jambiprov.dumisake.targeting.DecileShare;
import id.go.jambiprov.dumisake.targeting.FollowUpPerson;
import id.go.jambiprov.dumisake.targeting.PovertyRateGaps;
import id.go.jambiprov.dumisake.targeting.PovertyTrend;
import id.go.jambiprov.dumisake.targeting.RegionTargeting;
import id.go.jambiprov.dumisake.targeting.TargetingOverview;
import id.go.jambiprov.dumisake.targeting.TrendYear;
import id.go.jambiprov.dumisake.targeting.domain.AttentionRule;
import id.go.jambiprov.dumisake.targeting.domain.Ratio;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Puts the targeting figures together from {@link TargetingQueries}, in the caller's scope (an operator's
 * money and people are their OPD's; the BPS figures are everyone's), in one read-only transaction.
 */
@Service
@Transactional(readOnly = true)
public class TargetingService {

    /** The people of the follow-up list one page shows. */
    public static final int FOLLOW_UP_PAGE_SIZE = 50;
    /** The pages of the follow-up list the page lets one go through; the last says when there are more. */
    public static final int FOLLOW_UP_PAGES = 20;
    private static final List<Integer> DECILES = IntStream.rangeClosed(1, 10).boxed().toList();

    private final TargetingQueries queries;

    TargetingService(TargetingQueries queries) {
        this.queries = queries;
    }

    /** The years to choose from, latest first, and the one shown without a choice (the open fiscal year). */
    public Years years() {
        List<TargetingQueries.YearChoice> choices = queries.years();
        Integer preferred = choices.stream().filter(TargetingQueries.YearChoice::open).findFirst()
                .or(() -> choices.stream().findFirst()).map(TargetingQueries.YearChoice::year).orElse(null);
        return new Years(choices.stream().map(TargetingQueries.YearChoice::year).toList(), preferred);
    }

    public TargetingOverview overview(int year, String kabupatenKota, DecileBreakdown by) {
        String filter = kabupatenKota == null || kabupatenKota.isBlank() ? null : kabupatenKota.strip();
        List<RegionTargeting> all = queries.regions(year);
        RegionTargeting bps = all.get(all.size() - 1);
        List<RegionTargeting> kabupatenKotaRows = all.subList(0, all.size() - 1);
        RegionTargeting province = new RegionTargeting(bps.code(), bps.name(), bps.povertyRate(),
                bps.previousPovertyRate(), bps.poorPeople(), sum(kabupatenKotaRows, RegionTargeting::allocated),
                sum(kabupatenKotaRows, RegionTargeting::realised),
                kabupatenKotaRows.stream().mapToLong(RegionTargeting::beneficiaries).sum());
        List<RegionTargeting> shown = kabupatenKotaRows.stream()
                .filter(r -> filter == null || r.code().equals(filter)).toList();
        if (shown.isEmpty()) {
            throw new NotFoundException("targeting.kabupatenKotaNotFound", filter);
        }
        List<RegionTargeting> attention = shown.stream().filter(r -> AttentionRule.needsAttention(r.povertyRate(),
                r.realisedPerPoorPerson(), province.povertyRate(), province.realisedPerPoorPerson())).toList();
        List<TargetingQueries.DecileRow> rows = queries.deciles(year, filter, by);
        List<DecileShare> total = shares(rows.stream().filter(TargetingQueries.DecileRow::total).toList());
        Map<String, List<TargetingQueries.DecileRow>> byGroup = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        rows.stream().filter(r -> !r.total()).forEach(r -> {
            byGroup.computeIfAbsent(r.code(), c -> new ArrayList<>()).add(r);
            names.put(r.code(), r.name());
        });
        List<DecileGroup> groups = byGroup.entrySet().stream()
                .map(e -> new DecileGroup(e.getKey(), names.get(e.getKey()), shares(e.getValue()))).toList();
        return new TargetingOverview(year, filter, shown, province, total, by, groups, attention);
    }

    /**
     * One page of the follow-up list ({@code page} from 0; one before the first is the first, one after the last
     * that may be gone through is that last one, and one past the list's end, an old link of a list that has since
     * become shorter, is the first).
     */
    public FollowUp followUp(int year, String kabupatenKota, int page) {
        String filter = kabupatenKota == null || kabupatenKota.isBlank() ? null : kabupatenKota.strip();
        int shown = Math.max(0, Math.min(page, FOLLOW_UP_PAGES - 1));
        List<FollowUpPerson> people = queries.followUp(year, filter, shown * FOLLOW_UP_PAGE_SIZE,
                FOLLOW_UP_PAGE_SIZE + 1);
        if (people.isEmpty() && shown > 0) {
            return followUp(year, filter, 0);
        }
        boolean more = people.size() > FOLLOW_UP_PAGE_SIZE;
        return new FollowUp(people.stream().limit(FOLLOW_UP_PAGE_SIZE).toList(), shown,
                shown * FOLLOW_UP_PAGE_SIZE + 1, more && shown < FOLLOW_UP_PAGES - 1,
                more && shown == FOLLOW_UP_PAGES - 1);
    }

    /**
     * Every kabupaten/kota and the province over the years from the first to the last year with a P0 or a
     * fiscal year: P0 where published, realised money in the fiscal years (the province's summed).
     */
    public List<PovertyTrend> trend() {
        Trend trend = new Trend(queries.trend(true));
        return trend.regions.entrySet().stream()
                .map(region -> new PovertyTrend(region.getKey(), region.getValue(), trend.years(region.getKey())))
                .toList();
    }

    /**
     * The regions of {@link #trend} with the years of its range without a P0, for the page, which draws the trend
     * from the API: read without the money of every kabupaten/kota and year, at national scale 1,805 of the trend's
     * 2,200 rows and a quarter of the page's allocation (docs/benchmarks.md).
     */
    public List<PovertyRateGaps> povertyRateGaps() {
        Trend trend = new Trend(queries.trend(false));
        return trend.regions.entrySet().stream()
                .map(region -> new PovertyRateGaps(region.getKey(), region.getValue(),
                        trend.yearsWithoutPovertyRate(region.getKey())))
                .toList();
    }

    /** The trend's rows sorted out: the regions in order, P0 and realised money by region and year, the range. */
    private static final class Trend {

        private final Map<String, String> regions = new LinkedHashMap<>();
        private final Map<String, Map<Integer, BigDecimal>> povertyRates = new HashMap<>();
        private final Map<String, Map<Integer, BigDecimal>> realised = new HashMap<>();
        private final TreeSet<Integer> fiscalYears = new TreeSet<>();
        private final List<Integer> range;

        Trend(List<TargetingQueries.TrendRow> rows) {
            TreeSet<Integer> years = new TreeSet<>();
            for (TargetingQueries.TrendRow row : rows) {
                switch (row.kind()) {
                    case "REGION" -> regions.put(row.code(), row.name());
                    case "P0" -> {
                        povertyRates.computeIfAbsent(row.code(), c -> new HashMap<>()).put(row.year(), row.value());
                        years.add(row.year());
                    }
                    case "YEAR" -> {
                        fiscalYears.add(row.year());
                        years.add(row.year());
                    }
                    default -> {
                        realised.computeIfAbsent(row.code(), c -> new HashMap<>()).put(row.year(), row.value());
                        realised.computeIfAbsent(RegionTargeting.PROVINCE, c -> new HashMap<>())
                                .merge(row.year(), row.value(), BigDecimal::add);
                    }
                }
            }
            regions.put(RegionTargeting.PROVINCE, "Provinsi Jambi");
            if (years.isEmpty()) {
                regions.clear();
                range = List.of();
            } else {
                range = IntStream.rangeClosed(years.first(), years.last()).boxed().toList();
            }
        }

        /** Every year of the range: P0 where published, realised money in the fiscal years. */
        List<TrendYear> years(String region) {
            return range.stream().map(year -> new TrendYear(year, povertyRate(region, year), realised(region, year)))
                    .toList();
        }

        List<Integer> yearsWithoutPovertyRate(String region) {
            return range.stream().filter(year -> povertyRate(region, year) == null).toList();
        }

        private BigDecimal povertyRate(String region, int year) {
            return povertyRates.getOrDefault(region, Map.of()).get(year);
        }

        private BigDecimal realised(String region, int year) {
            return fiscalYears.contains(year)
                    ? realised.getOrDefault(region, Map.of()).getOrDefault(year, BigDecimal.ZERO) : null;
        }
    }

    /** Deciles 1–10 and "tanpa desil", each present, with its part of the rupiah. */
    private static List<DecileShare> shares(List<TargetingQueries.DecileRow> rows) {
        BigDecimal total = rows.stream().map(TargetingQueries.DecileRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Integer> deciles = new ArrayList<>(DECILES);
        deciles.add(null);
        return deciles.stream().map(decile -> rows.stream().filter(r -> Objects.equals(r.decile(), decile)).findFirst()
                .map(r -> new DecileShare(decile, r.people(), r.amount(), Ratio.percent(r.amount(), total)))
                .orElse(new DecileShare(decile, 0, BigDecimal.ZERO, Ratio.percent(BigDecimal.ZERO, total)))).toList();
    }

    private static BigDecimal sum(List<RegionTargeting> rows, java.util.function.Function<RegionTargeting, BigDecimal> of) {
        return rows.stream().map(of).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public record Years(List<Integer> years, Integer preferred) {
    }

    /**
     * A page of the follow-up list: its people, the page (from 0), the place of its first person in the list (from
     * 1), whether a next page follows, and whether there are more people than the pages may show.
     */
    public record FollowUp(List<FollowUpPerson> people, int page, int first, boolean hasNext, boolean more) {
    }
}
