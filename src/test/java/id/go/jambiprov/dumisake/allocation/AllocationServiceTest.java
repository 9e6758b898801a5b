package id.go.jambiprov.dumisake.allocation;

import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.allocation.internal.EnvelopeQueries;
import id.go.jambiprov.dumisake.allocation.internal.PerDesaAllocation;
import id.go.jambiprov.dumisake.allocation.internal.PerDesaAllocations;
import id.go.jambiprov.dumisake.allocation.internal.PerDesaResult;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.FiscalYearStatus;
import id.go.jambiprov.dumisake.programme.FiscalYearView;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static id.go.jambiprov.dumisake.allocation.AllocationTestSupport.BILLION;
import static id.go.jambiprov.dumisake.allocation.AllocationTestSupport.allocated;
import static id.go.jambiprov.dumisake.allocation.AllocationTestSupport.allocationAuditEvents;
import static id.go.jambiprov.dumisake.allocation.AllocationTestSupport.allocationRows;
import static id.go.jambiprov.dumisake.allocation.AllocationTestSupport.asAdmin;
import static id.go.jambiprov.dumisake.allocation.AllocationTestSupport.auditEvents;
import static id.go.jambiprov.dumisake.allocation.AllocationTestSupport.belanjaOpd;
import static id.go.jambiprov.dumisake.allocation.AllocationTestSupport.ensureOpen;
import static id.go.jambiprov.dumisake.allocation.AllocationTestSupport.juta;
import static id.go.jambiprov.dumisake.allocation.AllocationTestSupport.pagu;
import static id.go.jambiprov.dumisake.allocation.AllocationTestSupport.sumOfActive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The allocation service on the real database. Fiscal years 2030–2034 belong to this class; every test
 * works in a kecamatan no other test of the class touches.
 */
@SpringBootTest
@AutoConfigureMockMvc // not used here: it makes this the context of the MockMvc tests, started once for all
class AllocationServiceTest {

    static final int YEAR = 2031;
    static final int CLOSED_YEAR = 2032;
    static final int KABUPATEN_YEAR = 2033;
    static final int PAGU_YEAR = 2034;
    /** Opened and closed only to read the messages of a closed year. */
    static final int MESSAGE_YEAR = 2030;
    static final BigDecimal PAGU = new BigDecimal("2000000000.00");
    static final Locale INDONESIAN = Locale.forLanguageTag("id");

    @Autowired
    AllocationService allocations;

    @Autowired
    PerDesaAllocations perDesaAllocations;

    @Autowired
    Allocations allocationReads;

    @Autowired
    FiscalYearService fiscalYears;

    @Autowired
    EnvelopeQueries envelopes;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MessageSource messages;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void openTheYearOfThisClass() {
        ensureOpen(fiscalYears, YEAR, PAGU);
    }

    @Test
    void openingAYearCreatesOneEnvelopePerKecamatanAndAnAuditEvent() {
        FiscalYearView year = asAdmin(() -> fiscalYears.get(YEAR));
        int kecamatan = jdbc.queryForObject("select count(*) from kecamatan", Integer.class);
        assertThat(year.envelopeCount()).isEqualTo(kecamatan).isEqualTo(144);
        assertThat(year.totalPagu()).isEqualByComparingTo(PAGU.multiply(BigDecimal.valueOf(kecamatan)));
        assertThat(year.status()).isEqualTo(FiscalYearStatus.OPEN);
        assertThat(auditEvents(jdbc, "FISCAL_YEAR_OPENED", "FiscalYear", YEAR)).isEqualTo(1);
    }

