package id.go.jambiprov.dumisake.dashboard;

/** What a review note is about. */
public enum ReviewTarget {
    KECAMATAN, OPD, ALLOCATION
}
