package id.go.jambiprov.dumisake.shared.db;

/**
 * The levels of {@code allocation_rollup}, the allocations kept rolled up at commit (V22_32): the allocation lists'
 * footers, the dashboard, monev and the targeting page read its rows by SQL, each choosing the level whose rows are
 * fewest for its question. The number is part of the row's key; {@code allocation_rollup_changes_of} writes every
 * level.
 */
public enum RollupLevel {

    /** The whole province per OPD, programme and mechanism (region {@code *}, V22_39). */
    PROVINCE(0),
    /** Per kabupaten/kota, OPD, programme and mechanism. */
    BY_KABUPATEN_KOTA(1),
    /** Per kecamatan, every OPD, programme and mechanism together ({@code *}). */
    BY_KECAMATAN(2),
    /** Per kecamatan, OPD, programme and mechanism. */
    BY_KECAMATAN_AND_OPD(3),
    /** Per kabupaten/kota, every OPD, programme and mechanism together ({@code *}, V22_40). */
    KABUPATEN_KOTA_TOTAL(4);

    private final int number;

    RollupLevel(int number) {
        this.number = number;
    }

    /** The level as the table stores it, for a statement's text. */
    public int number() {
        return number;
    }
}