    @Test
    void createsWithinTheEnvelopeAndAudits() {
        String kecamatan = "15.01.02";
        AllocationView created = asAdmin(() -> allocations.create(belanjaOpd(YEAR, kecamatan, juta(300))));

        assertThat(created.id()).isPositive();
        assertThat(created.year()).isEqualTo(YEAR);
        assertThat(created.kecamatanCode()).isEqualTo(kecamatan);
        assertThat(created.kecamatanName()).isEqualTo("Danau Kerinci");
        assertThat(created.opdCode()).isEqualTo("DISDIK");
        assertThat(created.programmeCode()).isEqualTo("BANTUAN-PENDIDIKAN");
        assertThat(created.mechanism()).isEqualTo(Mechanism.BELANJA_OPD);
        assertThat(created.desaCode()).isNull();
        assertThat(created.amount()).isEqualByComparingTo("300000000");
        assertThat(created.plannedMonth()).isEqualTo(6);
        assertThat(created.status()).isEqualTo(AllocationStatus.ACTIVE);
        assertThat(created.createdBy()).isEqualTo("system");
        assertThat(created.version()).isZero();
        // built without reading the row back, so it must be exactly what a reader sees
        assertThat(created).isEqualTo(asAdmin(() -> allocationReads.get(created.id())));

        assertThat(allocated(jdbc, YEAR, kecamatan)).isEqualByComparingTo("300000000");
        assertThat(asAdmin(() -> envelopes.get(YEAR, kecamatan)).remaining()).isEqualByComparingTo("1700000000");
        Map<String, Object> event = jdbc.queryForMap("""
                select username, after_state ->> 'amount' as amount, after_state ->> 'opdCode' as opd, before_state
                from audit_event where action = 'ALLOCATION_CREATED' and entity_type = 'Allocation' and entity_id = ?""",
                String.valueOf(created.id()));
        assertThat(event).containsEntry("username", "system").containsEntry("opd", "DISDIK");
        assertThat(new BigDecimal((String) event.get("amount"))).isEqualByComparingTo("300000000");
        assertThat(event.get("before_state")).isNull();
    }

    @Test
    void whatCreateAndImportReturnIsExactlyWhatAReaderSeesLater() {
        String kecamatan = "15.04.01";
        String desa = jdbc.queryForObject("select min(code) from desa where kecamatan_code = ?", String.class, kecamatan);
        AllocationView typed = asAdmin(() -> allocations.create(new NewAllocation(YEAR, kecamatan, "DP3AP2",
                "BKBK-DESA", Mechanism.BANTUAN_KEUANGAN_DESA, " " + desa + " ", "  BKBK padded \t",
                new BigDecimal("1.0"), 4)));
        List<AllocationView> imported = asAdmin(() -> allocations.importAll(List.of(
                belanjaOpd(YEAR, kecamatan, new BigDecimal("300000000")),
                belanjaOpd(YEAR, kecamatan, new BigDecimal("12")))));

        assertThat(typed.title()).isEqualTo("BKBK padded");
        assertThat(typed.desaCode()).isEqualTo(desa);
        assertThat(typed.amount()).isEqualTo(new BigDecimal("1.00"));
        assertThat(typed).isEqualTo(asAdmin(() -> allocationReads.get(typed.id())));
        assertThat(imported).hasSize(2).allSatisfy(created ->
                assertThat(created).isEqualTo(asAdmin(() -> allocationReads.get(created.id()))));
    }

    @Test
    void anAllocationAboveWhatIsLeftIsRefusedAndNothingIsWritten() {
        String kecamatan = "15.01.04";
        asAdmin(() -> allocations.create(belanjaOpd(YEAR, kecamatan, BILLION)));
        BigDecimal allocatedBefore = allocated(jdbc, YEAR, kecamatan);
        int rowsBefore = allocationRows(jdbc, YEAR, kecamatan);
        int auditBefore = allocationAuditEvents(jdbc, "ALLOCATION_CREATED", YEAR, kecamatan);

        BusinessRuleException refused = catchThrowableOfType(BusinessRuleException.class, () -> asAdmin(
                () -> allocations.create(belanjaOpd(YEAR, kecamatan, BILLION.add(BigDecimal.ONE)))));

        assertThat(refused.code()).isEqualTo("ENVELOPE_EXCEEDED");
        assertThat((BigDecimal) refused.details().get("remaining")).isEqualByComparingTo(BILLION);
        String message = messages.getMessage(refused.messageKey(), refused.arguments(), INDONESIAN);
        assertThat(message).contains("Sitinjau Laut").contains("Rp 1.000.000.000").contains("Rp 1.000.000.001");
        assertThat(allocated(jdbc, YEAR, kecamatan)).isEqualByComparingTo(allocatedBefore);
        assertThat(allocationRows(jdbc, YEAR, kecamatan)).isEqualTo(rowsBefore);
        assertThat(allocationAuditEvents(jdbc, "ALLOCATION_CREATED", YEAR, kecamatan)).isEqualTo(auditBefore);

        // exactly what is left still fits
        asAdmin(() -> allocations.create(belanjaOpd(YEAR, kecamatan, BILLION)));
        assertThat(allocated(jdbc, YEAR, kecamatan)).isEqualByComparingTo(PAGU);
    }

