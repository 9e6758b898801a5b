package id.go.jambiprov.dumisake.obstacle;

/** What kind of obstacle an allocation met; pages name them through {@code obstacle.category.<name>}. */
public enum ObstacleCategory {
    ADMINISTRASI, DATA_PENERIMA, PENGADAAN, SDM, ANGGARAN, KONDISI_LAPANGAN, LAINNYA
}
