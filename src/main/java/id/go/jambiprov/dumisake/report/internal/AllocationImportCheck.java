package id.go.jambiprov.dumisake.report.internal;

import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.allocation.EnvelopeView;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.progress.OutputTarget;
import id.go.jambiprov.dumisake.progress.OutputTargetViolation;
import id.go.jambiprov.dumisake.progress.ProgressReports;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.shared.money.MoneyFormatException;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import id.go.jambiprov.dumisake.shared.tabular.TabularFile;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static id.go.jambiprov.dumisake.report.internal.AllocationImportFiles.COLUMNS;
import static id.go.jambiprov.dumisake.report.internal.AllocationImportFiles.OUTPUT_COLUMNS;

/**
 * Reads an allocation file and checks it whole: every row against the same rules as the allocation form,
 * and the rows of each kecamatan together against what its envelope has left. Nothing is written.
 */
@Component
class AllocationImportCheck {

    private static final int TITLE_MAX = 300;
    private static final Map<String, String> OUTPUT_COLUMN = Map.of("name", "indikator_keluaran",
            "unit", "satuan_keluaran", "target", "target_keluaran");

    private final Allocations allocations;
    private final ProgressReports progress;
    private final MessageSource messages;

    AllocationImportCheck(Allocations allocations, ProgressReports progress, MessageSource messages) {
        this.allocations = allocations;
        this.progress = progress;
        this.messages = messages;
    }

    /** The file's rows checked, with what each kecamatan's envelope would take; refuses a file without rows. */
    ImportPreview check(String fileName, byte[] content) {
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
        OutputTarget output = output(row, values, issues);
        if (issues.size() > before) {
            return null;
        }
        ImportedRow imported = new ImportedRow(row, year, values.get("kode_kecamatan").strip(),
                values.get("kode_opd").strip().toUpperCase(Locale.ROOT),
                values.get("kode_program").strip().toUpperCase(Locale.ROOT), mechanism,
                values.get("kode_desa").isBlank() ? null : values.get("kode_desa").strip(), title, amount, month,
                output);
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

    /** The row's optional output target, checked by the progress capability's rules; null when the row has none. */
    private OutputTarget output(int row, Map<String, String> values, List<ImportIssue> issues) {
        String name = values.get("indikator_keluaran");
        String unit = values.get("satuan_keluaran");
        String target = values.get("target_keluaran");
        if (name.isBlank() && unit.isBlank() && target.isBlank()) {
            return null;
        }
        BigDecimal volume;
        try {
            volume = new BigDecimal(target.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            volume = null; // the rules say what a target must be
        }
        OutputTarget output = new OutputTarget(null, name, unit, volume, null);
        for (OutputTargetViolation violation : progress.checkOutputTargets(List.of(output))) {
            issues.add(new ImportIssue(row, OUTPUT_COLUMN.get(violation.field()),
                    msg(violation.messageKey(), violation.arguments())));
        }
        return output;
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
        TabularFile.read(fileName, content, AllocationImportService.LIMITS, (number, cells) -> {
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
            for (String column : OUTPUT_COLUMNS) {
                int index = heading.indexOf(column);
                values.put(column, index >= 0 && index < cells.size() ? cells.get(index).strip() : "");
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
            case "SEN_NOT_ALLOWED" -> "jumlah";
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
