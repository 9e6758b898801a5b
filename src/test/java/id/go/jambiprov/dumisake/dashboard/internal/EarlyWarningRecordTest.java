package id.go.jambiprov.dumisake.dashboard.internal;

import id.go.jambiprov.dumisake.DisbursementTotals;
import id.go.jambiprov.dumisake.account.SignedIn;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.allocation.NewAllocation;
import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.dashboard.internal.EarlyWarningDay;
import id.go.jambiprov.dumisake.dashboard.internal.EarlyWarningRecord;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.shared.SystemAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The nightly early-warning record keeps what the dashboard calls overdue and waiting, per OPD, once per
 * day. Fiscal year 2092 belongs to this class; the record is taken as if it were 15 July 2092.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EarlyWarningRecordTest {

    private static final int YEAR = 2092;
    private static final String KECAMATAN = "15.04.01";
    private static final ZoneId JAMBI = ZoneId.of("Asia/Jakarta");

    @Autowired
    FiscalYearService fiscalYears;

    @Autowired
    AllocationService allocations;

    @Autowired
    NamedParameterJdbcTemplate namedJdbc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditTrail audit;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MockMvc mvc;

    @Test
    void aDayRecordsOverdueAllocationsAndLongWaitingDisbursementsPerOpdOnce() throws Exception {
        SystemAuthentication.run(() -> {
            if (fiscalYears.all().stream().noneMatch(y -> y.year() == YEAR)) {
                fiscalYears.open(YEAR, new BigDecimal("2000000000.00"));
            }
        });
        try {
            allocate("DISDIK", "Buku perpustakaan", "150000000.00", 3);
            long waitingAllocation = allocate("DISDIK", "Seragam sekolah", "200000000.00", 4);
            allocate("DISDIK", "Bantuan semester dua", "100000000.00", 9);
            long dinkes = allocate("DINKES", "Makanan tambahan balita", "80000000.00", 5);
            submitted(waitingAllocation, "SP2D/EW-1/2092", "60000000.00", "2092-06-01T09:00:00+07:00");
            // submitted only a week before the record: not yet an early warning, but no longer overdue either
            submitted(dinkes, "SP2D/EW-2/2092", "30000000.00", "2092-07-08T09:00:00+07:00");

            EarlyWarningRecord record = new EarlyWarningRecord(namedJdbc, audit,
                    Clock.fixed(OffsetDateTime.parse("2092-07-15T01:00:00+07:00").toInstant(), JAMBI), 14);
            List<Integer> years = recordAsSystem(record);
            recordAsSystem(record);

            assertThat(years).contains(YEAR);
            List<EarlyWarningDay> days = asSystem(() -> record.history(YEAR, null));
            assertThat(days).singleElement().satisfies(day -> {
                assertThat(day.date()).hasToString("2092-07-15");
                assertThat(day.opdCode()).isEqualTo("DISDIK");
                assertThat(day.overdueAllocations()).isEqualTo(1);
                assertThat(day.overdueAmount()).isEqualByComparingTo("150000000");
                assertThat(day.waitingDisbursements()).isEqualTo(1);
                assertThat(day.waitingAmount()).isEqualByComparingTo("60000000");
            });
            assertThat(jdbc.queryForObject("""
                            select count(*) from audit_event where action = 'EARLY_WARNINGS_RECORDED'
                              and entity_type = 'FiscalYear' and entity_id = ? and after_state ->> 'date' = '2092-07-15'
                              and (after_state ->> 'overdueAllocations')::int = 1""",
                    Integer.class, String.valueOf(YEAR))).as("one audit event per run").isEqualTo(2);

            mvc.perform(get("/api/v1/early-warnings").param("year", String.valueOf(YEAR)).with(user(SignedIn.EXPERT)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].date").value("2092-07-15"))
                    .andExpect(jsonPath("$[0].opdCode").value("DISDIK"))
                    .andExpect(jsonPath("$[0].waitingAmount").value(60000000.0))
                    .andExpect(jsonPath("$.length()").value(1));
        } finally {
            // an open year newer than the demo's would become the dashboard's default for the tests after this one
            SystemAuthentication.run(() -> fiscalYears.close(YEAR, fiscalYears.get(YEAR).version()));
        }
    }

    private List<Integer> recordAsSystem(EarlyWarningRecord record) {
        return asSystem(() -> transactions.execute(status -> record.recordToday()));
    }

    private static <T> T asSystem(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        SystemAuthentication.run(() -> result.set(work.get()));
        return result.get();
    }

    private long allocate(String opd, String title, String amount, int plannedMonth) {
        String programme = "DISDIK".equals(opd) ? "BANTUAN-PENDIDIKAN" : "JAMINAN-KESEHATAN";
        return asSystem(() -> allocations.create(new NewAllocation(YEAR, KECAMATAN, opd, programme,
                Mechanism.BELANJA_OPD, null, title, new BigDecimal(amount), plannedMonth)).id());
    }

    private void submitted(long allocation, String sp2d, String amount, String submittedAt) {
        jdbc.update("""
                insert into disbursement (allocation_id, fiscal_year, tranche, amount, sp2d_number, sp2d_date, status,
                                          created_by, updated_by, submitted_at, submitted_by)
                values (?, ?, 1, ?, ?, ?, 'SUBMITTED', 'op-disdik', 'op-disdik', ?, 'op-disdik')""",
                allocation, YEAR, new BigDecimal(amount), sp2d, OffsetDateTime.parse(submittedAt).toLocalDate(),
                OffsetDateTime.parse(submittedAt));
        DisbursementTotals.recount(jdbc, YEAR);
    }
}
