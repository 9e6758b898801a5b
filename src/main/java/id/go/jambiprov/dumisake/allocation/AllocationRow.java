package id.go.jambiprov.dumisake.allocation;

import java.math.BigDecimal;

/** An allocation as a row of a list shows it: only what the row shows, names joined once per page. */
public record AllocationRow(long id, String kecamatanName, String opdCode, String programmeName, Mechanism mechanism,
                            String desaName, String title, BigDecimal amount, BigDecimal disbursed, int plannedMonth,
                            AllocationStatus status) {

    public boolean active() {
        return status == AllocationStatus.ACTIVE;
    }
}
