package id.go.jambiprov.dumisake.region;

public enum KabupatenKotaType {
    KABUPATEN, KOTA
}
