package id.go.jambiprov.dumisake.report.internal;

import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.progress.OutputTarget;
import id.go.jambiprov.dumisake.progress.PastProgress;
import id.go.jambiprov.dumisake.progress.ProgressReports;
import id.go.jambiprov.dumisake.shared.tabular.ImportGate;
import id.go.jambiprov.dumisake.shared.tabular.TabularFile;
import id.go.jambiprov.dumisake.shared.tabular.TabularLimits;
import org.springframework.core.io.InputStreamSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Bulk allocation import for administrators: a file (XLSX or CSV, the template's columns) is checked
 * whole by {@link AllocationImportCheck} and then written all or nothing by {@link Allocations#importAll}.
 * The check holds no transaction of its own: each row is checked in one of its own, so that a refused row does not
 * mark a shared transaction for rollback; the commit is one transaction, the allocations with their output targets.
 * The template and the list of issues are {@link AllocationImportFiles}'.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class AllocationImportService {

    public static final long MAX_BYTES = 20L * 1024 * 1024;
    /** Far more rows than the province has kecamatan × OPD × programmes in a year. */
    static final int MAX_ROWS = 50_000;
    static final TabularLimits LIMITS = TabularLimits.of(MAX_BYTES, MAX_ROWS);

    private final Allocations allocations;
    private final ProgressReports progress;
    private final ImportGate gate;
    private final AllocationImportCheck checks;
    private final AllocationImportFiles files;

    AllocationImportService(Allocations allocations, ProgressReports progress, ImportGate gate,
                            AllocationImportCheck checks, AllocationImportFiles files) {
        this.allocations = allocations;
        this.progress = progress;
        this.gate = gate;
        this.checks = checks;
        this.files = files;
    }

    /** The empty template: the heading row with frozen pane and column widths, and a sheet of instructions. */
    public void writeTemplate(OutputStream out) {
        files.writeTemplate(out);
    }

    /** Reads and checks a whole file; nothing is written. Refuses a file that cannot be read at all. */
    public ImportPreview check(String fileName, InputStreamSource file) {
        return gate.inTurn(() -> checks.check(fileName, TabularFile.bytes(file, LIMITS)));
    }

    /**
     * Writes a checked file: all or nothing, the envelopes locked and checked again, and the rows' output targets
     * set on the allocations they created in the same transaction.
     */
    @Transactional
    public List<AllocationView> commit(ImportPreview preview) {
        if (!preview.acceptable()) {
            throw new ImportRefusedException("report.import.notAcceptable");
        }
        List<AllocationView> created = allocations.importAll(preview.rows().stream().map(ImportedRow::toRequest).toList());
        List<PastProgress> outputs = new ArrayList<>();
        for (int i = 0; i < created.size(); i++) {
            OutputTarget output = preview.rows().get(i).output();
            if (output != null) {
                outputs.add(new PastProgress(created.get(i).id(), List.of(output), List.of()));
            }
        }
        if (!outputs.isEmpty()) {
            progress.takeOver(outputs);
        }
        return created;
    }

    /** The issues as CSV (row, column, message), for the person to fix the file with. */
    public void writeIssues(List<ImportIssue> issues, OutputStream out) {
        files.writeIssues(issues, out);
    }
}
