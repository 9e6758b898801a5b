package id.go.jambiprov.dumisake.demo.scale;

import java.util.List;
import java.util.stream.Stream;

/**
 * How much synthetic data {@link ScaleDataGenerator} writes, and where.
 *
 * @param name                  what the logs and the audit event call it ({@code jambi-5y}, {@code national})
 * @param newYears              fiscal years the generator opens (none of them may exist yet)
 * @param closedYears           of {@code newYears}, those closed at the end, as past years are
 * @param existingYears         fiscal years that must exist already and be open (the demo's 2025 and 2026),
 *                              filled as well
 * @param jambiAllocations      allocations per Jambi envelope and year (where the envelope has room)
 * @param jambiTranches         fewest tranches per Jambi allocation; each has this many up to two more
 * @param syntheticRegions      kabupaten/kota, kecamatan and desa added in other provinces (none for Jambi scale)
 * @param syntheticAllocations  allocations per synthetic envelope and year
 * @param syntheticTranches     fewest tranches per synthetic allocation; each has this many up to two more
 * @param beneficiariesPerKecamatan people registered in each Jambi kecamatan, each with one aid record
 */
record ScaleShape(String name, List<Integer> newYears, List<Integer> closedYears, List<Integer> existingYears,
                  Range jambiAllocations, int jambiTranches, SyntheticRegions syntheticRegions,
                  Range syntheticAllocations, int syntheticTranches, int beneficiariesPerKecamatan) {

    /** NIK serials 1–7999 are the generator's; the demo beneficiaries use 8001 and up. */
    static final int MAX_BENEFICIARIES_PER_KECAMATAN = 7999;

    ScaleShape {
        newYears = List.copyOf(newYears);
        closedYears = List.copyOf(closedYears);
        existingYears = List.copyOf(existingYears);
        if (!newYears.containsAll(closedYears)) {
            throw new IllegalArgumentException("only the generator's own years can be closed: " + closedYears);
        }
        if (beneficiariesPerKecamatan < 0 || beneficiariesPerKecamatan > MAX_BENEFICIARIES_PER_KECAMATAN) {
            throw new IllegalArgumentException("beneficiaries per kecamatan: 0 to " + MAX_BENEFICIARIES_PER_KECAMATAN);
        }
        if (jambiTranches < 1 || syntheticTranches < 1 || jambiTranches + 2 > 12 || syntheticTranches + 2 > 12) {
            throw new IllegalArgumentException("tranches are numbered 1 to 12");
        }
    }

    List<Integer> years() {
        return Stream.concat(newYears.stream(), existingYears.stream()).sorted().toList();
    }

    /** From {@code min} to {@code max}, both included. */
    record Range(int min, int max) {
        Range {
            if (min < 0 || max < min) {
                throw new IllegalArgumentException("not a range: " + min + "–" + max);
            }
        }
    }

    /**
     * A grid of clearly synthetic regions: the first {@code provinces} province codes other than Jambi's,
     * each with {@code kabupatenPerProvince} kabupaten of {@code kecamatanPerKabupaten} kecamatan of
     * {@code desaPerKecamatan} desa.
     */
    record SyntheticRegions(int provinces, int kabupatenPerProvince, int kecamatanPerKabupaten, int desaPerKecamatan) {

        static final SyntheticRegions NONE = new SyntheticRegions(0, 0, 0, 0);

        SyntheticRegions {
            if (provinces < 0 || provinces > ScaleDataGenerator.OTHER_PROVINCES.size() || kabupatenPerProvince > 99
                    || kecamatanPerKabupaten > 99 || desaPerKecamatan > 999) {
                throw new IllegalArgumentException("synthetic regions outside the Kemendagri code ranges");
            }
            if (provinces > 0 && (kabupatenPerProvince < 1 || kecamatanPerKabupaten < 1 || desaPerKecamatan < 1)) {
                throw new IllegalArgumentException("every synthetic kabupaten, kecamatan needs at least one below it");
            }
        }

        int kecamatan() {
            return provinces * kabupatenPerProvince * kecamatanPerKabupaten;
        }
    }
}
