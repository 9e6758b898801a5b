package id.go.jambiprov.dumisake.disbursement.internal;

/** The verification queue narrowed to one OPD and/or one kabupaten/kota. */
public record QueueFilter(String opdCode, String kabupatenKotaCode) {
}
