package id.go.jambiprov.dumisake.report.internal;

import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.allocation.NewAllocation;

import java.io.Serializable;
import java.math.BigDecimal;

/** A row of an import file that passed every check, kept in the session between preview and commit. */
public record ImportedRow(int row, int year, String kecamatanCode, String opdCode, String programmeCode,
                          Mechanism mechanism, String desaCode, String title, BigDecimal amount, int plannedMonth)
        implements Serializable {

    public NewAllocation toRequest() {
        return new NewAllocation(year, kecamatanCode, opdCode, programmeCode, mechanism, desaCode, title, amount,
                plannedMonth);
    }
}
