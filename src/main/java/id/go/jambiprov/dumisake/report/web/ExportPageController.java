package id.go.jambiprov.dumisake.report.web;

import id.go.jambiprov.dumisake.allocation.AllocationFilter;
import id.go.jambiprov.dumisake.allocation.AllocationStatus;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.report.internal.Downloads;
import id.go.jambiprov.dumisake.report.internal.ExportFormat;
import id.go.jambiprov.dumisake.report.internal.ExportService;
import id.go.jambiprov.dumisake.report.internal.RealisationReportService;
import id.go.jambiprov.dumisake.report.internal.TargetingExports;
import id.go.jambiprov.dumisake.targeting.DecileBreakdown;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;

/**
 * The pages' export buttons: the same files as the API's download URLs, under the page's session and its
 * login page. A browser whose session ran out is sent to the login form, never asked for HTTP Basic
 * credentials that it would then keep sending to the API on its own.
 */
@Controller
@RequestMapping("/ekspor")
class ExportPageController {

    private final ExportService exports;
    private final RealisationReportService realisation;
    private final TargetingExports targeting;

    ExportPageController(ExportService exports, RealisationReportService realisation,
                         TargetingExports targeting) {
        this.exports = exports;
        this.realisation = realisation;
        this.targeting = targeting;
    }

    @GetMapping({"/pagu.xlsx", "/pagu.csv"})
    void envelopes(@RequestParam int year, @RequestParam(required = false) String kabupatenKota,
                   HttpServletRequest request, HttpServletResponse response) throws IOException {
        ExportFormat format = ExportFormat.ofPath(request.getRequestURI());
        exports.envelopes(year, kabupatenKota, format, Downloads.attachment(response, format.contentType(),
                ExportService.fileName("pagu", year, format, kabupatenKota)));
    }

    @GetMapping({"/alokasi.xlsx", "/alokasi.csv"})
    void allocations(@RequestParam int year, @RequestParam(required = false) String kabupatenKota,
                     @RequestParam(required = false) String kecamatanCode,
                     @RequestParam(required = false) String opdCode,
                     @RequestParam(required = false) String programmeCode,
                     @RequestParam(required = false) Mechanism mechanism,
                     @RequestParam(required = false) AllocationStatus status,
                     HttpServletRequest request, HttpServletResponse response) throws IOException {
        ExportFormat format = ExportFormat.ofPath(request.getRequestURI());
        AllocationFilter filter = new AllocationFilter(year, kabupatenKota, kecamatanCode, opdCode, programmeCode,
                mechanism, status);
        exports.allocations(filter, format, Downloads.attachment(response, format.contentType(),
                ExportService.fileName("alokasi", year, format, kabupatenKota, kecamatanCode, opdCode)));
    }

    @GetMapping({"/pencairan.xlsx", "/pencairan.csv"})
    void disbursements(@RequestParam int year, @RequestParam(required = false) String opdCode,
                       HttpServletRequest request, HttpServletResponse response) throws IOException {
        ExportFormat format = ExportFormat.ofPath(request.getRequestURI());
        exports.disbursements(year, opdCode, format, Downloads.attachment(response, format.contentType(),
                ExportService.fileName("pencairan", year, format, opdCode)));
    }

    @GetMapping({"/bantuan.xlsx", "/bantuan.csv"})
    void aid(@RequestParam int year, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ExportFormat format = ExportFormat.ofPath(request.getRequestURI());
        exports.aid(year, format, Downloads.attachment(response, format.contentType(),
                ExportService.fileName("bantuan", year, format)));
    }

    /** {@code table}: kabupaten-kota, kecamatan or opd — the dashboard's tables. */
    @GetMapping({"/dasbor/{table}.xlsx", "/dasbor/{table}.csv"})
    void dashboard(@PathVariable String table, @RequestParam int year,
                   @RequestParam(required = false) String kabupatenKota, HttpServletRequest request,
                   HttpServletResponse response) throws IOException {
        ExportFormat format = ExportFormat.ofPath(request.getRequestURI());
        // checked before the headers go out, so that an unknown table is a plain 404
        ExportService.requireDashboardTable(table);
        exports.dashboardTable(table, year, kabupatenKota, format, Downloads.attachment(response,
                format.contentType(), ExportService.fileName("dasbor-" + table, year, format, kabupatenKota)));
    }

    /** {@code table}: wilayah (kabupaten/kota and province) or desil — the tables of "Sasaran kemiskinan". */
    @GetMapping({"/sasaran-kemiskinan/{table}.xlsx", "/sasaran-kemiskinan/{table}.csv"})
    void targeting(@PathVariable String table, @RequestParam int year,
                   @RequestParam(required = false) String kabupatenKota, @RequestParam(required = false) DecileBreakdown by,
                   HttpServletRequest request, HttpServletResponse response) throws IOException {
        ExportFormat format = ExportFormat.ofPath(request.getRequestURI());
        // checked before the headers go out, so that an unknown table is a plain 404
        TargetingExports.requireTable(table);
        targeting.table(table, year, kabupatenKota, by, format, Downloads.attachment(response, format.contentType(),
                ExportService.fileName("sasaran-kemiskinan-" + table, year, format, kabupatenKota)));
    }

    @GetMapping("/laporan-realisasi.pdf")
    void realisationReport(@RequestParam int year, @RequestParam(required = false) String kabupatenKota,
                           HttpServletResponse response) throws IOException {
        realisation.write(year, kabupatenKota, Downloads.attachment(response, "application/pdf",
                RealisationReportService.fileName(year, kabupatenKota)));
    }
}
