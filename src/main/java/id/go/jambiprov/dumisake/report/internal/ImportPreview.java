package id.go.jambiprov.dumisake.report.internal;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * An import file checked whole: the rows that passed, every issue found, and the effect per kecamatan.
 * It may be committed only when there is no issue at all.
 */
public record ImportPreview(String fileName, List<ImportedRow> rows, List<ImportIssue> issues,
                           List<KecamatanEffect> effects) implements Serializable {

    /** Where the checked file waits in the session between preview and commit. */
    public static final String SESSION_KEY = "dumisake.allocationImport.preview";

    public boolean acceptable() {
        return issues.isEmpty() && !rows.isEmpty();
    }

    public BigDecimal total() {
        return rows.stream().map(ImportedRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
