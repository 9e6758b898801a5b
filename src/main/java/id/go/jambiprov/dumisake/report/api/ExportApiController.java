package id.go.jambiprov.dumisake.report.api;

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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Stable download URLs for scripts (HTTP Basic). The pages' export buttons have their own URLs under the
 * session ({@code report.web.ExportPageController}), so that a browser never meets HTTP Basic. The file is
 * written straight into the response as the rows arrive; nothing of it is built in memory first.
 */
@RestController
@RequestMapping("/api/v1")
class ExportApiController {

    private final ExportService exports;
    private final RealisationReportService realisation;
    private final TargetingExports targeting;

    ExportApiController(ExportService exports, RealisationReportService realisation,
                        TargetingExports targeting) {
        this.exports = exports;
        this.realisation = realisation;
        this.targeting = targeting;
    }

    @GetMapping({"/exports/envelopes.xlsx", "/exports/envelopes.csv"})
    void envelopes(@RequestParam int year, @RequestParam(required = false) String kabupatenKota,
                   HttpServletRequest request, HttpServletResponse response) throws IOException {
        ExportFormat format = format(request);
        exports.envelopes(year, kabupatenKota, format,
                download(response, format.contentType(), ExportService.fileName("pagu", year, format, kabupatenKota)));
    }

    @GetMapping({"/exports/allocations.xlsx", "/exports/allocations.csv"})
    void allocations(@RequestParam int year, @RequestParam(required = false) String kabupatenKota,
                     @RequestParam(required = false) String kecamatanCode,
                     @RequestParam(required = false) String opdCode,
                     @RequestParam(required = false) String programmeCode,
                     @RequestParam(required = false) Mechanism mechanism,
                     @RequestParam(required = false) AllocationStatus status,
                     HttpServletRequest request, HttpServletResponse response) throws IOException {
        ExportFormat format = format(request);
        AllocationFilter filter = new AllocationFilter(year, kabupatenKota, kecamatanCode, opdCode, programmeCode,
                mechanism, status);
        exports.allocations(filter, format, download(response, format.contentType(),
                ExportService.fileName("alokasi", year, format, kabupatenKota, kecamatanCode, opdCode)));
    }

    @GetMapping({"/exports/disbursements.xlsx", "/exports/disbursements.csv"})
    void disbursements(@RequestParam int year, @RequestParam(required = false) String opdCode,
                       HttpServletRequest request, HttpServletResponse response) throws IOException {
        ExportFormat format = format(request);
        exports.disbursements(year, opdCode, format, download(response, format.contentType(),
                ExportService.fileName("pencairan", year, format, opdCode)));
    }

    @GetMapping({"/exports/aid.xlsx", "/exports/aid.csv"})
    void aid(@RequestParam int year, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ExportFormat format = format(request);
        exports.aid(year, format, download(response, format.contentType(), ExportService.fileName("bantuan", year, format)));
    }

    /** {@code table}: kabupaten-kota, kecamatan or opd — the dashboard's tables. */
    @GetMapping({"/exports/dashboard/{table}.xlsx", "/exports/dashboard/{table}.csv"})
    void dashboard(@PathVariable String table, @RequestParam int year,
                   @RequestParam(required = false) String kabupatenKota, HttpServletRequest request,
                   HttpServletResponse response) throws IOException {
        ExportFormat format = format(request);
        // checked before the headers go out, so that an unknown table is a plain 404
        ExportService.requireDashboardTable(table);
        exports.dashboardTable(table, year, kabupatenKota, format, download(response, format.contentType(),
                ExportService.fileName("dasbor-" + table, year, format, kabupatenKota)));
    }

    /** {@code table}: wilayah (kabupaten/kota and province) or desil — the tables of "Sasaran kemiskinan". */
    @GetMapping({"/exports/targeting/{table}.xlsx", "/exports/targeting/{table}.csv"})
    void targeting(@PathVariable String table, @RequestParam int year,
                   @RequestParam(required = false) String kabupatenKota, @RequestParam(required = false) DecileBreakdown by,
                   HttpServletRequest request, HttpServletResponse response) throws IOException {
        ExportFormat format = format(request);
        // checked before the headers go out, so that an unknown table is a plain 404
        TargetingExports.requireTable(table);
        targeting.table(table, year, kabupatenKota, by, format, download(response, format.contentType(),
                ExportService.fileName("sasaran-kemiskinan-" + table, year, format, kabupatenKota)));
    }

    @GetMapping("/reports/realisasi.pdf")
    void realisationReport(@RequestParam int year, @RequestParam(required = false) String kabupatenKota,
                           HttpServletResponse response) throws IOException {
        realisation.write(year, kabupatenKota, download(response, "application/pdf",
                RealisationReportService.fileName(year, kabupatenKota)));
    }

    private static ExportFormat format(HttpServletRequest request) {
        return ExportFormat.ofPath(request.getRequestURI());
    }

    private static OutputStream download(HttpServletResponse response, String contentType, String fileName)
            throws IOException {
        return Downloads.attachment(response, contentType, fileName);
    }
}
