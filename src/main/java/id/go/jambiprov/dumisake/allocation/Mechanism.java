package id.go.jambiprov.dumisake.allocation;

/** How the money of an allocation reaches the people: the programme's own two channels, one split. */
public enum Mechanism {
    /** The provincial agency spends it itself (belanja OPD). */
    BELANJA_OPD,
    /** Financial assistance to the kabupaten/kota government of the kecamatan. */
    BANTUAN_KEUANGAN_KABKOTA,
    /** Financial assistance to one desa of the kecamatan. */
    BANTUAN_KEUANGAN_DESA;

    public boolean needsDesa() {
        return this == BANTUAN_KEUANGAN_DESA;
    }
}