    /** Years are written as years: "tahun 2031", not the grouped number "tahun 2.031". */
    @Test
    void theIndonesianMessagesWriteTheYearWithoutAThousandsSeparator() {
        String kecamatan = "15.01.11";
        BusinessRuleException exceeded = catchThrowableOfType(BusinessRuleException.class,
                () -> asAdmin(() -> allocations.create(belanjaOpd(YEAR, kecamatan, PAGU.add(BigDecimal.ONE)))));
        assertThat(messages.getMessage(exceeded.messageKey(), exceeded.arguments(), INDONESIAN))
                .contains("tahun 2031").doesNotContain("2.031");

        ensureOpen(fiscalYears, MESSAGE_YEAR, PAGU);
        closeIfOpen(MESSAGE_YEAR);
        BusinessRuleException closed = catchThrowableOfType(BusinessRuleException.class,
                () -> asAdmin(() -> allocations.create(belanjaOpd(MESSAGE_YEAR, kecamatan, juta(1)))));
        assertThat(messages.getMessage(closed.messageKey(), closed.arguments(), INDONESIAN))
                .isEqualTo("Tahun anggaran 2030 sudah ditutup; datanya tidak dapat diubah lagi.");
    }

    @Test
    void theDatabaseRefusesAnEnvelopeAboveItsPaguEvenWhenTheServiceIsBypassed() {
        String kecamatan = "15.01.15";
        asAdmin(() -> allocations.create(belanjaOpd(YEAR, kecamatan, juta(1_500))));
        assertThatThrownBy(() -> rawInsert(YEAR, kecamatan, juta(501)))
                .hasStackTraceContaining("envelope_within_pagu");
        assertThat(allocated(jdbc, YEAR, kecamatan)).isEqualByComparingTo("1500000000");
        rawInsert(YEAR, kecamatan, juta(500));
        assertThat(allocated(jdbc, YEAR, kecamatan)).isEqualByComparingTo(PAGU)
                .isEqualByComparingTo(sumOfActive(jdbc, YEAR, kecamatan));
    }

    @Test
    void aClosedYearChangesNoMore() {
        String kecamatan = "15.01.01";
        ensureOpen(fiscalYears, CLOSED_YEAR, PAGU);
        AllocationView before = asAdmin(() -> {
            FiscalYearView year = fiscalYears.get(CLOSED_YEAR);
            if (year.status() == FiscalYearStatus.CLOSED) {
                throw new IllegalStateException("test needs the year open at first");
            }
            return allocations.create(belanjaOpd(CLOSED_YEAR, kecamatan, juta(400)));
        });
        closeIfOpen(CLOSED_YEAR);
        assertThat(asAdmin(() -> fiscalYears.get(CLOSED_YEAR)).status()).isEqualTo(FiscalYearStatus.CLOSED);
        assertThat(auditEvents(jdbc, "FISCAL_YEAR_CLOSED", "FiscalYear", CLOSED_YEAR)).isEqualTo(1);

        assertRefused(() -> asAdmin(() -> allocations.create(belanjaOpd(CLOSED_YEAR, "15.01.02", juta(1)))),
                "FISCAL_YEAR_CLOSED");
        assertRefused(() -> asAdmin(() -> allocations.revise(before.id(), juta(500), before.version())),
                "FISCAL_YEAR_CLOSED");
        assertRefused(() -> asAdmin(() -> allocations.revise(before.id(), juta(100), before.version())),
                "FISCAL_YEAR_CLOSED");
        assertRefused(() -> asAdmin(() -> allocations.cancel(before.id(), "tutup buku", before.version())),
                "FISCAL_YEAR_CLOSED");
        assertRefused(() -> asAdmin(() -> perDesaAllocations.allocate(new PerDesaAllocation(CLOSED_YEAR, "15.01.02",
                null, false, false, "DP3AP2", "BKBK-DESA", "BKBK", juta(10), 4, false, false))), "FISCAL_YEAR_CLOSED");
        FiscalYearView closed = asAdmin(() -> fiscalYears.get(CLOSED_YEAR));
        assertRefused(() -> asAdmin(() -> fiscalYears.changePagu(CLOSED_YEAR, juta(3_000), closed.version())),
                "FISCAL_YEAR_CLOSED");

        // whoever writes: the trigger refuses raw SQL too
        assertThatThrownBy(() -> rawInsert(CLOSED_YEAR, "15.01.02", juta(1))).hasStackTraceContaining("closed");
        assertThatThrownBy(() -> jdbc.update("update allocation set amount = amount + 1 where id = ?", before.id()))
                .hasStackTraceContaining("closed");
        assertThatThrownBy(() -> jdbc.update("update envelope set pagu = pagu + 1 where fiscal_year = ?", CLOSED_YEAR))
                .hasStackTraceContaining("closed");

        assertThat(asAdmin(() -> allocationReads.get(before.id())).amount()).isEqualByComparingTo("400000000");
        assertThat(allocated(jdbc, CLOSED_YEAR, kecamatan)).isEqualByComparingTo("400000000");
        assertThat(allocated(jdbc, CLOSED_YEAR, "15.01.02")).isZero();
    }

