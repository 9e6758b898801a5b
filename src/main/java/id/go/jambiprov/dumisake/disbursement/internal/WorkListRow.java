package id.go.jambiprov.dumisake.disbursement.internal;

import java.math.BigDecimal;

/** One allocation of an operator's work list with its money by disbursement status. */
public record WorkListRow(long allocationId, int year, String opdCode, String kecamatanName, String kabupatenKotaName,
                          String programmeName, String title, BigDecimal allocated, BigDecimal draft,
                          BigDecimal submitted, BigDecimal verified, BigDecimal rejected, long disbursements) {

    /** What may still be disbursed: the allocation less everything not rejected. */
    public BigDecimal remaining() {
        return allocated.subtract(draft).subtract(submitted).subtract(verified);
    }
}
