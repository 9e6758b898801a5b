package id.go.jambiprov.dumisake.beneficiary.internal;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.account.OpdScope;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.beneficiary.domain.ImportFile;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.shared.UploadedFileName;
import id.go.jambiprov.dumisake.shared.tabular.ImportGate;
import id.go.jambiprov.dumisake.shared.tabular.SpreadsheetCell;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Imports beneficiaries with their aid from a file, all or nothing: every row is checked first, with every
 * error collected; only a file without errors is written, in one transaction, with {@code COPY}. The
 * allocations it adds aid to are locked before their room is checked again, and the unique index of
 * V10_1 refuses a double receipt that another operator recorded meanwhile.
 *
 * <p>Each import is a job ({@link ImportJobStore}) whose progress is written as it goes: the page runs it in
 * the background ({@link BeneficiaryImportJobs}) and polls it; {@link #importFile} runs one in the caller's
 * thread. The rows are checked by {@link ImportRowChecker} and written by {@link ImportWriter}.
 *
 * <p>The outcome of a file tells for each row whether its NIK is registered: before anything is checked, the
 * rows naming people the uploader's OPD may not see are counted and audited as NIK searches, and a file with
 * more of them than the account has searches left is refused whole ({@link BeneficiaryService#admitImport}).
 */
@Service
public class BeneficiaryImportService {

    private static final int ERRORS_ON_PAGE = 200;

    private final NamedParameterJdbcTemplate jdbc;
    private final ImportRowChecker checker;
    private final ImportWriter writer;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final ImportJobStore jobs;
    private final TransactionTemplate transaction;
    private final ImportGate gate;
    private final BeneficiaryService beneficiaries;

    BeneficiaryImportService(NamedParameterJdbcTemplate jdbc, ImportRowChecker checker, ImportWriter writer,
                             AuditTrail audit, MessageSource messages, ImportJobStore jobs,
                             PlatformTransactionManager transactions, ImportGate gate,
                             BeneficiaryService beneficiaries) {
        this.jdbc = jdbc;
        this.checker = checker;
        this.writer = writer;
        this.audit = audit;
        this.messages = messages;
        this.jobs = jobs;
        this.transaction = new TransactionTemplate(transactions);
        this.gate = gate;
        this.beneficiaries = beneficiaries;
    }

    /**
     * Imports a file in the caller's thread (a job like any other, visible on the import pages).
     *
     * @throws BusinessRuleException when the file as a whole is refused (empty, wrong type, another import of
     *                               the OPD running, too many NIKs of other OPDs' people for the account's
     *                               NIK searches, an allocation filled meanwhile); row errors are in the result
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'OPD_OPERATOR')")
    public ImportResult importFile(String fileName, byte[] content) {
        String name = nameOf(fileName);
        requireContent(content);
        try (ImportJobStore.Handle job = jobs.open(name, CurrentUser.username(), CurrentUser.opdScope())) {
            return gate.inTurn(() -> run(job.id, name, content));
        }
    }

    /**
     * Runs the job {@code jobId}: reads the file, checks every row, writes everything or nothing, and leaves
     * the outcome on the job. A refusal of the whole file ends the job as REFUSED and is thrown on.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'OPD_OPERATOR')")
    public ImportResult run(long jobId, String name, byte[] content) {
        jobs.started(jobId);
        try {
            List<ImportFile.Row> rows = ImportFile.read(name, content);
            jobs.read(jobId, rows.size());
            // whether each NIK is registered shows in the outcome: another OPD's people count as NIK searches
            beneficiaries.admitImport(rows.stream().map(row -> row.get("nik")).toList());
            return transaction.execute(status -> checkAndWrite(jobId, name, rows));
        } catch (BusinessRuleException e) {
            jobs.stopped(jobId, ImportJobStatus.REFUSED, e.code(), message(e.messageKey(), e.arguments()));
            throw e;
        }
    }

    private ImportResult checkAndWrite(long jobId, String name, List<ImportFile.Row> rows) {
        ImportRowChecker.Checked check = checker.check(jobId, rows);
        if (!check.errors().isEmpty()) {
            List<ImportError> preview = check.errors().subList(0, Math.min(check.errors().size(), ERRORS_ON_PAGE));
            jobs.finished(jobId, ImportJobStatus.REFUSED, rows.size(), 0, 0, 0, check.errors(), preview,
                    report(check.errors()));
            return new ImportResult(jobId, name, rows.size(), 0, 0, check.errors().size(), preview);
        }
        ImportWriter.Written written = writer.write(jobId, check.people());
        int created = written.beneficiaries();
        int aid = written.aid();
        jobs.finished(jobId, ImportJobStatus.SUCCEEDED, rows.size(), created, aid, created + aid, List.of(), List.of(),
                null);
        audit.record("BENEFICIARIES_IMPORTED", "BeneficiaryImport", jobId, null,
                Map.of("file", name, "rows", rows.size(), "beneficiariesCreated", created, "aidCreated", aid));
        return new ImportResult(jobId, name, rows.size(), created, aid, 0, List.of());
    }

    /**
     * The error report of an import as CSV; cells that a spreadsheet would run as formulas are quoted. For the
     * admins and the uploader's OPD, like the job; it holds the NIKs of the file, so that anybody but the
     * uploader who downloads it leaves an audit event.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'OPD_OPERATOR')")
    public String errorReport(long importId) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", importId);
        Map.Entry<String, String> found = jdbc.query("select error_report, created_by from beneficiary_import"
                                + " where id = :id and error_report is not null" + OpdScope.sql("opd_code", params), params,
                        (rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .stream().findFirst().orElseThrow(() -> new NotFoundException("import.notFound", importId));
        if (!found.getValue().equals(CurrentUser.username())) {
            audit.record("IMPORT_REPORT_DOWNLOADED", "BeneficiaryImport", importId, null,
                    Map.of("uploadedBy", found.getValue()));
        }
        return found.getKey();
    }

    /** An empty file with the columns an import reads, for operators to fill in. */
    public static String template() {
        return String.join(",", ImportFile.COLUMNS) + "\r\n"
                + "1501014107900001,Contoh Penerima Sintetis,F,1990-07-01,15.01.01.2001,Jl. Contoh No. 1,,3,,,,\r\n";
    }

    static String nameOf(String fileName) {
        return UploadedFileName.of(fileName, "impor");
    }

    /** An empty upload is refused at once, before any job exists. */
    static void requireContent(byte[] content) {
        if (content == null || content.length == 0) {
            throw new BusinessRuleException("IMPORT_EMPTY", "tabular.empty");
        }
    }

    private String report(List<ImportError> errors) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(message("import.report.row"), message("import.report.column"),
                    message("import.report.message"), message("import.report.value"));
            for (ImportError e : errors) {
                printer.printRecord(e.row(), e.column(), SpreadsheetCell.neutralised(e.message()),
                        SpreadsheetCell.neutralised(e.value()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
