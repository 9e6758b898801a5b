package id.go.jambiprov.dumisake.dashboard.api;

import id.go.jambiprov.dumisake.dashboard.Figures;
import id.go.jambiprov.dumisake.dashboard.RegionRow;
import id.go.jambiprov.dumisake.dashboard.Summary;
import id.go.jambiprov.dumisake.dashboard.internal.DashboardService;
import id.go.jambiprov.dumisake.dashboard.internal.MonthPoint;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

/** The dashboard figures as JSON: the same queries as the pages. Operators get their OPD's figures. */
@RestController
@RequestMapping("/api/v1/dashboard")
class DashboardApiController {

    private final DashboardService dashboard;
    private final FiscalYearService fiscalYears;

    DashboardApiController(DashboardService dashboard, FiscalYearService fiscalYears) {
        this.dashboard = dashboard;
        this.fiscalYears = fiscalYears;
    }

    @GetMapping("/summary")
    SummaryItem summary(@RequestParam int year, @RequestParam(required = false) String kabupatenKota) {
        fiscalYears.requireExisting(year);
        Summary s = dashboard.summary(year, kabupatenKota);
        return new SummaryItem(year, s.opdScope(), s.figures().pagu(), s.figures().allocated(), s.figures().realised(),
                s.figures().allocatedPercent(), s.figures().realisedPercent(), s.kecamatan(),
                s.kecamatanWithoutRealisation(), s.waitingVerification(), s.waitingAmount(),
                FiguresItem.of(s.previousYearSameDate()));
    }

    @GetMapping("/kabupaten-kota")
    List<RowItem> kabupatenKota(@RequestParam int year) {
        fiscalYears.requireExisting(year);
        return dashboard.byKabupatenKota(year).stream().map(RowItem::of).toList();
    }

    @GetMapping("/kecamatan")
    List<RowItem> kecamatan(@RequestParam int year, @RequestParam(required = false) String kabupatenKota) {
        fiscalYears.requireExisting(year);
        return dashboard.byKecamatan(year, kabupatenKota).stream().map(RowItem::of).toList();
    }

    @GetMapping("/opd")
    List<RowItem> opd(@RequestParam int year, @RequestParam(required = false) String kabupatenKota) {
        fiscalYears.requireExisting(year);
        return dashboard.byOpd(year, kabupatenKota).stream().map(RowItem::of).toList();
    }

    @GetMapping("/monthly")
    List<MonthPoint> monthly(@RequestParam int year, @RequestParam(required = false) String kabupatenKota) {
        fiscalYears.requireExisting(year);
        return dashboard.monthly(year, kabupatenKota);
    }

    record SummaryItem(int year, String opdCode, BigDecimal pagu, BigDecimal allocated, BigDecimal realised,
                       BigDecimal allocatedPercent, BigDecimal realisedPercent, int kecamatan,
                       int kecamatanWithoutRealisation, long waitingVerification, BigDecimal waitingAmount,
                       FiguresItem previousYearSameDate) {
    }

    record FiguresItem(BigDecimal pagu, BigDecimal allocated, BigDecimal realised, BigDecimal allocatedPercent,
                       BigDecimal realisedPercent) {
        static FiguresItem of(Figures f) {
            return new FiguresItem(f.pagu(), f.allocated(), f.realised(), f.allocatedPercent(), f.realisedPercent());
        }
    }

    record RowItem(String code, String name, String parentCode, String parentName, BigDecimal pagu,
                   BigDecimal allocated, BigDecimal realised, BigDecimal allocatedPercent, BigDecimal realisedPercent,
                   long allocations) {
        static RowItem of(RegionRow row) {
            Figures f = row.figures();
            return new RowItem(row.code(), row.name(), row.parentCode(), row.parentName(), f.pagu(), f.allocated(),
                    f.realised(), f.allocatedPercent(), f.realisedPercent(), row.allocations());
        }
    }
}