    @Test
    void bantuanKeuanganDesaGoesOnlyToADesaOfTheSameKecamatan() {
        String kecamatan = "15.01.05";
        NewAllocation elsewhere = new NewAllocation(YEAR, kecamatan, "DP3AP2", "BKBK-DESA",
                Mechanism.BANTUAN_KEUANGAN_DESA, "15.01.01.2001", "BKBK Selam Paung", juta(100), 4);
        assertRefused(() -> asAdmin(() -> allocations.create(elsewhere)), "DESA_OUTSIDE_KECAMATAN");
        NewAllocation withoutDesa = new NewAllocation(YEAR, kecamatan, "DP3AP2", "BKBK-DESA",
                Mechanism.BANTUAN_KEUANGAN_DESA, null, "BKBK", juta(100), 4);
        assertRefused(() -> asAdmin(() -> allocations.create(withoutDesa)), "DESA_REQUIRED");
        NewAllocation opdWithDesa = new NewAllocation(YEAR, kecamatan, "DISDIK", "BANTUAN-PENDIDIKAN",
                Mechanism.BELANJA_OPD, "15.01.01.2001", "x", juta(100), 4);
        assertRefused(() -> asAdmin(() -> allocations.create(opdWithDesa)), "DESA_NOT_ALLOWED");
        NewAllocation unknownDesa = new NewAllocation(YEAR, kecamatan, "DP3AP2", "BKBK-DESA",
                Mechanism.BANTUAN_KEUANGAN_DESA, "15.01.05.9999", "x", juta(100), 4);
        assertRefused(() -> asAdmin(() -> allocations.create(unknownDesa)), "DESA_UNKNOWN");
        assertThat(allocationRows(jdbc, YEAR, kecamatan)).isZero();

        String ownDesa = jdbc.queryForObject("select min(code) from desa where kecamatan_code = ?", String.class,
                kecamatan);
        AllocationView created = asAdmin(() -> allocations.create(new NewAllocation(YEAR, kecamatan, "DP3AP2",
                "BKBK-DESA", Mechanism.BANTUAN_KEUANGAN_DESA, ownDesa, "BKBK", juta(100), 4)));
        assertThat(created.desaCode()).isEqualTo(ownDesa);
        assertThat(created.desaName()).isNotBlank();
        assertThat(allocated(jdbc, YEAR, kecamatan)).isEqualByComparingTo("100000000");
    }

    @Test
    void unknownOrInactiveReferencesAreRefused() {
        String kecamatan = "15.01.16";
        assertRefused(() -> asAdmin(() -> allocations.create(new NewAllocation(YEAR, "15.99.99", "DISDIK",
                "BANTUAN-PENDIDIKAN", Mechanism.BELANJA_OPD, null, "x", juta(1), 6))), "KECAMATAN_UNKNOWN");
        assertRefused(() -> asAdmin(() -> allocations.create(new NewAllocation(YEAR, kecamatan, "TIDAK-ADA",
                "BANTUAN-PENDIDIKAN", Mechanism.BELANJA_OPD, null, "x", juta(1), 6))), "OPD_UNKNOWN");
        assertRefused(() -> asAdmin(() -> allocations.create(new NewAllocation(YEAR, kecamatan, "DISDIK",
                "TIDAK-ADA", Mechanism.BELANJA_OPD, null, "x", juta(1), 6))), "PROGRAMME_UNKNOWN");
        assertThat(allocationRows(jdbc, YEAR, kecamatan)).isZero();
    }

