package id.go.jambiprov.dumisake.report.internal;

import id.go.jambiprov.dumisake.dashboard.Dashboards;
import id.go.jambiprov.dumisake.dashboard.RegionRow;
import id.go.jambiprov.dumisake.dashboard.Summary;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.region.RegionService;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.targeting.Targeting;
import id.go.jambiprov.dumisake.targeting.TargetingOverview;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * "Laporan Realisasi Program Dumisake": the signed report for the Governor's office, always in Bahasa
 * Indonesia whatever the viewer's page language, for the province or one kabupaten/kota. Figures come
 * from the dashboard's (and the poverty targeting's) SQL read model, so the report and the dashboard never disagree; the pages are laid
 * out by {@link RealisationReportPdf}.
 */
@Service
@Transactional(readOnly = true)
public class RealisationReportService {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private final Dashboards dashboard;
    private final RegionService regions;
    private final FiscalYearService fiscalYears;
    private final MessageSource messages;
    private final Clock clock;
    private final RealisationReportPdf pdf;
    private final Targeting targeting;

    RealisationReportService(Dashboards dashboard, RegionService regions, FiscalYearService fiscalYears,
                             MessageSource messages, Clock clock, RealisationReportPdf pdf, Targeting targeting) {
        this.targeting = targeting;
        this.dashboard = dashboard;
        this.regions = regions;
        this.fiscalYears = fiscalYears;
        this.messages = messages;
        this.clock = clock;
        this.pdf = pdf;
    }

    /** {@code dumisake-laporan-realisasi-2026-15.01.pdf}, safe for any disk. */
    public static String fileName(int year, String kabupatenKotaCode) {
        return "dumisake-laporan-realisasi-" + year + (kabupatenKotaCode == null || kabupatenKotaCode.isBlank() ? ""
                : "-" + kabupatenKotaCode.replaceAll("[^A-Za-z0-9.]", "_")) + ".pdf";
    }

    public void write(int year, String kabupatenKotaCode, OutputStream out) {
        pdf.write(figures(year, kabupatenKotaCode), out);
    }

    private ReportFigures figures(int year, String kabupatenKotaCode) {
        String kabupatenKota = blankToNull(kabupatenKotaCode);
        // looked up first: an unknown year or code is a 404 before anything is written (a year without
        // envelopes has no figures at all, and the report broke off half-written)
        if (fiscalYears.choices().stream().noneMatch(choice -> choice.year() == year)) {
            throw new NotFoundException("fiscalYear.notFound", year);
        }
        String area = kabupatenKota == null ? messages.getMessage("report.pdf.province", null, INDONESIAN)
                : regions.kabupatenKota(kabupatenKota).name();
        Summary summary = dashboard.summary(year, kabupatenKota);
        List<RegionRow> byKabupatenKota = dashboard.byKabupatenKota(year).stream()
                .filter(row -> kabupatenKota == null || row.code().equals(kabupatenKota)).toList();
        List<RegionRow> byKecamatan = dashboard.byKecamatan(year, kabupatenKota);
        String today = LocalDate.now(clock).format(DateTimeFormatter.ofPattern("d MMMM yyyy", INDONESIAN));
        return new ReportFigures(year, area, today, summary, byKabupatenKota, byKecamatan,
                targeting.overview(year, kabupatenKota));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** What the report shows, gathered before a byte of it is written. */
    record ReportFigures(int year, String area, String today, Summary summary, List<RegionRow> byKabupatenKota,
                         List<RegionRow> byKecamatan, TargetingOverview targeting) {
    }
}
