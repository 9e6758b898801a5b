package id.go.jambiprov.dumisake.report;

import id.go.jambiprov.dumisake.DisbursementTotals;
import id.go.jambiprov.dumisake.account.SignedIn;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.allocation.NewAllocation;
import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.report.internal.Reconciliation;
import id.go.jambiprov.dumisake.report.internal.ReconciliationLine;
import id.go.jambiprov.dumisake.shared.SystemAuthentication;
import id.go.jambiprov.dumisake.web.StoredSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/** The treasury's SP2D file against the verified disbursements. Fiscal year 2083 belongs to this class. */
@SpringBootTest
@AutoConfigureMockMvc
class Sp2dReconciliationTest {

    private static final int YEAR = 2083;

    @Autowired
    JdbcIndexedSessionRepository sessions;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FiscalYearService fiscalYears;

    @Autowired
    AllocationService allocations;

    @Test
    void everySp2dIsMatchedOrReportedOnTheSideWhereItIsMissing() throws Exception {
        AtomicLong allocation = new AtomicLong();
        SystemAuthentication.run(() -> {
            fiscalYears.open(YEAR, new BigDecimal("2000000000.00"));
            allocation.set(allocations.create(new NewAllocation(YEAR, "15.01.01", "DISDIK", "BANTUAN-PENDIDIKAN",
                    Mechanism.BELANJA_OPD, null, "Bantuan rekonsiliasi", new BigDecimal("100000000.00"), 4)).id());
        });
        verified(allocation.get(), 1, "SP2D/0001/2083", "2083-03-10", "10000000.00");
        verified(allocation.get(), 2, "SP2D/0002/2083", "2083-04-10", "20000000.00");
        verified(allocation.get(), 3, "SP2D/0003/2083", "2083-05-10", "30000000.00");
        verified(allocation.get(), 4, "SP2D/0004/2083", "2083-06-10", "5000000.00");
        // a draft is no realisation: the treasury file must not be compared with it
        jdbc.update("""
                insert into disbursement (allocation_id, fiscal_year, tranche, amount, sp2d_number, sp2d_date, status,
                                          created_by, updated_by)
                values (?, ?, 5, 1000000, 'SP2D/0005/2083', '2083-07-01', 'DRAFT', 'op-disdik', 'op-disdik')""",
                allocation.get(), YEAR);
        DisbursementTotals.recount(jdbc, YEAR);

        String treasury = """
                nomor_sp2d;tanggal;jumlah;kode_opd
                sp2d/0001/2083 ;2083-03-10;10000000.00;DISDIK
                SP2D/0002/2083;2083-04-10;20.500.000;DISDIK
                SP2D/0003/2083;11/05/2083;30000000.00;DISDIK
                SP2D/0099/2083;2083-08-01;7000000.00;DINKES
                SP2D/0005/2083;2083-07-01;1000000.00;DISDIK
                """;
        StoredSession session = StoredSession.signedIn(sessions, SignedIn.ADMIN);
        MvcResult result = mvc.perform(multipart("/pencairan/rekonsiliasi").file(new MockMultipartFile("file",
                        "sipd-2083.csv", "text/csv", treasury.getBytes(StandardCharsets.UTF_8))).param("year", "2083")
                .cookie(session.cookie()).with(csrf()).with(user(SignedIn.ADMIN))).andReturn();
        assertThat(result.getFlashMap().get("flashError")).isNull();
        Reconciliation reconciliation = session.<Reconciliation>attribute(Reconciliation.SESSION_KEY);

        assertThat(reconciliation.lines()).extracting(ReconciliationLine::outcome, ReconciliationLine::sp2dNumber)
                .containsExactlyInAnyOrder(
                        tuple(ReconciliationLine.Outcome.MATCHED, "SP2D/0001/2083"),
                        tuple(ReconciliationLine.Outcome.AMOUNT_DIFFERS, "SP2D/0002/2083"),
                        tuple(ReconciliationLine.Outcome.DATE_DIFFERS, "SP2D/0003/2083"),
                        tuple(ReconciliationLine.Outcome.ONLY_IN_DUMISAKE, "SP2D/0004/2083"),
                        tuple(ReconciliationLine.Outcome.ONLY_IN_TREASURY, "SP2D/0099/2083"),
                        tuple(ReconciliationLine.Outcome.ONLY_IN_TREASURY, "SP2D/0005/2083"));
        assertThat(reconciliation.lines()).filteredOn(line -> line.sp2dNumber().equals("SP2D/0002/2083")).singleElement()
                .satisfies(line -> {
                    assertThat(line.treasuryAmount()).isEqualByComparingTo("20500000");
                    assertThat(line.amount()).isEqualByComparingTo("20000000");
                });

        String page = mvc.perform(get("/pencairan/rekonsiliasi").cookie(session.cookie()).with(user(SignedIn.ADMIN)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("sp2d-table", "Jumlah berbeda", "Hanya di SIPD", "Tanpa SP2D di SIPD");

        String csv = mvc.perform(get("/pencairan/rekonsiliasi/hasil.csv").cookie(session.cookie()).with(user(SignedIn.ADMIN)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines()).hasSize(7);
        assertThat(csv).contains("Tanggal berbeda,SP2D/0003/2083,DISDIK,2083-05-11,30000000.00,",
                "Hanya di SIPD,SP2D/0099/2083,DINKES,2083-08-01,7000000.00,,,");
    }

    @Test
    void aFileWithoutTheTreasuryColumnsIsRefused() throws Exception {
        MvcResult result = mvc.perform(multipart("/pencairan/rekonsiliasi").file(new MockMultipartFile("file",
                        "salah.csv", "text/csv", "nomor;jumlah\nA;1\n".getBytes(StandardCharsets.UTF_8)))
                .param("year", "2026").cookie(StoredSession.signedIn(sessions, SignedIn.ADMIN).cookie()).with(csrf())
                .with(user(SignedIn.ADMIN))).andReturn();
        assertThat(result.getFlashMap().get("flashError"))
                .isEqualTo("Kolom berikut tidak ada di baris judul: nomor_sp2d, tanggal, kode_opd.");
    }

    private void verified(long allocationId, int tranche, String sp2d, String date, String amount) {
        jdbc.update("""
                insert into disbursement (allocation_id, fiscal_year, tranche, amount, sp2d_number, sp2d_date, status,
                                          created_by, updated_by, submitted_at, submitted_by, decided_at, decided_by)
                values (?, ?, ?, ?, ?, cast(? as date), 'VERIFIED', 'op-disdik', 'op-disdik', now(), 'op-disdik',
                        now(), 'admin')""", allocationId, YEAR, tranche, new BigDecimal(amount), sp2d, date);
        DisbursementTotals.recount(jdbc, YEAR);
    }
}
