package id.go.jambiprov.dumisake.report.internal;

import org.springframework.core.io.InputStreamSource;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.EnvelopeView;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.shared.money.MoneyFormatException;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import id.go.jambiprov.dumisake.shared.tabular.ImportGate;
import id.go.jambiprov.dumisake.shared.tabular.TabularFile;
import id.go.jambiprov.dumisake.shared.tabular.TabularLimits;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bulk allocation import for administrators: a file (XLSX or CSV, the template's columns) is checked
 * whole — every row against the same rules as the allocation form, and the rows of each kecamatan together
 * against what its envelope has left — and then written all or nothing by {@link Allocations#importAll}.
 * It holds no transaction of its own: each row is checked in one of its own, so that a refused row does not
 * mark a shared transaction for rollback, and the commit is the allocation service's single transaction.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class AllocationImportService {

    public static final long MAX_BYTES = 20L * 1024 * 1024;
    /** Far more rows than the province has kecamatan × OPD × programmes in a year. */
    static final int MAX_ROWS = 50_000;
    static final TabularLimits LIMITS = TabularLimits.of(MAX_BYTES, MAX_ROWS);

    /** The template's columns, in order; machine names, the same in every language. */
    public static final List<String> COLUMNS = List.of("tahun", "kode_kecamatan", "kode_opd", "kode_program",
            "mekanisme", "kode_desa", "kegiatan", "jumlah", "bulan_rencana");

    private static final int TITLE_MAX = 300;

    private final Allocations allocations;
    private final MessageSource messages;
    private final ImportGate gate;

    AllocationImportService(Allocations allocations, MessageSource messages,
                            ImportGate gate) {
        this.allocations = allocations;
        this.messages = messages;
        this.gate = gate;
    }

    /** The empty template: the heading row with frozen pane and column widths, and a sheet of instructions. */
    public void writeTemplate(OutputStream out) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet(msg("report.import.sheet"));
            XSSFCellStyle bold = workbook.createCellStyle();
            bold.setFont(workbook.createFont());
            bold.getFont().setBold(true);
            Row heading = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                Cell cell = heading.createCell(i);
                cell.setCellValue(COLUMNS.get(i));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(i, (COLUMNS.get(i).equals("kegiatan") ? 40 : 18) * 256);
            }
            sheet.createFreezePane(0, 1);
            XSSFSheet help = workbook.createSheet(msg("report.import.helpSheet"));
            help.setColumnWidth(0, 18 * 256);
            help.setColumnWidth(1, 100 * 256);
            for (int i = 0; i < COLUMNS.size(); i++) {
                Row row = help.createRow(i);
                row.createCell(0).setCellValue(COLUMNS.get(i));
                row.createCell(1).setCellValue(msg("report.import.help." + COLUMNS.get(i)));
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and checks a whole file; nothing is written. Refuses a file that cannot be read at all. */
    public ImportPreview check(String fileName, InputStreamSource file) {
        return gate.inTurn(() -> checkInTurn(fileName, TabularFile.bytes(file, LIMITS)));
    }

    private ImportPreview checkInTurn(String fileName, byte[] content) {
        Map<Integer, Map<String, String>> rows = read(fileName, content);
        List<ImportIssue> issues = new ArrayList<>();
        List<ImportedRow> accepted = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, String>> row : rows.entrySet()) {
            ImportedRow checked = checkRow(row.getKey(), row.getValue(), issues);
            if (checked != null) {
                accepted.add(checked);
            }
        }
        if (accepted.isEmpty() && issues.isEmpty()) {
            throw new ImportRefusedException("report.import.noRows");
        }
        return new ImportPreview(fileName, List.copyOf(accepted), issues, effects(accepted, issues));
    }

    /** Writes a checked file: all or nothing, the envelopes locked and checked again. */
    public List<AllocationView> commit(ImportPreview preview) {
        if (!preview.acceptable()) {
            throw new ImportRefusedException("report.import.notAcceptable");
        }
        return allocations.importAll(preview.rows().stream().map(ImportedRow::toRequest).toList());
    }

    /** The issues as CSV (row, column, message), for the person to fix the file with. */
    public void writeIssues(List<ImportIssue> issues, OutputStream out) {
        TableHeader header = new TableHeader(msg("report.import.issuesTitle"), List.of(), "",
                List.of(Column.integer(msg("report.import.row")), Column.text(msg("report.import.column"), 16),
                        Column.text(msg("report.import.message"), 80)), msg("report.totals"));
        try (CsvTableWriter writer = new CsvTableWriter(out, header)) {
            for (ImportIssue issue : issues) {
                writer.row(List.of(issue.row(), issue.column(), issue.message()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ImportedRow checkRow(int row, Map<String, String> values, List<ImportIssue> issues) {
        int before = issues.size();
        Integer year = integer(values.get("tahun"));
        if (year == null) {
            issues.add(new ImportIssue(row, "tahun", msg("report.import.badYear", values.get("tahun"))));
        }
        Mechanism mechanism = null;
        try {
            mechanism = Mechanism.valueOf(values.get("mekanisme").strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            issues.add(new ImportIssue(row, "mekanisme", msg("report.import.badMechanism", values.get("mekanisme"))));
        }
        BigDecimal amount = null;
        try {
            amount = Rupiah.parse(values.get("jumlah"));
        } catch (MoneyFormatException e) {
            issues.add(new ImportIssue(row, "jumlah", msg("report.import.badAmount", values.get("jumlah"))
                    + " " + msg(e.messageKey())));
        }
        Integer month = integer(values.get("bulan_rencana"));
        if (month == null || month < 1 || month > 12) {
            issues.add(new ImportIssue(row, "bulan_rencana", msg("report.import.badMonth", values.get("bulan_rencana"))));
        }
        String title = values.get("kegiatan").strip();
        if (title.isEmpty() || title.length() > TITLE_MAX) {
            issues.add(new ImportIssue(row, "kegiatan", msg("report.import.badTitle", TITLE_MAX)));
        }
        for (String code : List.of("kode_kecamatan", "kode_opd", "kode_program")) {
            if (values.get(code).isBlank()) {
                issues.add(new ImportIssue(row, code, msg("report.import.required")));
            }
        }
        if (issues.size() > before) {
            return null;
        }
        ImportedRow imported = new ImportedRow(row, year, values.get("kode_kecamatan").strip(),
                values.get("kode_opd").strip().toUpperCase(Locale.ROOT),
                values.get("kode_program").strip().toUpperCase(Locale.ROOT), mechanism,
                values.get("kode_desa").isBlank() ? null : values.get("kode_desa").strip(), title, amount, month);
        try {
            allocations.validate(imported.toRequest());
            return imported;
        } catch (BusinessRuleException e) {
            issues.add(new ImportIssue(row, columnOf(e.code()), msg(e.messageKey(), e.arguments())));
        } catch (NotFoundException e) {
            issues.add(new ImportIssue(row, "tahun", msg(e.messageKey(), e.arguments())));
        }
        return null;
    }

    /** Σ of the file per envelope against what it has left; an envelope it overdraws is an issue on each row. */
    private List<KecamatanEffect> effects(List<ImportedRow> rows, List<ImportIssue> issues) {
        Map<String, List<ImportedRow>> byEnvelope = new TreeMap<>();
        for (ImportedRow row : rows) {
            byEnvelope.computeIfAbsent(row.year() + "/" + row.kecamatanCode(), key -> new ArrayList<>()).add(row);
        }
        List<KecamatanEffect> effects = new ArrayList<>();
        for (List<ImportedRow> group : byEnvelope.values()) {
            ImportedRow first = group.get(0);
            EnvelopeView envelope = allocations.envelope(first.year(), first.kecamatanCode());
            BigDecimal inFile = group.stream().map(ImportedRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            KecamatanEffect effect = new KecamatanEffect(first.year(), envelope.kecamatanCode(),
                    envelope.kecamatanName(), group.size(), envelope.remaining(), inFile, envelope.canTake(inFile));
            effects.add(effect);
            if (!effect.fits()) {
                for (ImportedRow row : group) {
                    issues.add(new ImportIssue(row.row(), "jumlah", msg("report.import.capExceeded",
                            envelope.kecamatanName(), first.year(), Rupiah.format(inFile),
                            Rupiah.format(envelope.remaining()), group.size())));
                }
            }
        }
        issues.sort((a, b) -> Integer.compare(a.row(), b.row()));
        return effects;
    }

    /** The data rows by the row number the person sees in the spreadsheet, each column → text. */
    private Map<Integer, Map<String, String>> read(String fileName, byte[] content) {
        Map<Integer, Map<String, String>> rows = new LinkedHashMap<>();
        List<String> heading = new ArrayList<>();
        TabularFile.read(fileName, content, LIMITS, (number, cells) -> {
            if (heading.isEmpty()) {
                cells.forEach(cell -> heading.add(cell.strip().toLowerCase(Locale.ROOT)));
                requireColumns(heading);
                return;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (String column : COLUMNS) {
                int index = heading.indexOf(column);
                values.put(column, index < cells.size() ? cells.get(index).strip() : "");
            }
            rows.put(number, values);
        });
        return rows;
    }

    private void requireColumns(List<String> heading) {
        List<String> missing = COLUMNS.stream().filter(column -> !heading.contains(column)).toList();
        if (!missing.isEmpty()) {
            throw new ImportRefusedException("report.import.missingColumns", String.join(", ", missing));
        }
    }

    private static Integer integer(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String columnOf(String ruleCode) {
        return switch (ruleCode) {
            case "KECAMATAN_UNKNOWN" -> "kode_kecamatan";
            case "OPD_UNKNOWN", "OPD_INACTIVE" -> "kode_opd";
            case "PROGRAMME_UNKNOWN", "PROGRAMME_INACTIVE" -> "kode_program";
            case "DESA_UNKNOWN", "DESA_REQUIRED", "DESA_NOT_ALLOWED", "DESA_OUTSIDE_KECAMATAN" -> "kode_desa";
            default -> "tahun";
        };
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
