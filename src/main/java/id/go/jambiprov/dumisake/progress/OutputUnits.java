package id.go.jambiprov.dumisake.progress;

import java.util.List;

/** The units offered for an output target; any other unit may be typed. */
public final class OutputUnits {

    public static final List<String> OFFERED = List.of("orang", "KK", "unit rumah", "desa", "kelompok", "paket",
            "siswa", "mahasiswa", "unit", "hektare", "kegiatan", "lokasi");

    private OutputUnits() {
    }
}
