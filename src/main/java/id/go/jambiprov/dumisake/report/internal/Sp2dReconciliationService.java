package id.go.jambiprov.dumisake.report.internal;

import id.go.jambiprov.dumisake.disbursement.DisbursementStatus;
import id.go.jambiprov.dumisake.disbursement.DisbursementView;
import id.go.jambiprov.dumisake.disbursement.Disbursements;
import id.go.jambiprov.dumisake.shared.money.MoneyFormatException;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import id.go.jambiprov.dumisake.shared.tabular.ImportGate;
import id.go.jambiprov.dumisake.shared.tabular.TabularFile;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SP2D reconciliation: the treasury's CSV (SIPD: nomor SP2D, tanggal, jumlah, kode OPD) against the
 * VERIFIED disbursements of the year, matched by SP2D number without regard to case or surrounding spaces,
 * as the database's uniqueness rule treats them.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class Sp2dReconciliationService {

    private static final List<String> COLUMNS = List.of("nomor_sp2d", "tanggal", "jumlah", "kode_opd");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d/M/yyyy"), DateTimeFormatter.ofPattern("d-M-yyyy"));

    private final Disbursements disbursements;
    private final MessageSource messages;
    private final ImportGate gate;

    Sp2dReconciliationService(Disbursements disbursements, MessageSource messages, ImportGate gate) {
        this.disbursements = disbursements;
        this.messages = messages;
        this.gate = gate;
    }

    public Reconciliation reconcile(int year, String fileName, InputStreamSource file) {
        return gate.inTurn(() -> reconcileInTurn(year, fileName,
                TabularFile.bytes(file, AllocationImportService.LIMITS)));
    }

    private Reconciliation reconcileInTurn(int year, String fileName, byte[] content) {
        Map<String, TreasuryRow> treasury = read(fileName, content);
        List<ReconciliationLine> lines = new ArrayList<>();
        disbursements.forEach(year, null, DisbursementStatus.VERIFIED, d -> {
            TreasuryRow row = treasury.remove(key(d.sp2dNumber()));
            lines.add(row == null ? onlyHere(d) : compare(row, d));
        });
        treasury.values().forEach(row -> lines.add(new ReconciliationLine(ReconciliationLine.Outcome.ONLY_IN_TREASURY,
                row.number(), row.opdCode(), row.date(), row.amount(), null, null, null)));
        lines.sort((a, b) -> a.outcome() != b.outcome() ? b.outcome().compareTo(a.outcome())
                : a.sp2dNumber().compareToIgnoreCase(b.sp2dNumber()));
        return new Reconciliation(year, fileName, List.copyOf(lines));
    }

    public void export(Reconciliation reconciliation, ExportFormat format, OutputStream out) {
        TableHeader header = new TableHeader(msg("report.sp2d.exportTitle", reconciliation.year()),
                List.of(msg("report.sp2d.file", reconciliation.fileName())), "", List.of(
                Column.text(msg("report.sp2d.outcome"), 30), Column.text(msg("report.col.sp2dNumber"), 24),
                Column.text(msg("report.col.opd"), 12), Column.date(msg("report.sp2d.treasuryDate")),
                Column.money(msg("report.sp2d.treasuryAmount")), Column.integer(msg("report.sp2d.disbursement")),
                Column.date(msg("report.col.sp2dDate")), Column.money(msg("report.col.amount"))), msg("report.totals"));
        try (TableWriter writer = format == ExportFormat.XLSX ? new XlsxTableWriter(out, header, msg("report.sp2d.sheet"))
                : new CsvTableWriter(out, header)) {
            for (ReconciliationLine line : reconciliation.lines()) {
                writer.row(Arrays.asList(msg("report.sp2d.outcome." + line.outcome().name()), line.sp2dNumber(),
                        line.opdCode(), line.treasuryDate(), line.treasuryAmount(), line.disbursementId(), line.date(),
                        line.amount()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ReconciliationLine compare(TreasuryRow row, DisbursementView d) {
        boolean amountDiffers = row.amount().compareTo(d.amount()) != 0;
        boolean dateDiffers = !row.date().equals(d.sp2dDate());
        ReconciliationLine.Outcome outcome = amountDiffers && dateDiffers ? ReconciliationLine.Outcome.AMOUNT_AND_DATE_DIFFER
                : amountDiffers ? ReconciliationLine.Outcome.AMOUNT_DIFFERS
                : dateDiffers ? ReconciliationLine.Outcome.DATE_DIFFERS : ReconciliationLine.Outcome.MATCHED;
        return new ReconciliationLine(outcome, d.sp2dNumber(), d.opdCode(), row.date(), row.amount(), d.id(),
                d.sp2dDate(), d.amount());
    }

    private static ReconciliationLine onlyHere(DisbursementView d) {
        return new ReconciliationLine(ReconciliationLine.Outcome.ONLY_IN_DUMISAKE, d.sp2dNumber(), d.opdCode(), null,
                null, d.id(), d.sp2dDate(), d.amount());
    }

    private record TreasuryRow(String number, LocalDate date, BigDecimal amount, String opdCode) {
    }

    private Map<String, TreasuryRow> read(String fileName, byte[] content) {
        Map<String, TreasuryRow> rows = new LinkedHashMap<>();
        List<String> heading = new ArrayList<>();
        TabularFile.read(fileName, content, AllocationImportService.LIMITS, (number, cells) -> {
            if (heading.isEmpty()) {
                cells.forEach(h -> heading.add(h.strip().toLowerCase(Locale.ROOT).replace(' ', '_')));
                List<String> missing = COLUMNS.stream().filter(c -> !heading.contains(c)).toList();
                if (!missing.isEmpty()) {
                    throw new ImportRefusedException("report.import.missingColumns", String.join(", ", missing));
                }
                return;
            }
            String sp2dNumber = value(cells, heading, "nomor_sp2d");
            if (sp2dNumber.isBlank()) {
                return;
            }
            LocalDate date = date(value(cells, heading, "tanggal"), number);
            BigDecimal amount = amount(value(cells, heading, "jumlah"), number);
            rows.put(key(sp2dNumber), new TreasuryRow(sp2dNumber, date, amount, value(cells, heading, "kode_opd")));
        });
        if (rows.isEmpty()) {
            throw new ImportRefusedException("report.import.noRows");
        }
        return rows;
    }

    private static String value(List<String> cells, List<String> heading, String column) {
        int index = heading.indexOf(column);
        return index < cells.size() ? cells.get(index).strip() : "";
    }

    private static LocalDate date(String text, int row) {
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // try the next format the treasury uses
            }
        }
        throw new ImportRefusedException("report.sp2d.badDate", row, text);
    }

    /** SIPD writes {@code 1500000.00}; a person's spreadsheet writes {@code 1.500.000}. Both are read. */
    private static BigDecimal amount(String text, int row) {
        try {
            if (text.matches("\\d+\\.\\d{1,2}")) {
                return new BigDecimal(text);
            }
            return Rupiah.parse(text);
        } catch (MoneyFormatException | NumberFormatException e) {
            throw new ImportRefusedException("report.sp2d.badAmount", row, text);
        }
    }

    private static String key(String sp2dNumber) {
        return sp2dNumber.strip().toLowerCase(Locale.ROOT);
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
