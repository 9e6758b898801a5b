package id.go.jambiprov.dumisake.targeting;

/** What the decile table is broken down by. */
public enum DecileBreakdown {
    PROGRAMME, OPD, KABUPATEN_KOTA
}
