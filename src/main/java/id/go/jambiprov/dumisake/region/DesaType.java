package id.go.jambiprov.dumisake.region;

/** Kemendagri village codes starting with 1 are kelurahan, with 2 desa. */
public enum DesaType {
    DESA, KELURAHAN
}
