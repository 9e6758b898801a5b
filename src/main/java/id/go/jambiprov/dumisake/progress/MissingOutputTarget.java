package id.go.jambiprov.dumisake.progress;

import java.math.BigDecimal;

/** An active allocation of a year without any output target yet ("target keluaran belum diisi"), to act on. */
public record MissingOutputTarget(long allocationId, String opdCode, String kecamatanName, String kabupatenKotaName,
                                  String title, BigDecimal amount, int plannedMonth) {
}
