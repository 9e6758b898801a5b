package id.go.jambiprov.dumisake.report.internal;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.allocation.AllocationFilter;
import id.go.jambiprov.dumisake.allocation.AllocationStatus;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.allocation.EnvelopeView;
import id.go.jambiprov.dumisake.beneficiary.AidView;
import id.go.jambiprov.dumisake.beneficiary.Beneficiaries;
import id.go.jambiprov.dumisake.dashboard.Dashboards;
import id.go.jambiprov.dumisake.dashboard.RegionRow;
import id.go.jambiprov.dumisake.disbursement.Disbursements;
import id.go.jambiprov.dumisake.progress.MonitoringFigures;
import id.go.jambiprov.dumisake.progress.ProgressReports;
import id.go.jambiprov.dumisake.shared.JambiTime;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lists of the application as Excel or CSV files, exactly as the pages show them: the same services,
 * the same filters and the same scope (an operator's export holds their OPD only). Rows flow from the
 * database cursor straight into the file.
 */
@Service
@Transactional(readOnly = true)
public class ExportService {

    private static final Set<String> DASHBOARD_TABLES = Set.of("kabupaten-kota", "kecamatan", "opd");

    private final Allocations allocations;
    private final Disbursements disbursements;
    private final Dashboards dashboard;
    private final Beneficiaries beneficiaries;
    private final ProgressReports progress;
    private final MessageSource messages;
    private final Clock clock;

    ExportService(Allocations allocations, Disbursements disbursements,
                  Dashboards dashboard, Beneficiaries beneficiaries, ProgressReports progress, MessageSource messages,
                  Clock clock) {
        this.allocations = allocations;
        this.disbursements = disbursements;
        this.dashboard = dashboard;
        this.beneficiaries = beneficiaries;
        this.progress = progress;
        this.messages = messages;
        this.clock = clock;
    }

    /** The pagu, allocated, realised and remaining money of every kecamatan of a year. */
    @PreAuthorize("hasAnyRole('ADMIN', 'EXPERT')")
    public void envelopes(int year, String kabupatenKotaCode, ExportFormat format, OutputStream out) {
        TableHeader header = new TableHeader(msg("report.envelopes.title", year),
                filters(msg("report.filter.kabupatenKota", kabupatenKotaCode)), exportedAt(), List.of(
                Column.text(msg("report.col.kabupatenKota"), 24), Column.text(msg("report.col.kecamatanCode"), 12),
                Column.text(msg("report.col.kecamatan"), 24), Column.money(msg("report.col.pagu")),
                Column.money(msg("report.col.allocated")), Column.money(msg("report.col.remaining")),
                Column.money(msg("report.col.realised"))), msg("report.totals"));
        write(format, out, header, msg("report.envelopes.sheet"), writer -> {
            for (EnvelopeView e : allocations.envelopes(year, kabupatenKotaCode)) {
                writer.row(List.of(e.kabupatenKotaName(), e.kecamatanCode(), e.kecamatanName(), e.pagu(),
                        e.allocated(), e.remaining(), e.realised()));
            }
        });
    }

    /** Allocations as the list page filters them; the totals count ACTIVE ones, like the page's footer. */
    public void allocations(AllocationFilter filter, ExportFormat format, OutputStream out) {
        String active = msg("allocation.status.ACTIVE");
        List<Column> columns = List.of(Column.integer(msg("report.col.id")),
                Column.text(msg("report.col.kabupatenKota"), 22), Column.text(msg("report.col.kecamatanCode"), 12),
                Column.text(msg("report.col.kecamatan"), 22), Column.text(msg("report.col.opd"), 12),
                Column.text(msg("report.col.programme"), 28), Column.text(msg("report.col.mechanism"), 24),
                Column.text(msg("report.col.desa"), 20), Column.text(msg("report.col.title"), 40),
                Column.integer(msg("report.col.plannedMonth")), Column.text(msg("report.col.status"), 12),
                Column.money(msg("report.col.amount")), Column.money(msg("report.col.disbursed")),
                Column.money(msg("report.col.realised")), Column.text(msg("progress.export.outputs"), 40),
                Column.percent(msg("progress.export.physicalPercent")));
        Map<Long, MonitoringFigures> monitoring = filter.year() == null ? Map.of() : progress.figures(filter.year());
        TableHeader header = new TableHeader(msg("report.allocations.title", filter.year()),
                filters(msg("report.filter.kecamatan", filter.kecamatanCode()),
                        msg("report.filter.opd", filter.opdCode()), scopeNote()),
                exportedAt(), columns, 10, active, msg("report.totals"));
        write(format, out, header, msg("report.allocations.sheet"), writer -> allocations.forEach(filter, a -> {
            try {
                writer.row(Arrays.asList(a.id(), a.kabupatenKotaName(), a.kecamatanCode(), a.kecamatanName(),
                        a.opdCode(), a.programmeName(), msg("mechanism." + a.mechanism().name()), a.desaName(),
                        a.title(), a.plannedMonth(), a.status() == AllocationStatus.ACTIVE ? active
                                : msg("allocation.status." + a.status().name()), a.amount(), a.disbursed(),
                        a.realised(), Optional.ofNullable(monitoring.get(a.id())).map(MonitoringFigures::outputs)
                                .orElse(null),
                        Optional.ofNullable(monitoring.get(a.id())).map(MonitoringFigures::latestPhysicalPercent)
                                .orElse(null)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    /** Every disbursement of a year (optionally one OPD) in the caller's scope, oldest allocation first. */
    public void disbursements(int year, String opdCode, ExportFormat format, OutputStream out) {
        List<Column> columns = List.of(Column.integer(msg("report.col.id")),
                Column.integer(msg("report.col.allocationId")), Column.text(msg("report.col.opd"), 12),
                Column.text(msg("report.col.kabupatenKota"), 22), Column.text(msg("report.col.kecamatan"), 22),
                Column.text(msg("report.col.title"), 40), Column.integer(msg("report.col.tranche")),
                Column.text(msg("report.col.sp2dNumber"), 22), Column.date(msg("report.col.sp2dDate")),
                Column.text(msg("report.col.status"), 14), Column.money(msg("report.col.amount")));
        TableHeader header = new TableHeader(msg("report.disbursements.title", year),
                filters(msg("report.filter.opd", opdCode), scopeNote()), exportedAt(), columns, msg("report.totals"));
        write(format, out, header, msg("report.disbursements.sheet"), writer ->
                disbursements.forEach(year, opdCode, null, d -> {
                    try {
                        writer.row(Arrays.asList(d.id(), d.allocationId(), d.opdCode(), d.kabupatenKotaName(),
                                d.kecamatanName(), d.allocationTitle(), d.tranche(), d.sp2dNumber(), d.sp2dDate(),
                                msg("disbursement.status." + d.status().name()), d.amount()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
    }

    /**
     * The direct aid of a year in the caller's scope, NIKs masked as in every list; cancelled aid is listed
     * with its status but left out of the totals, as it was never given.
     */
    public void aid(int year, ExportFormat format, OutputStream out) {
        String recorded = msg("aid.status.RECORDED");
        List<Column> columns = List.of(Column.integer(msg("report.col.id")), Column.text(msg("report.col.nik"), 20),
                Column.text(msg("report.col.beneficiary"), 28), Column.text(msg("report.col.desa"), 20),
                Column.text(msg("report.col.programme"), 28), Column.text(msg("report.col.opd"), 12),
                Column.integer(msg("report.col.allocationId")), Column.text(msg("report.col.title"), 36),
                Column.date(msg("report.col.aidDate")), Column.text(msg("report.col.status"), 12),
                Column.money(msg("report.col.amount")));
        TableHeader header = new TableHeader(msg("report.aid.title", year), filters(scopeNote()), exportedAt(),
                columns, 9, recorded, msg("report.totals"));
        write(format, out, header, msg("report.aid.sheet"), writer -> {
            for (AidView a : beneficiaries.aidOfYear(year)) {
                writer.row(Arrays.asList(a.id(), a.maskedNik(), a.beneficiaryName(), a.desaName(), a.programmeName(),
                        a.opdCode(), a.allocationId(), a.allocationTitle(), a.date(),
                        a.cancelled() ? msg("aid.status.CANCELLED") : recorded, a.amount()));
            }
        });
    }

    /** One table of the dashboard: {@code kabupaten-kota}, {@code kecamatan} or {@code opd}. */
    public void dashboardTable(String table, int year, String kabupatenKotaCode, ExportFormat format,
                               OutputStream out) {
        requireDashboardTable(table);
        List<RegionRow> rows = switch (table) {
            case "kabupaten-kota" -> dashboard.byKabupatenKota(year);
            case "kecamatan" -> dashboard.byKecamatan(year, kabupatenKotaCode);
            default -> dashboard.byOpd(year, kabupatenKotaCode);
        };
        TableHeader header = new TableHeader(msg("report.dashboard.title." + table, year),
                filters(msg("report.filter.kabupatenKota", kabupatenKotaCode), scopeNote()), exportedAt(), List.of(
                Column.text(msg("report.col.code"), 12), Column.text(msg("report.col.name"), 30),
                Column.money(msg("report.col.pagu")), Column.money(msg("report.col.allocated")),
                Column.money(msg("report.col.realised")), Column.percent(msg("report.col.realisedPercent"))),
                msg("report.totals"));
        write(format, out, header, msg("report.dashboard.sheet"), writer -> {
            for (RegionRow row : rows) {
                writer.row(List.of(row.code(), row.name(), row.figures().pagu(), row.figures().allocated(),
                        row.figures().realised(), row.figures().realisedPercent()));
            }
        });
    }

    public static void requireDashboardTable(String table) {
        if (!DASHBOARD_TABLES.contains(table)) {
            throw new NotFoundException("report.tableNotFound", table);
        }
    }

    /** {@code dumisake-alokasi-2026-15.01.xlsx}: what, the year, then every filter code, safe for any disk. */
    public static String fileName(String what, int year, ExportFormat format, String... codes) {
        String suffix = Arrays.stream(codes).filter(Objects::nonNull).filter(code -> !code.isBlank())
                .map(code -> "-" + code.strip().replaceAll("[^A-Za-z0-9.]", "_")).collect(Collectors.joining());
        return "dumisake-" + what + "-" + year + suffix + "." + format.extension();
    }

    interface Rows {
        void writeTo(TableWriter writer) throws IOException;
    }

    static void write(ExportFormat format, OutputStream out, TableHeader header, String sheetName, Rows rows) {
        try (TableWriter writer = format == ExportFormat.XLSX ? new XlsxTableWriter(out, header, sheetName)
                : new CsvTableWriter(out, header)) {
            rows.writeTo(writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The filters actually applied, one line each; a filter left empty is not mentioned. */
    List<String> filters(String... lines) {
        List<String> used = new ArrayList<>();
        for (String line : lines) {
            if (line != null) {
                used.add(line);
            }
        }
        return used;
    }

    String scopeNote() {
        String scope = CurrentUser.opdScope();
        return scope == null ? null : msg("report.filter.scope", scope);
    }

    String exportedAt() {
        return msg("report.exportedAt", ZonedDateTime.now(clock.withZone(JambiTime.ZONE)).format(DateTimeFormatter
                .ofPattern("d MMMM yyyy HH:mm", locale())), CurrentUser.username());
    }

    /** A filter line is left out when its value is empty. */
    String msg(String key, Object... args) {
        if (args.length == 1 && (args[0] == null || "".equals(args[0]))) {
            return key.startsWith("report.filter.") ? null : messages.getMessage(key, args, locale());
        }
        return messages.getMessage(key, args, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

}
