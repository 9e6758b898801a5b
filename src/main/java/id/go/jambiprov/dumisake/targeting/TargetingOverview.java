package id.go.jambiprov.dumisake.targeting;

import java.util.List;

/**
 * The targeting figures of a year: the kabupaten/kota shown (one when filtered), the province row (BPS figures
 * of code 15, Dumisake's totals over every kabupaten/kota), the aid by welfare decile (in total and per group of {@code breakdown}), and the regions that
 * need attention ({@code domain.AttentionRule}).
 */
public record TargetingOverview(int year, String kabupatenKota, List<RegionTargeting> regions,
                                RegionTargeting province, List<DecileShare> deciles, DecileBreakdown breakdown,
                                List<DecileGroup> groups, List<RegionTargeting> attention) {

    /** The regions with both a P0 and a realised rupiah per poor person: the points of the scatter chart. */
    public List<RegionTargeting> plotted() {
        return regions.stream().filter(r -> r.povertyRate() != null && r.realisedPerPoorPerson() != null).toList();
    }
}
