package id.go.jambiprov.dumisake.beneficiary;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.allocation.AllocationService;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.beneficiary.domain.ImportFile;
import id.go.jambiprov.dumisake.programme.ProgrammeService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.shared.UploadedFileName;
import id.go.jambiprov.dumisake.shared.money.MoneyFormatException;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import id.go.jambiprov.dumisake.shared.tabular.ImportGate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Imports beneficiaries with their aid from a file, all or nothing: every row is checked first, with every
 * error collected; only a file without errors is written, in one transaction, with {@code COPY}. The
 * allocations it adds aid to are locked before their room is checked again, and the unique index of
 * V10_1 refuses a double receipt that another operator recorded meanwhile.
 *
 * <p>Each import is a job ({@link ImportJobStore}) whose progress is written as it goes: the page runs it in
 * the background ({@link BeneficiaryImportJobs}) and polls it; {@link #importFile} runs one in the caller's
 * thread.
 */
@Service
public class BeneficiaryImportService {

    private static final int ERRORS_ON_PAGE = 200;
    /** Progress is written every this many rows checked or records written: often enough for a bar that moves. */
    static final int PROGRESS_STEP = 2_000;
    /** Rows per COPY statement when writing: each ended COPY is progress the page can trust. */
    static final int COPY_CHUNK = 5_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final DataSource dataSource;
    private final AllocationService allocations;
    private final ProgrammeService programmes;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;
    private final ImportJobStore jobs;
    private final TransactionTemplate transaction;
    private final ImportGate gate;

    BeneficiaryImportService(NamedParameterJdbcTemplate jdbc, DataSource dataSource, AllocationService allocations,
                             ProgrammeService programmes, AuditTrail audit, MessageSource messages, Clock clock,
                             ImportJobStore jobs, PlatformTransactionManager transactions, ImportGate gate) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.allocations = allocations;
        this.programmes = programmes;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.jobs = jobs;
        this.transaction = new TransactionTemplate(transactions);
        this.gate = gate;
    }

    /**
     * Imports a file in the caller's thread (a job like any other, visible on the import pages).
     *
     * @throws BusinessRuleException when the file as a whole is refused (empty, wrong type, another import of
     *                               the OPD running, an allocation filled meanwhile); row errors are in the result
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
            return transaction.execute(status -> checkAndWrite(jobId, name, rows));
        } catch (BusinessRuleException e) {
            jobs.stopped(jobId, ImportJobStatus.REFUSED, e.code(), message(e.messageKey(), e.arguments()));
            throw e;
        }
    }

    private ImportResult checkAndWrite(long jobId, String name, List<ImportFile.Row> rows) {
        Check check = new Check(jobId);
        List<Person> people = check.rows(rows);
        if (!check.errors.isEmpty()) {
            List<ImportError> preview = check.errors.subList(0, Math.min(check.errors.size(), ERRORS_ON_PAGE));
            jobs.finished(jobId, ImportJobStatus.REFUSED, rows.size(), 0, 0, 0, check.errors, preview,
                    report(check.errors));
            return new ImportResult(jobId, name, rows.size(), 0, 0, check.errors.size(), preview);
        }
        // the file is sound: lock the allocations in one order, look at their room again and write everything
        Map<Long, BigDecimal> adding = new TreeMap<>();
        people.stream().filter(p -> p.allocation != null)
                .forEach(p -> adding.merge(p.allocation.id(), p.amount, BigDecimal::add));
        for (Map.Entry<Long, BigDecimal> entry : adding.entrySet()) {
            AllocationView allocation = allocations.lockForDisbursement(entry.getKey(), false);
            BigDecimal remaining = allocation.amount().subtract(aided(entry.getKey()));
            if (entry.getValue().compareTo(remaining) > 0) {
                throw new BusinessRuleException("ALLOCATION_EXCEEDED", "aid.allocationExceeded",
                        Rupiah.format(remaining)).with("allocationId", entry.getKey()).with("remaining", remaining);
            }
        }
        int newPeople = (int) people.stream().filter(p -> p.existingId == null).count();
        int aidRows = (int) people.stream().filter(p -> p.allocation != null).count();
        Progress progress = new Progress(jobId, newPeople + aidRows);
        int created = copyBeneficiaries(people, progress);
        int aid = copyAid(people, progress);
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
        MapSqlParameterSource params = new MapSqlParameterSource("id", importId).addValue("scope", CurrentUser.opdScope());
        Map.Entry<String, String> found = jdbc.query("select error_report, created_by from beneficiary_import"
                                + " where id = :id and error_report is not null"
                                + (CurrentUser.opdScope() == null ? "" : " and opd_code = :scope"), params,
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

    private BigDecimal aided(long allocationId) {
        return jdbc.queryForObject("select coalesce(sum(amount), 0) from aid where allocation_id = :id"
                + " and status <> 'CANCELLED'", new MapSqlParameterSource("id", allocationId), BigDecimal.class);
    }

    private String report(List<ImportError> errors) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(message("import.report.row"), message("import.report.column"),
                    message("import.report.message"), message("import.report.value"));
            for (ImportError e : errors) {
                printer.printRecord(e.row(), e.column(), ImportFile.neutralised(e.message()),
                        ImportFile.neutralised(e.value()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private int copyBeneficiaries(List<Person> people, Progress progress) {
        int count = 0;
        try (Copy copy = new Copy("copy beneficiary (nik, name, sex, date_of_birth, desa_code, address, phone,"
                + " welfare_decile, created_by, registered_opd) from stdin with (format csv)", progress)) {
            for (Person p : people) {
                if (p.existingId == null) {
                    copy.row(p.nik.value(), p.name, p.nik.sex().name(), p.nik.dateOfBirth(p.today), p.desaCode,
                            p.address, p.phone, p.decile, CurrentUser.username(), CurrentUser.opdScope());
                    count++;
                }
            }
        }
        return count;
    }

    private int copyAid(List<Person> people, Progress progress) {
        List<String> niks = people.stream().filter(p -> p.allocation != null).map(p -> p.nik.value()).toList();
        if (niks.isEmpty()) {
            return 0;
        }
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("select id, nik from beneficiary where nik = any(:niks)",
                new MapSqlParameterSource("niks", niks.toArray(String[]::new)),
                rs -> {
                    ids.put(rs.getString(2), rs.getLong(1));
                });
        try (Copy copy = new Copy("copy aid (beneficiary_id, nik, allocation_id, programme_code, fiscal_year, opd_code,"
                + " amount, description, aid_date, created_by) from stdin with (format csv)", progress)) {
            for (Person p : people) {
                if (p.allocation != null) {
                    copy.row(ids.get(p.nik.value()), p.nik.value(), p.allocation.id(), p.allocation.programmeCode(),
                            p.allocation.year(), p.allocation.opdCode(), p.amount, p.description, p.date,
                            CurrentUser.username());
                }
            }
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                // another operator recorded one of these people under the same programme meanwhile
                throw new BusinessRuleException("DOUBLE_RECEIPT", "import.doubleReceiptMeanwhile");
            }
            throw e;
        }
        return niks.size();
    }

    /** Records written so far, reported to the job every {@link #PROGRESS_STEP}. */
    private final class Progress {

        private final long jobId;
        private final int total;
        private int written;

        Progress(long jobId, int total) {
            this.jobId = jobId;
            this.total = total;
            jobs.writing(jobId, total, 0);
        }

        void wrote(int records) {
            written += records;
            jobs.writing(jobId, total, written);
        }
    }

    /**
     * {@code COPY … FROM STDIN} on the transaction's own connection, so that it commits or rolls back with
     * the rest: one COPY per {@link #COPY_CHUNK} rows, because the server may still be working through rows
     * long after the client has sent them, and only a COPY that has ended says that its rows are written.
     */
    private final class Copy implements AutoCloseable {

        private final String sql;
        private final Progress progress;
        private final StringBuilder buffer = new StringBuilder();
        private final CSVPrinter printer;
        private int buffered;

        Copy(String sql, Progress progress) {
            this.sql = sql;
            this.progress = progress;
            try {
                this.printer = new CSVPrinter(buffer, CSVFormat.POSTGRESQL_CSV);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void row(Object... values) {
            try {
                printer.printRecord(values);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (++buffered == COPY_CHUNK) {
                send();
            }
        }

        private void send() {
            if (buffered == 0) {
                return;
            }
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(buffer.toString()));
            } catch (SQLException e) {
                throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
            buffer.setLength(0);
            progress.wrote(buffered);
            buffered = 0;
        }

        @Override
        public void close() {
            send();
        }
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** A checked row. */
    private static final class Person {
        Nik nik;
        LocalDate today;
        String name;
        String desaCode;
        String address;
        String phone;
        Integer decile;
        Long existingId;
        AllocationView allocation;
        BigDecimal amount;
        LocalDate date;
        String description;
    }

    /** Checks every row and collects every error; reads what it needs from the database in a few queries. */
    private final class Check {

        final long jobId;
        final List<ImportError> errors = new ArrayList<>();
        final LocalDate today = LocalDate.now(clock);
        final Map<String, String> kecamatanOfDesa = new HashMap<>();
        final Map<String, Long> existing = new HashMap<>();
        final Set<String> received = new HashSet<>();
        final Map<Long, AllocationView> allocationById = new HashMap<>();
        final Map<Long, BigDecimal> room = new HashMap<>();
        final Map<String, Integer> decileLimit = new HashMap<>();

        Check(long jobId) {
            this.jobId = jobId;
        }

        List<Person> rows(List<ImportFile.Row> rows) {
            jdbc.query("select code, kecamatan_code from desa", rs -> {
                kecamatanOfDesa.put(rs.getString(1), rs.getString(2));
            });
            String[] niks = rows.stream().map(r -> r.get("nik")).toArray(String[]::new);
            jdbc.query("select id, nik from beneficiary where nik = any(:niks)",
                    new MapSqlParameterSource("niks", niks), rs -> {
                        existing.put(rs.getString(2), rs.getLong(1));
                    });
            jdbc.query("select nik, programme_code, fiscal_year from aid where nik = any(:niks) and status <> 'CANCELLED'",
                    new MapSqlParameterSource("niks", niks), rs -> {
                        received.add(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getInt(3));
                    });
            Map<String, Integer> rowOfNik = new HashMap<>();
            List<Person> people = new ArrayList<>();
            int checked = 0;
            for (ImportFile.Row row : rows) {
                if (++checked % PROGRESS_STEP == 0) {
                    jobs.validated(jobId, checked);
                }
                int number = row.number();
                Person person = person(row, number);
                if (person == null) {
                    continue;
                }
                Integer earlier = rowOfNik.putIfAbsent(person.nik.value(), number);
                if (earlier != null) {
                    error(number, "nik", "import.nikTwice", row.get("nik"), earlier);
                    continue;
                }
                people.add(person);
            }
            jobs.validated(jobId, rows.size());
            return people;
        }

        private Person person(ImportFile.Row row, int number) {
            int errorsBefore = errors.size();
            Person p = new Person();
            p.today = today;
            Nik.Sex sex = switch (row.get("sex").toUpperCase(java.util.Locale.ROOT)) {
                case "M", "L" -> Nik.Sex.M;
                case "F", "P" -> Nik.Sex.F;
                default -> {
                    error(number, "sex", "import.sex", row.get("sex"));
                    yield null;
                }
            };
            LocalDate born = date(row, "date_of_birth", number, true);
            Integer decile = null;
            if (!row.get("welfare_decile").isBlank()) {
                try {
                    decile = Integer.valueOf(row.get("welfare_decile"));
                } catch (NumberFormatException e) {
                    error(number, "welfare_decile", "beneficiary.decileInvalid", row.get("welfare_decile"));
                }
            }
            try {
                p.nik = BeneficiaryService.checked(new NewBeneficiary(row.get("nik"), row.get("name"), sex, born,
                        row.get("desa_code"), row.get("address"), row.get("phone"), decile), today);
            } catch (BusinessRuleException e) {
                String column = switch (e.code()) {
                    case "NIK_SEX_MISMATCH" -> "sex";
                    case "NIK_BIRTH_DATE_MISMATCH" -> "date_of_birth";
                    case "NAME_REQUIRED" -> "name";
                    case "DECILE_INVALID" -> "welfare_decile";
                    default -> "nik";
                };
                errors.add(new ImportError(number, column, message(e.messageKey(), e.arguments()), row.get(column)));
            }
            String kecamatan = kecamatanOfDesa.get(row.get("desa_code"));
            if (kecamatan == null) {
                error(number, "desa_code", "beneficiary.desaUnknown", row.get("desa_code"), row.get("desa_code"));
            }
            if (row.get("address").isBlank()) {
                error(number, "address", "import.required", "");
            }
            if (row.get("name").length() > 200 || row.get("address").length() > 500 || row.get("phone").length() > 30) {
                error(number, "name", "import.tooLong", row.get("name"));
            }
            if (p.nik != null) {
                p.existingId = existing.get(p.nik.value());
            }
            if (!row.get("allocation_id").isBlank() || !row.get("aid_amount").isBlank()) {
                aid(p, row, number, kecamatan, decile);
            }
            if (errors.size() > errorsBefore) {
                return null;
            }
            p.name = row.get("name");
            p.desaCode = row.get("desa_code");
            p.address = row.get("address");
            p.phone = row.get("phone").isBlank() ? null : row.get("phone");
            p.decile = decile;
            return p;
        }

        private void aid(Person p, ImportFile.Row row, int number, String kecamatan, Integer decile) {
            if (CurrentUser.opdScope() == null) {
                error(number, "allocation_id", "import.aidOperatorOnly", row.get("allocation_id"));
                return;
            }
            AllocationView allocation = allocation(row.get("allocation_id"));
            if (allocation == null) {
                error(number, "allocation_id", "import.allocationUnknown", row.get("allocation_id"), row.get("allocation_id"));
                return;
            }
            if (!allocation.active() || allocation.mechanism() != Mechanism.BELANJA_OPD) {
                error(number, "allocation_id", "aid.mechanism", row.get("allocation_id"));
                return;
            }
            try {
                p.amount = Rupiah.parse(row.get("aid_amount"));
            } catch (MoneyFormatException e) {
                error(number, "aid_amount", "import.amount", row.get("aid_amount"));
            }
            p.date = date(row, "aid_date", number, true);
            if (p.date != null && p.date.getYear() != allocation.year()) {
                error(number, "aid_date", "aid.dateOutsideYear", row.get("aid_date"), allocation.year());
            }
            p.description = row.get("aid_description").isBlank() ? null : row.get("aid_description");
            if (kecamatan != null && !kecamatan.equals(allocation.kecamatanCode())) {
                error(number, "desa_code", "aid.desaOutsideKecamatan", row.get("desa_code"), row.get("desa_code"),
                        allocation.kecamatanName());
            }
            Integer limit = decileLimit.computeIfAbsent(allocation.programmeCode(),
                    code -> programmes.get(code).maxWelfareDecile());
            if (limit != null && (decile == null || decile > limit)) {
                error(number, "welfare_decile", "aid.decileNotEligible", row.get("welfare_decile"),
                        allocation.programmeName(), limit);
            }
            if (p.nik != null) {
                String key = p.nik.value() + "/" + allocation.programmeCode() + "/" + allocation.year();
                if (!received.add(key)) {
                    error(number, "nik", "aid.doubleReceipt", row.get("nik"), allocation.programmeName(), allocation.year());
                }
            }
            if (p.amount != null) {
                BigDecimal left = room.computeIfAbsent(allocation.id(),
                        id -> allocation.amount().subtract(aided(id))).subtract(p.amount);
                room.put(allocation.id(), left);
                if (left.signum() < 0) {
                    error(number, "aid_amount", "import.allocationExceeded", row.get("aid_amount"), String.valueOf(allocation.id()));
                }
            }
            p.allocation = allocation;
        }

        private AllocationView allocation(String text) {
            long id;
            try {
                id = Long.parseLong(text);
            } catch (NumberFormatException e) {
                return null;
            }
            if (!allocationById.containsKey(id)) {
                AllocationView found;
                try {
                    found = allocations.get(id);
                } catch (NotFoundException e) {
                    found = null;
                }
                allocationById.put(id, found);
            }
            return allocationById.get(id);
        }

        private LocalDate date(ImportFile.Row row, String column, int number, boolean required) {
            String text = row.get(column);
            if (text.isBlank()) {
                if (required) {
                    error(number, column, "import.required", text);
                }
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                error(number, column, "import.date", text);
                return null;
            }
        }

        private void error(int row, String column, String key, String value, Object... args) {
            errors.add(new ImportError(row, column, message(key, args), value));
        }
    }
}
