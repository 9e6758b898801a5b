package id.go.jambiprov.dumisake.dashboard.internal;

/** What a review note is about. */
public enum ReviewTarget {
    KECAMATAN, OPD, ALLOCATION
}
