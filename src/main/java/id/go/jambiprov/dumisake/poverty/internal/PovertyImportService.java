package id.go.jambiprov.dumisake.poverty.internal;

import id.go.jambiprov.dumisake.poverty.Indicator;
import id.go.jambiprov.dumisake.poverty.Period;
import id.go.jambiprov.dumisake.poverty.domain.FigurePolicy;
import id.go.jambiprov.dumisake.poverty.domain.Submission;
import id.go.jambiprov.dumisake.poverty.domain.Violation;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.tabular.ImportGate;
import id.go.jambiprov.dumisake.shared.tabular.TabularFile;
import id.go.jambiprov.dumisake.shared.tabular.TabularLimits;
import org.springframework.core.io.InputStreamSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Import of official figures from a file (XLSX or CSV, the template's columns, one row per region, year and
 * period from one source): every row is read and checked, and the file is written all or nothing by
 * {@link PovertyFigureService#applyImport}; a refused file comes back with every row's errors. An empty cell
 * leaves the figure as it is: a file never withdraws a figure, nor turns a gap into 0. A row without any figure
 * (the template's rows that were not filled in) is skipped.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class PovertyImportService {

    public static final long MAX_BYTES = 2L * 1024 * 1024;
    /** Far more rows than 12 regions × 26 years × 2 periods. */
    static final int MAX_ROWS = 2_000;
    static final TabularLimits LIMITS = TabularLimits.of(MAX_BYTES, MAX_ROWS);

    /** The template's columns in order; {@code wilayah} is there for the reader and not read. */
    public static final List<String> COLUMNS = columns();
    private static final Set<String> REQUIRED = Set.of("kode", "tahun", "sumber");

    private final PovertyFigureService figures;
    private final ImportGate gate;

    PovertyImportService(PovertyFigureService figures, ImportGate gate) {
        this.figures = figures;
        this.gate = gate;
    }

    /** The largest file taken, for the import page (which only admins see). */
    public long maxMegabytes() {
        return LIMITS.maxBytesInMegabytes();
    }

    /** Reads, checks and writes a file; returns how many figures now count that did not before. */
    public int importFile(String fileName, InputStreamSource file) {
        return gate.inTurn(() -> {
            List<Submission> submissions = new ArrayList<>();
            List<Violation> violations = new ArrayList<>();
            read(fileName, TabularFile.bytes(file, LIMITS), submissions, violations);
            return figures.applyImport(fileName, submissions, violations);
        });
    }

    private static void read(String fileName, byte[] content, List<Submission> submissions,
                             List<Violation> violations) {
        Map<String, Integer> heading = new HashMap<>();
        Map<String, Integer> firstRowOf = new HashMap<>();
        TabularFile.read(fileName, content, LIMITS, (number, cells) -> {
            if (heading.isEmpty()) {
                readHeading(cells, heading);
                return;
            }
            int violationsBefore = violations.size();
            Submission submission = submission(number, cells, heading, violations);
            if (submission.values().isEmpty() && violations.size() == violationsBefore) {
                // a row of the template left as it came: its region and year, no figure
                return;
            }
            Integer earlier = firstRowOf.putIfAbsent(submission.key(), number);
            if (earlier != null) {
                violations.add(new Violation(number, "code", "poverty.rule.duplicateRow", earlier));
            }
            submissions.add(submission);
        });
        if (submissions.isEmpty()) {
            throw new BusinessRuleException("IMPORT_EMPTY", "poverty.import.noFigures");
        }
    }

    private static void readHeading(List<String> cells, Map<String, Integer> heading) {
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!COLUMNS.contains(name)) {
                throw new BusinessRuleException("IMPORT_UNKNOWN_COLUMN", "poverty.import.unknownColumn", name);
            }
            heading.put(name, i);
        }
        for (String required : REQUIRED) {
            if (!heading.containsKey(required)) {
                throw new BusinessRuleException("IMPORT_MISSING_COLUMN", "poverty.import.missingColumn", required);
            }
        }
    }

    private static Submission submission(int row, List<String> cells, Map<String, Integer> heading,
                                         List<Violation> violations) {
        Map<Indicator, BigDecimal> values = new EnumMap<>(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            BigDecimal value = FigurePolicy.parse(row, indicator, cell(cells, heading, indicator.column()), violations);
            if (value != null) {
                values.put(indicator, value);
            }
        }
        return new Submission(row, year(row, cell(cells, heading, "tahun"), violations), cell(cells, heading, "kode"),
                period(row, cell(cells, heading, "periode"), violations), values, Set.of(),
                cell(cells, heading, "sumber"), cell(cells, heading, "badan_sumber"), cell(cells, heading, "catatan"));
    }

    private static Integer year(int row, String text, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            violations.add(new Violation(row, "year", "poverty.rule.notANumber", text.strip()));
            return null;
        }
    }

    private static Period period(int row, String text, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            return Period.MARET;
        }
        try {
            return Period.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(row, "period", "poverty.rule.periodUnknown", text.strip()));
            return Period.MARET;
        }
    }

    private static String cell(List<String> cells, Map<String, Integer> heading, String column) {
        Integer index = heading.get(column);
        return index == null || index >= cells.size() ? null : cells.get(index);
    }

    private static List<String> columns() {
        List<String> columns = new ArrayList<>(List.of("kode", "wilayah", "tahun", "periode"));
        for (Indicator indicator : Indicator.values()) {
            columns.add(indicator.column());
        }
        columns.addAll(List.of("sumber", "badan_sumber", "catatan"));
        return List.copyOf(columns);
    }

    /** Kept for the template's instructions: what each column holds, by message key. */
    static Map<String, String> helpKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        COLUMNS.forEach(column -> keys.put(column, "poverty.import.help." + column));
        return keys;
    }
}
