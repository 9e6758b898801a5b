package id.go.jambiprov.dumisake.beneficiary;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One aid record; {@code maskedNik} because lists never show a full NIK.
 *
 * @param status       {@code RECORDED}, or {@code CANCELLED} with {@code cancelReason} and {@code cancelledBy}
 * @param version      for cancelling: a cancel sent with an older version is refused as stale
 */
public record AidView(long id, long beneficiaryId, String maskedNik, String beneficiaryName, String desaName,
                      long allocationId, String allocationTitle, String programmeCode, String programmeName,
                      int year, String opdCode, BigDecimal amount, String description, LocalDate date,
                      String status, String createdBy, String cancelReason, String cancelledBy, long version) {

    public boolean cancelled() {
        return "CANCELLED".equals(status);
    }
}
