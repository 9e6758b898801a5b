package id.go.jambiprov.dumisake.beneficiary.internal;

import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.beneficiary.domain.ImportFile;
import id.go.jambiprov.dumisake.programme.ProgrammeService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks every row of an import and collects every error, reading what it needs from the database in a few
 * queries; the aid columns are {@link ImportAidCheck}'s. Runs in the import's transaction.
 */
@Component
class ImportRowChecker {

    /** Progress is written every this many rows checked: often enough for a bar that moves. */
    static final int PROGRESS_STEP = 2_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final Allocations allocations;
    private final ProgrammeService programmes;
    private final AidQueries aid;
    private final ImportJobStore jobs;
    private final MessageSource messages;
    private final Clock clock;

    ImportRowChecker(NamedParameterJdbcTemplate jdbc, Allocations allocations, ProgrammeService programmes,
                     AidQueries aid, ImportJobStore jobs, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.allocations = allocations;
        this.programmes = programmes;
        this.aid = aid;
        this.jobs = jobs;
        this.messages = messages;
        this.clock = clock;
    }

    /** The rows that passed, and the errors of those that did not (none: the file may be written). */
    record Checked(List<ImportedPerson> people, List<ImportError> errors) {
    }

    Checked check(long jobId, List<ImportFile.Row> rows) {
        Check check = new Check(jobId);
        List<ImportedPerson> people = check.rows(rows);
        return new Checked(people, check.errors);
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** The checking of one file: what it has read from the database, the room it has counted, its errors. */
    private final class Check {

        final long jobId;
        final List<ImportError> errors = new ArrayList<>();
        final LocalDate today = LocalDate.now(clock);
        final Map<String, String> kecamatanOfDesa = new HashMap<>();
        final Map<String, ImportAidCheck.Registered> existing = new HashMap<>();
        final Set<String> received = new HashSet<>();
        final ImportAidCheck aidCheck = new ImportAidCheck(allocations, programmes, aid, received, this::error);

        Check(long jobId) {
            this.jobId = jobId;
        }

        List<ImportedPerson> rows(List<ImportFile.Row> rows) {
            jdbc.query("select code, kecamatan_code from desa", rs -> {
                kecamatanOfDesa.put(rs.getString(1), rs.getString(2));
            });
            String[] niks = rows.stream().map(r -> r.get("nik")).toArray(String[]::new);
            jdbc.query("""
                            select b.id, b.nik, d.kecamatan_code, b.welfare_decile
                            from beneficiary b join desa d on d.code = b.desa_code
                            where b.nik = any(:niks)""",
                    new MapSqlParameterSource("niks", niks), rs -> {
                        existing.put(rs.getString(2), new ImportAidCheck.Registered(rs.getLong(1), rs.getString(3),
                                (Integer) rs.getObject(4, Integer.class)));
                    });
            jdbc.query("select nik, programme_code, fiscal_year from aid where nik = any(:niks) and status <> 'CANCELLED'",
                    new MapSqlParameterSource("niks", niks), rs -> {
                        received.add(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getInt(3));
                    });
            Map<String, Integer> rowOfNik = new HashMap<>();
            List<ImportedPerson> people = new ArrayList<>();
            int checked = 0;
            for (ImportFile.Row row : rows) {
                if (++checked % PROGRESS_STEP == 0) {
                    jobs.validated(jobId, checked);
                }
                int number = row.number();
                ImportedPerson person = person(row, number);
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

        private ImportedPerson person(ImportFile.Row row, int number) {
            int errorsBefore = errors.size();
            ImportedPerson p = new ImportedPerson();
            p.today = today;
            Nik.Sex sex = switch (row.get("sex").toUpperCase(Locale.ROOT)) {
                case "M", "L" -> Nik.Sex.M;
                case "F", "P" -> Nik.Sex.F;
                default -> {
                    error(number, "sex", "import.sex", row.get("sex"));
                    yield null;
                }
            };
            LocalDate born = date(row, "date_of_birth", number, this::error);
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
            ImportAidCheck.Registered registered = p.nik == null ? null : existing.get(p.nik.value());
            if (registered != null) {
                p.existingId = registered.id();
            }
            if (!row.get("allocation_id").isBlank() || !row.get("aid_amount").isBlank()) {
                aidCheck.check(p, row, number, kecamatan, decile, registered);
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

        private void error(int row, String column, String key, String value, Object... args) {
            errors.add(new ImportError(row, column, message(key, args), value));
        }
    }

    /** Where the checks put a row's errors. */
    @FunctionalInterface
    interface Errors {
        void add(int row, String column, String key, String value, Object... args);
    }

    /** A required date of the row, or null with an error on the row when it is missing or unreadable. */
    static LocalDate date(ImportFile.Row row, String column, int number, Errors errors) {
        String text = row.get(column);
        if (text.isBlank()) {
            errors.add(number, column, "import.required", text);
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(number, column, "import.date", text);
            return null;
        }
    }
}