    @Test
    void reviseUpWithinTheRoomBeyondItAndDown() {
        String kecamatan = "15.01.06";
        AllocationView created = asAdmin(() -> allocations.create(belanjaOpd(YEAR, kecamatan, juta(1_500))));

        AllocationView raised = asAdmin(() -> allocations.revise(created.id(), juta(1_800), created.version()));
        assertThat(raised.amount()).isEqualByComparingTo("1800000000");
        assertThat(raised.version()).isEqualTo(created.version() + 1);
        assertThat(allocated(jdbc, YEAR, kecamatan)).isEqualByComparingTo("1800000000");

        BusinessRuleException refused = catchThrowableOfType(BusinessRuleException.class, () -> asAdmin(
                () -> allocations.revise(created.id(), PAGU.add(BigDecimal.ONE), raised.version())));
        assertThat(refused.code()).isEqualTo("ENVELOPE_EXCEEDED");
        assertThat((BigDecimal) refused.details().get("remaining")).isEqualByComparingTo("200000000");
        AllocationView unchanged = asAdmin(() -> allocationReads.get(created.id()));
        assertThat(unchanged.amount()).isEqualByComparingTo("1800000000");
        assertThat(unchanged.version()).isEqualTo(raised.version());
        assertThat(allocated(jdbc, YEAR, kecamatan)).isEqualByComparingTo("1800000000");

        AllocationView toTheLastRupiah = asAdmin(() -> allocations.revise(created.id(), PAGU, raised.version()));
        assertThat(allocated(jdbc, YEAR, kecamatan)).isEqualByComparingTo(PAGU);

        AllocationView lowered = asAdmin(() -> allocations.revise(created.id(), juta(500), toTheLastRupiah.version()));
        assertThat(lowered.amount()).isEqualByComparingTo("500000000");
        assertThat(allocated(jdbc, YEAR, kecamatan)).isEqualByComparingTo("500000000")
                .isEqualByComparingTo(sumOfActive(jdbc, YEAR, kecamatan));

        assertThat(auditEvents(jdbc, "ALLOCATION_REVISED", "Allocation", created.id())).isEqualTo(3);
        Map<String, Object> last = jdbc.queryForMap("""
                select before_state ->> 'amount' as before_amount, after_state ->> 'amount' as after_amount
                from audit_event where action = 'ALLOCATION_REVISED' and entity_id = ? order by id desc limit 1""",
                String.valueOf(created.id()));
        assertThat(new BigDecimal((String) last.get("before_amount"))).isEqualByComparingTo(PAGU);
        assertThat(new BigDecimal((String) last.get("after_amount"))).isEqualByComparingTo("500000000");
    }

