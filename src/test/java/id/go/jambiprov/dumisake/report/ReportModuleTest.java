package id.go.jambiprov.dumisake.report;

import id.go.jambiprov.dumisake.allocation.AllocationFilter;
import id.go.jambiprov.dumisake.allocation.AllocationStatus;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.beneficiary.Beneficiaries;
import id.go.jambiprov.dumisake.dashboard.Dashboards;
import id.go.jambiprov.dumisake.disbursement.Disbursements;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.Pillar;
import id.go.jambiprov.dumisake.progress.ProgressReports;
import id.go.jambiprov.dumisake.region.RegionService;
import id.go.jambiprov.dumisake.report.internal.ExportFormat;
import id.go.jambiprov.dumisake.report.internal.ExportService;
import id.go.jambiprov.dumisake.report.internal.TargetingExports;
import id.go.jambiprov.dumisake.targeting.DecileBreakdown;
import id.go.jambiprov.dumisake.targeting.RegionTargeting;
import id.go.jambiprov.dumisake.targeting.Targeting;
import id.go.jambiprov.dumisake.targeting.TargetingOverview;
import id.go.jambiprov.dumisake.shared.SystemAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.when;

/**
 * The report module alone, every capability it reads stood in for by its API: an export needs nothing but what
 * the facades hand out, and a cell a spreadsheet would run as a formula leaves neutralised.
 */
@ApplicationModuleTest
class ReportModuleTest {

    @MockitoBean
    Allocations allocations;
    @MockitoBean
    Dashboards dashboards;
    @MockitoBean
    Disbursements disbursements;
    @MockitoBean
    Beneficiaries beneficiaries;
    @MockitoBean
    FiscalYearService fiscalYears;
    @MockitoBean
    RegionService regions;
    @MockitoBean
    Targeting targeting;
    @MockitoBean
    ProgressReports progress;

    @Autowired
    ExportService exports;
    @Autowired
    TargetingExports targetingExports;

    @Test
    void theAllocationExportWritesWhatTheAllocationsHandOut() {
        AllocationFilter filter = new AllocationFilter(2026, null, null, null, null, null, null);
        doAnswer(call -> {
            Consumer<AllocationView> each = call.getArgument(1);
            each.accept(allocation(1, "Beasiswa SMA"));
            each.accept(allocation(2, "=HYPERLINK(\"http://contoh.invalid\")"));
            return null;
        }).when(allocations).forEach(any(), any());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SystemAuthentication.run(() -> exports.allocations(filter, ExportFormat.CSV, out));

        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).contains("Beasiswa SMA", "Gunung Raya", "'=HYPERLINK").doesNotContain(",=HYPERLINK");
    }

    @Test
    void theTargetingExportLeavesAFigureNotPublishedEmptyAndEndsWithTheProvince() {
        RegionTargeting kerinci = new RegionTargeting("15.01", "Kabupaten Kerinci", null, null, null,
                new BigDecimal("100000000"), new BigDecimal("40000000"), 12);
        RegionTargeting province = new RegionTargeting("15", "Provinsi Jambi", new BigDecimal("7.19"), null, 270940L,
                new BigDecimal("100000000"), new BigDecimal("40000000"), 12);
        when(targeting.overview(2026, null)).thenReturn(new TargetingOverview(2026, null, List.of(kerinci), province,
                List.of(), DecileBreakdown.KABUPATEN_KOTA, List.of(), List.of()));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SystemAuthentication.run(() -> targetingExports.table("wilayah", 2026, null, null, ExportFormat.CSV, out));

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).isEqualTo("15.01,Kabupaten Kerinci,,,,100000000,40000000,,12,");
        assertThat(lines.get(2)).isEqualTo("15,Provinsi Jambi,7.19,,270940,100000000,40000000,148,12,0.00");
    }

    private static AllocationView allocation(long id, String title) {
        OffsetDateTime created = OffsetDateTime.parse("2026-04-01T09:00:00+07:00");
        return new AllocationView(id, 2026, "15.01.01", "Gunung Raya", "15.01", "Kabupaten Kerinci", "DISDIK",
                "Dinas Pendidikan Provinsi Jambi", "BANTUAN-PENDIDIKAN", "Bantuan pendidikan", Pillar.CERDAS,
                Mechanism.BELANJA_OPD, null, null, title, new BigDecimal("100000000"), 6, AllocationStatus.ACTIVE,
                BigDecimal.ZERO, BigDecimal.ZERO, null, created, "admin", created, "admin", 0);
    }
}
