package id.go.jambiprov.dumisake.report.internal;

import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.allocation.NewAllocation;
import id.go.jambiprov.dumisake.progress.OutputTarget;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A row of an import file that passed every check, kept in the session between preview and commit.
 *
 * @param output the row's optional output target (indicator name, unit, target), null without one
 */
public record ImportedRow(int row, int year, String kecamatanCode, String opdCode, String programmeCode,
                          Mechanism mechanism, String desaCode, String title, BigDecimal amount, int plannedMonth,
                          OutputTarget output)
        implements Serializable {

    public NewAllocation toRequest() {
        return new NewAllocation(year, kecamatanCode, opdCode, programmeCode, mechanism, desaCode, title, amount,
                plannedMonth);
    }
}