    @Test
    void aStaleVersionIsRefused() {
        String kecamatan = "15.01.07";
        AllocationView created = asAdmin(() -> allocations.create(belanjaOpd(YEAR, kecamatan, juta(100))));
        asAdmin(() -> allocations.revise(created.id(), juta(120), created.version()));

        assertThatThrownBy(() -> asAdmin(() -> allocations.revise(created.id(), juta(130), created.version())))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> asAdmin(() -> allocations.cancel(created.id(), null, created.version())))
                .isInstanceOf(StaleVersionException.class);
        AllocationView current = asAdmin(() -> allocationReads.get(created.id()));
        assertThat(current.amount()).isEqualByComparingTo("120000000");
        assertThat(current.status()).isEqualTo(AllocationStatus.ACTIVE);
        assertThat(allocated(jdbc, YEAR, kecamatan)).isEqualByComparingTo("120000000");
    }

    @Test
    void cancellingReturnsTheMoneyToTheEnvelope() {
        String kecamatan = "15.01.08";
        AllocationView first = asAdmin(() -> allocations.create(belanjaOpd(YEAR, kecamatan, juta(700))));
        asAdmin(() -> allocations.create(belanjaOpd(YEAR, kecamatan, juta(300))));
        assertThat(allocated(jdbc, YEAR, kecamatan)).isEqualByComparingTo("1000000000");

        AllocationView cancelled = asAdmin(() -> allocations.cancel(first.id(), "  salah OPD ", first.version()));
        assertThat(cancelled.status()).isEqualTo(AllocationStatus.CANCELLED);
        assertThat(cancelled.cancelReason()).isEqualTo("salah OPD");
        assertThat(allocated(jdbc, YEAR, kecamatan)).isEqualByComparingTo("300000000")
                .isEqualByComparingTo(sumOfActive(jdbc, YEAR, kecamatan));
        assertThat(auditEvents(jdbc, "ALLOCATION_CANCELLED", "Allocation", first.id())).isEqualTo(1);

        assertRefused(() -> asAdmin(() -> allocations.cancel(first.id(), null, cancelled.version())),
                "ALLOCATION_CANCELLED");
        assertRefused(() -> asAdmin(() -> allocations.revise(first.id(), juta(1), cancelled.version())),
                "ALLOCATION_CANCELLED");
        assertThat(allocated(jdbc, YEAR, kecamatan)).isEqualByComparingTo("300000000");
        // the freed money can be allocated again
        asAdmin(() -> allocations.create(belanjaOpd(YEAR, kecamatan, juta(1_700))));
        assertThat(allocated(jdbc, YEAR, kecamatan)).isEqualByComparingTo(PAGU);
    }

    @Test
    void theAuditEventIsPartOfTheTransactionOfTheChange() {
        String kecamatan = "15.01.17";
        AtomicReference<AllocationView> created = new AtomicReference<>();
        asAdmin(() -> transaction.executeWithoutResult(status -> {
            created.set(allocations.create(belanjaOpd(YEAR, kecamatan, juta(100))));
            assertThat(auditEvents(jdbc, "ALLOCATION_CREATED", "Allocation", created.get().id())).isEqualTo(1);
            status.setRollbackOnly();
        }));
        assertThat(auditEvents(jdbc, "ALLOCATION_CREATED", "Allocation", created.get().id())).isZero();
        assertThat(allocationRows(jdbc, YEAR, kecamatan)).isZero();
        assertThat(allocated(jdbc, YEAR, kecamatan)).isZero();
    }

    @Test
    void perDesaAllocatesEveryDesaOfAKecamatan() {
        String kecamatan = "15.01.09";
        int desa = jdbc.queryForObject("select count(*) from desa where kecamatan_code = ?", Integer.class, kecamatan);
        assertThat(desa).isEqualTo(21);

        PerDesaResult result = asAdmin(() -> perDesaAllocations.allocate(new PerDesaAllocation(YEAR, kecamatan, null,
                false, false, "DP3AP2", "BKBK-DESA", "BKBK uji", juta(50), 4, false, false)));

        assertThat(result.allocations()).isEqualTo(desa);
        assertThat(result.kecamatan()).isEqualTo(1);
        assertThat(result.total()).isEqualByComparingTo(juta(50L * desa));
        assertThat(allocated(jdbc, YEAR, kecamatan)).isEqualByComparingTo(juta(50L * desa));
        assertThat(jdbc.queryForList("""
                        select desa_code from allocation where fiscal_year = ? and kecamatan_code = ?
                          and mechanism = 'BANTUAN_KEUANGAN_DESA' and amount = 50000000 order by desa_code""",
                String.class, YEAR, kecamatan))
                .containsExactlyElementsOf(jdbc.queryForList(
                        "select code from desa where kecamatan_code = ? order by code", String.class, kecamatan));
        assertThat(allocationAuditEvents(jdbc, "ALLOCATION_CREATED", YEAR, kecamatan)).isEqualTo(desa);
    }

    @Test
    void perDesaWithOnlyDesaLeavesTheKelurahanOut() {
        String kecamatan = "15.01.01";
        int desa = jdbc.queryForObject("select count(*) from desa where kecamatan_code = ? and type = 'DESA'",
                Integer.class, kecamatan);
        List<String> kelurahan = jdbc.queryForList(
                "select code from desa where kecamatan_code = ? and type = 'KELURAHAN'", String.class, kecamatan);
        assertThat(kelurahan).isNotEmpty();

        PerDesaResult result = asAdmin(() -> perDesaAllocations.allocate(new PerDesaAllocation(YEAR, kecamatan, null,
                false, true, "DP3AP2", "BKBK-DESA", "BKBK desa saja", juta(100), 4, false, false)));

        assertThat(result.allocations()).isEqualTo(desa).isEqualTo(11);
        assertThat(jdbc.queryForObject("""
                        select count(*) from allocation where fiscal_year = ? and kecamatan_code = ?
                          and desa_code in (select code from desa where type = 'KELURAHAN')""",
                Integer.class, YEAR, kecamatan)).isZero();
        assertThat(allocated(jdbc, YEAR, kecamatan)).isEqualByComparingTo(juta(100L * desa));
    }

    @Test
    void perDesaOverAKabupatenKotaWritesNothingWhenOneKecamatanIsShort() {
        ensureOpen(fiscalYears, KABUPATEN_YEAR, PAGU);
        String shortKecamatan = "15.72.04";
        BigDecimal perDesa = juta(100);
        int desaOfShort = jdbc.queryForObject("select count(*) from desa where kecamatan_code = ?", Integer.class,
                shortKecamatan);
        BigDecimal required = perDesa.multiply(BigDecimal.valueOf(desaOfShort));
        BigDecimal lacking = juta(50);
        // leave exactly (required - lacking) in the envelope
        AllocationView blocker = asAdmin(() -> allocations.create(belanjaOpd(KABUPATEN_YEAR, shortKecamatan,
                PAGU.subtract(required).add(lacking))));
        List<Map<String, Object>> envelopesBefore = envelopeState(KABUPATEN_YEAR, "15.72");
        int rowsBefore = jdbc.queryForObject("select count(*) from allocation where fiscal_year = ?", Integer.class,
                KABUPATEN_YEAR);
        int auditBefore = jdbc.queryForObject("""
                select count(*) from audit_event where action = 'ALLOCATION_CREATED' and after_state ->> 'year' = ?""",
                Integer.class, String.valueOf(KABUPATEN_YEAR));
        PerDesaAllocation wholeKota = new PerDesaAllocation(KABUPATEN_YEAR, null, "15.72", false, false,
                "DP3AP2", "BKBK-DESA", "BKBK Sungai Penuh", perDesa, 4, false, false);

        PerDesaShortfallException refused = catchThrowableOfType(PerDesaShortfallException.class,
                () -> asAdmin(() -> perDesaAllocations.allocate(wholeKota)));

        assertThat(refused.code()).isEqualTo("ENVELOPE_EXCEEDED");
        assertThat(refused.shortfalls()).hasSize(1);
        EnvelopeShortfall shortfall = refused.shortfalls().get(0);
        assertThat(shortfall.kecamatanCode()).isEqualTo(shortKecamatan);
        assertThat(shortfall.kecamatanName()).isEqualTo("Tanah Kampung");
        assertThat(shortfall.required()).isEqualByComparingTo(required);
        assertThat(shortfall.remaining()).isEqualByComparingTo(required.subtract(lacking));
        assertThat(shortfall.lacking()).isEqualByComparingTo(lacking);
        assertThat(envelopeState(KABUPATEN_YEAR, "15.72")).isEqualTo(envelopesBefore);
        assertThat(jdbc.queryForObject("select count(*) from allocation where fiscal_year = ?", Integer.class,
                KABUPATEN_YEAR)).isEqualTo(rowsBefore);
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_event where action = 'ALLOCATION_CREATED' and after_state ->> 'year' = ?""",
                Integer.class, String.valueOf(KABUPATEN_YEAR))).isEqualTo(auditBefore);

        // with the blocker gone the same request writes one allocation per desa of every kecamatan of the kota
        asAdmin(() -> allocations.cancel(blocker.id(), null, blocker.version()));
        int desaOfKota = jdbc.queryForObject("select count(*) from desa where left(code, 5) = '15.72'", Integer.class);
        int kecamatanOfKota = jdbc.queryForObject("select count(*) from kecamatan where kabupaten_kota_code = '15.72'",
                Integer.class);
        PerDesaResult result = asAdmin(() -> perDesaAllocations.allocate(wholeKota));
        assertThat(result.allocations()).isEqualTo(desaOfKota);
        assertThat(result.kecamatan()).isEqualTo(kecamatanOfKota).isEqualTo(8);
        assertThat(allocated(jdbc, KABUPATEN_YEAR, shortKecamatan)).isEqualByComparingTo(required);
    }

    @Test
    void thePaguOfAYearCannotFallBelowWhatAnEnvelopeHoldsButCanRise() {
        ensureOpen(fiscalYears, PAGU_YEAR, PAGU);
        asAdmin(() -> allocations.create(belanjaOpd(PAGU_YEAR, "15.02.01", juta(1_200))));
        asAdmin(() -> allocations.create(belanjaOpd(PAGU_YEAR, "15.02.02", juta(800))));
        FiscalYearView opened = asAdmin(() -> fiscalYears.get(PAGU_YEAR));

        BusinessRuleException refused = catchThrowableOfType(BusinessRuleException.class,
                () -> asAdmin(() -> fiscalYears.changePagu(PAGU_YEAR, BILLION, opened.version())));
        assertThat(refused.code()).isEqualTo("PAGU_BELOW_ALLOCATED");
        String message = messages.getMessage(refused.messageKey(), refused.arguments(), INDONESIAN);
        assertThat(message).contains("Jangkat").contains("Rp 1.200.000.000").contains("Rp 1.000.000.000")
                .doesNotContain("Bangko");
        assertThat(refused.arguments()).contains(1);
        assertThat(pagu(jdbc, PAGU_YEAR, "15.02.03")).isEqualByComparingTo(PAGU);
        assertThat(asAdmin(() -> fiscalYears.get(PAGU_YEAR)).version()).isEqualTo(opened.version());

        FiscalYearView raised = asAdmin(() -> fiscalYears.changePagu(PAGU_YEAR, juta(2_500), opened.version()));
        assertThat(raised.paguPerKecamatan()).isEqualByComparingTo("2500000000");
        assertThat(jdbc.queryForObject("select count(*) from envelope where fiscal_year = ? and pagu <> 2500000000",
                Integer.class, PAGU_YEAR)).isZero();
        assertThat(auditEvents(jdbc, "FISCAL_YEAR_PAGU_CHANGED", "FiscalYear", PAGU_YEAR)).isEqualTo(1);

        assertThatThrownBy(() -> asAdmin(() -> fiscalYears.changePagu(PAGU_YEAR, juta(3_000), opened.version())))
                .isInstanceOf(StaleVersionException.class);

        FiscalYearView lowered = asAdmin(() -> fiscalYears.changePagu(PAGU_YEAR, juta(1_200), raised.version()));
        assertThat(lowered.paguPerKecamatan()).isEqualByComparingTo("1200000000");
        assertThat(pagu(jdbc, PAGU_YEAR, "15.02.01")).isEqualByComparingTo(allocated(jdbc, PAGU_YEAR, "15.02.01"));
        assertThat(auditEvents(jdbc, "FISCAL_YEAR_PAGU_CHANGED", "FiscalYear", PAGU_YEAR)).isEqualTo(2);
        BusinessRuleException full = catchThrowableOfType(BusinessRuleException.class,
                () -> asAdmin(() -> allocations.create(belanjaOpd(PAGU_YEAR, "15.02.01", BigDecimal.ONE))));
        assertThat(full.code()).isEqualTo("ENVELOPE_EXCEEDED");
        assertThat((BigDecimal) full.details().get("remaining")).isZero();
        asAdmin(() -> allocations.create(belanjaOpd(PAGU_YEAR, "15.02.02", juta(400))));
        assertThat(allocated(jdbc, PAGU_YEAR, "15.02.02")).isEqualByComparingTo("1200000000");
    }

    private void closeIfOpen(int year) {
        asAdmin(() -> {
            FiscalYearView view = fiscalYears.get(year);
            if (view.status() == FiscalYearStatus.OPEN) {
                fiscalYears.close(year, view.version());
            }
        });
    }

    private void rawInsert(int year, String kecamatan, BigDecimal amount) {
        jdbc.update("""
                insert into allocation (fiscal_year, kecamatan_code, opd_code, programme_code, mechanism, title,
                                        amount, planned_month, status, created_by, updated_by)
                values (?, ?, 'DISDIK', 'BANTUAN-PENDIDIKAN', 'BELANJA_OPD', 'langsung ke database', ?, 6, 'ACTIVE',
                        'sql', 'sql')""", year, kecamatan, amount);
    }

    private List<Map<String, Object>> envelopeState(int year, String kabupatenKota) {
        return jdbc.queryForList("""
                select kecamatan_code, pagu, allocated from envelope
                where fiscal_year = ? and left(kecamatan_code, 5) = ? order by kecamatan_code""", year, kabupatenKota);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BusinessRuleException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
