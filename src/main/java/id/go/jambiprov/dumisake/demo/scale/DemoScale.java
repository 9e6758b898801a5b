package id.go.jambiprov.dumisake.demo.scale;

import id.go.jambiprov.dumisake.demo.scale.ScaleShape.Range;
import id.go.jambiprov.dumisake.demo.scale.ScaleShape.SyntheticRegions;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The sizes {@code --dumisake.demo.scale} accepts. */
enum DemoScale {

    /**
     * Five fiscal years of Jambi (the demo's 2025 and 2026 plus 2022–2024, closed): 30–40 allocations of
     * Rp 1–5 juta per kecamatan and year with 4–6 tranches each, as the dashboard benchmark has always
     * used, and 1,400 beneficiaries with aid per kecamatan (201,600).
     */
    JAMBI_5Y("jambi-5y", SyntheticRegions.NONE, new Range(0, 0)),

    /**
     * Jambi-5y plus 7,000 synthetic kecamatan (35 other provinces × 10 kabupaten × 20 kecamatan, 10 desa
     * each) with 29–33 allocations per kecamatan and year and 2–4 tranches: ~1.1 million allocations and
     * ~3.2 million disbursements, fewer tranches than Jambi so that a run stays within half an hour.
     */
    NATIONAL("national", new SyntheticRegions(35, 10, 20, 10), new Range(29, 33));

    private final String value;
    private final SyntheticRegions syntheticRegions;
    private final Range syntheticAllocations;

    DemoScale(String value, SyntheticRegions syntheticRegions, Range syntheticAllocations) {
        this.value = value;
        this.syntheticRegions = syntheticRegions;
        this.syntheticAllocations = syntheticAllocations;
    }

    static DemoScale of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("dumisake.demo.scale=" + value + " is not one of "
                        + Arrays.stream(values()).map(s -> s.value).collect(Collectors.joining(", "))));
    }

    ScaleShape shape() {
        return new ScaleShape(value, List.of(2022, 2023, 2024), List.of(2022, 2023, 2024), List.of(2025, 2026),
                new Range(30, 40), 4, syntheticRegions, syntheticAllocations, 2, 1400);
    }
}
