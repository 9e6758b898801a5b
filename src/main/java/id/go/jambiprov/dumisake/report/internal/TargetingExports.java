package id.go.jambiprov.dumisake.report.internal;

import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.targeting.DecileBreakdown;
import id.go.jambiprov.dumisake.targeting.DecileGroup;
import id.go.jambiprov.dumisake.targeting.DecileShare;
import id.go.jambiprov.dumisake.targeting.RegionTargeting;
import id.go.jambiprov.dumisake.targeting.Targeting;
import id.go.jambiprov.dumisake.targeting.TargetingOverview;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The tables of the "Sasaran kemiskinan" page as Excel or CSV, in the caller's scope like the page. A figure
 * BPS has not published, and a ratio without a denominator, is an empty cell — never 0; the sheet says so
 * above the table.
 */
@Service
@Transactional(readOnly = true)
public class TargetingExports {

    private static final Set<String> TABLES = Set.of("wilayah", "desil");

    private final ExportService exports;
    private final Targeting targeting;

    TargetingExports(ExportService exports, Targeting targeting) {
        this.exports = exports;
        this.targeting = targeting;
    }

    public static void requireTable(String table) {
        if (!TABLES.contains(table)) {
            throw new NotFoundException("report.tableNotFound", table);
        }
    }

    /** {@code wilayah}: a row per kabupaten/kota and the province; {@code desil}: people and rupiah per group and decile. */
    public void table(String table, int year, String kabupatenKotaCode, DecileBreakdown by, ExportFormat format,
                      OutputStream out) {
        requireTable(table);
        if (table.equals("wilayah")) {
            regions(targeting.overview(year, kabupatenKotaCode), format, out);
        } else {
            deciles(targeting.overview(year, kabupatenKotaCode, by == null ? DecileBreakdown.PROGRAMME : by), format, out);
        }
    }

    private void regions(TargetingOverview overview, ExportFormat format, OutputStream out) {
        List<Column> columns = List.of(Column.text(exports.msg("report.col.code"), 10),
                Column.text(exports.msg("report.col.name"), 30), Column.percent(exports.msg("targeting.col.povertyRate")),
                Column.percent(exports.msg("targeting.col.change")), Column.integer(exports.msg("targeting.col.poorPeople")),
                unsummedMoney("targeting.col.allocated"), unsummedMoney("targeting.col.realised"),
                unsummedMoney("targeting.col.realisedPerPoorPerson"),
                Column.integer(exports.msg("targeting.col.beneficiaries")),
                Column.percent(exports.msg("targeting.col.coverage")));
        TableHeader header = new TableHeader(exports.msg("targeting.export.regionsTitle", overview.year()),
                exports.filters(exports.msg("report.filter.kabupatenKota", overview.kabupatenKota()), exports.scopeNote(),
                        exports.msg("targeting.sourceNote", overview.year(), overview.year() - 1),
                        exports.msg("targeting.export.emptyCell")),
                exports.exportedAt(), columns, null);
        List<RegionTargeting> rows = new ArrayList<>(overview.regions());
        rows.add(overview.province());
        ExportService.write(format, out, header, exports.msg("targeting.export.regionsSheet"), writer -> {
            for (RegionTargeting r : rows) {
                writer.row(Arrays.asList(r.code(), r.name(), r.povertyRate(), r.povertyRateChange(), r.poorPeople(),
                        r.allocated(), r.realised(), r.realisedPerPoorPerson(), r.beneficiaries(), r.coverage()));
            }
        });
    }

    private void deciles(TargetingOverview overview, ExportFormat format, OutputStream out) {
        List<Column> columns = List.of(Column.text(exports.msg("report.col.code"), 14),
                Column.text(exports.msg("targeting.breakdown." + overview.breakdown().name()), 30),
                Column.text(exports.msg("targeting.col.decile"), 12), Column.integer(exports.msg("targeting.col.people")),
                Column.money(exports.msg("targeting.col.amount")), Column.percent(exports.msg("targeting.col.groupShare")));
        TableHeader header = new TableHeader(exports.msg("targeting.export.decilesTitle", overview.year()),
                exports.filters(exports.msg("report.filter.kabupatenKota", overview.kabupatenKota()), exports.scopeNote(),
                        exports.msg("targeting.decilesNote")),
                exports.exportedAt(), columns, exports.msg("report.totals"));
        ExportService.write(format, out, header, exports.msg("targeting.export.decilesSheet"), writer -> {
            for (DecileGroup group : overview.groups()) {
                for (DecileShare d : group.deciles()) {
                    writer.row(Arrays.asList(group.code(), group.name(), d.decile() == null
                            ? exports.msg("targeting.noDecile") : String.valueOf(d.decile()), d.people(), d.amount(),
                            d.share()));
                }
            }
        });
    }

    private Column unsummedMoney(String key) {
        return new Column(exports.msg(key), Column.Kind.MONEY, false, 20);
    }
}
