package id.go.jambiprov.dumisake.disbursement;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.allocation.internal.EnvelopeQueries;
import id.go.jambiprov.dumisake.disbursement.internal.DisbursementQueries;
import id.go.jambiprov.dumisake.disbursement.internal.DisbursementService;
import id.go.jambiprov.dumisake.disbursement.internal.EvidenceFile;
import id.go.jambiprov.dumisake.disbursement.internal.NewDisbursement;
import id.go.jambiprov.dumisake.disbursement.internal.StoredEvidence;
import id.go.jambiprov.dumisake.disbursement.internal.WorkListFilter;
import id.go.jambiprov.dumisake.disbursement.internal.WorkListRow;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.FiscalYearView;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.ListPage;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static id.go.jambiprov.dumisake.disbursement.DisbursementTestSupport.TODAY;
import static id.go.jambiprov.dumisake.disbursement.DisbursementTestSupport.admin;
import static id.go.jambiprov.dumisake.disbursement.DisbursementTestSupport.allocation;
import static id.go.jambiprov.dumisake.disbursement.DisbursementTestSupport.as;
import static id.go.jambiprov.dumisake.disbursement.DisbursementTestSupport.asSystem;
import static id.go.jambiprov.dumisake.disbursement.DisbursementTestSupport.auditEvents;
import static id.go.jambiprov.dumisake.disbursement.DisbursementTestSupport.column;
import static id.go.jambiprov.dumisake.disbursement.DisbursementTestSupport.ensureOpen;
import static id.go.jambiprov.dumisake.disbursement.DisbursementTestSupport.freshKecamatan;
import static id.go.jambiprov.dumisake.disbursement.DisbursementTestSupport.juta;
import static id.go.jambiprov.dumisake.disbursement.DisbursementTestSupport.operator;
import static id.go.jambiprov.dumisake.disbursement.DisbursementTestSupport.sp2dNumber;
import static id.go.jambiprov.dumisake.disbursement.DisbursementTestSupport.sumOf;
import static id.go.jambiprov.dumisake.disbursement.DisbursementTestSupport.tranche;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Recording, submitting and deciding disbursements through the service, on PostgreSQL with its triggers.
 * Fiscal years 2041 (most tests), 2042 (closed by a test) and 2045 (the "today" year) belong to this class;
 * "today" is 30 June 2045.
 */
@SpringBootTest
@Import(DisbursementTestSupport.FixedClock.class)
class DisbursementServiceTest {

    static final int YEAR = 2041;
    static final int CLOSING_YEAR = 2042;
    static final int CURRENT_YEAR = 2045;
    static final LocalDate MAY = LocalDate.of(YEAR, 5, 2);

    static final DumisakeUser OP_DISDIK = operator("DISDIK");
    static final DumisakeUser OP_DINKES = operator("DINKES");
    static final DumisakeUser ADMIN = admin("admin-uji");

    @Autowired
    DisbursementService disbursements;

    @Autowired
    DisbursementQueries queries;

    @Autowired
    AllocationService allocations;

    @Autowired
    Allocations allocationReads;

    @Autowired
    FiscalYearService fiscalYears;

    @Autowired
    EnvelopeQueries envelopes;

    @Autowired
    Disbursements disbursementsApi;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anOperatorRecordsADraftThatCountsAtOnceButRealisesNothing() {
        AllocationView allocation = newAllocation(YEAR, juta(500));

        DisbursementView draft = as(OP_DISDIK, () -> disbursements.create(allocation.id(),
                tranche(1, juta(200), MAY), null));

        assertThat(draft.status()).isEqualTo(DisbursementStatus.DRAFT);
        assertThat(draft.createdBy()).isEqualTo("op-disdik");
        assertThat(draft.allocationId()).isEqualTo(allocation.id());
        assertThat(draft.year()).isEqualTo(YEAR);
        assertThat(draft.opdCode()).isEqualTo("DISDIK");
        AllocationView after = asSystem(() -> allocationReads.get(allocation.id()));
        assertThat(after.disbursed()).isEqualByComparingTo(juta(200));
        assertThat(after.realised()).isEqualByComparingTo("0");
        assertThat(after.remainingToDisburse()).isEqualByComparingTo(juta(300));
        assertThat(auditEvents(jdbc, "DISBURSEMENT_CREATED", draft.id())).isEqualTo(1);
    }

    @Test
    void submittingTwiceReturnsTheSameSubmission() {
        AllocationView allocation = newAllocation(YEAR, juta(500));
        DisbursementView draft = as(OP_DISDIK, () -> disbursements.create(allocation.id(),
                tranche(1, juta(100), MAY), null));

        DisbursementView first = as(OP_DISDIK, () -> disbursements.submit(draft.id()));
        DisbursementView second = as(OP_DISDIK, () -> disbursements.submit(draft.id()));

        assertThat(first.status()).isEqualTo(DisbursementStatus.SUBMITTED);
        assertThat(first.submittedBy()).isEqualTo("op-disdik");
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.status()).isEqualTo(DisbursementStatus.SUBMITTED);
        assertThat(second.version()).isEqualTo(first.version());
        assertThat(rowsOf(allocation)).isEqualTo(1);
        assertThat(auditEvents(jdbc, "DISBURSEMENT_SUBMITTED", draft.id())).isEqualTo(1);
        assertThat(column(jdbc, "disbursed", allocation.id())).isEqualByComparingTo(juta(100));
    }

    @Test
    void theSameRequestKeyTwiceCreatesOneDisbursement() {
        AllocationView allocation = newAllocation(YEAR, juta(500));
        String key = UUID.randomUUID().toString();
        NewDisbursement request = new NewDisbursement(1, juta(100), sp2dNumber(), MAY, null, key);

        DisbursementView first = as(OP_DISDIK, () -> disbursements.create(allocation.id(), request, null));
        DisbursementView retry = as(OP_DISDIK, () -> disbursements.create(allocation.id(),
                new NewDisbursement(1, juta(100), sp2dNumber(), MAY, null, key), null));

        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(retry.sp2dNumber()).isEqualTo(first.sp2dNumber());
        assertThat(rowsOf(allocation)).isEqualTo(1);
        assertThat(column(jdbc, "disbursed", allocation.id())).isEqualByComparingTo(juta(100));
        assertThat(auditEvents(jdbc, "DISBURSEMENT_CREATED", first.id())).isEqualTo(1);
    }

    @Test
    void anAdminVerifiesAndTheAllocationAndEnvelopeRealise() {
        AllocationView allocation = newAllocation(YEAR, juta(500));
        BigDecimal envelopeBefore = envelopes.get(YEAR, allocation.kecamatanCode()).realised();
        DisbursementView submitted = submitted(allocation, juta(150));

        DisbursementView verified = as(ADMIN, () -> disbursements.verify(submitted.id()));

        assertThat(verified.status()).isEqualTo(DisbursementStatus.VERIFIED);
        assertThat(verified.decidedBy()).isEqualTo("admin-uji");
        assertThat(verified.decidedAt()).isNotNull();
        AllocationView after = asSystem(() -> allocationReads.get(allocation.id()));
        assertThat(after.realised()).isEqualByComparingTo(juta(150));
        assertThat(after.disbursed()).isEqualByComparingTo(juta(150));
        assertThat(envelopes.get(YEAR, allocation.kecamatanCode()).realised())
                .isEqualByComparingTo(envelopeBefore.add(juta(150)));
        assertThat(auditEvents(jdbc, "DISBURSEMENT_VERIFIED", submitted.id())).isEqualTo(1);
        // a verified one is final
        assertRule(() -> as(ADMIN, () -> disbursements.reject(submitted.id(), "terlambat")), "INVALID_TRANSITION");
        assertRule(() -> as(ADMIN, () -> disbursements.verify(submitted.id())), "INVALID_TRANSITION");
        assertRule(() -> as(OP_DISDIK, () -> disbursements.edit(submitted.id(), tranche(1, juta(10), MAY), null,
                verified.version())), "NOT_EDITABLE");
        assertThat(column(jdbc, "realised", allocation.id())).isEqualByComparingTo(juta(150));
    }

    @Test
    void aRejectionNeedsAReasonAndGivesTheMoneyBack() {
        AllocationView allocation = newAllocation(YEAR, juta(500));
        DisbursementView submitted = submitted(allocation, juta(200));
        assertThat(asSystem(() -> allocationReads.get(allocation.id())).remainingToDisburse())
                .isEqualByComparingTo(juta(300));

        assertRule(() -> as(ADMIN, () -> disbursements.reject(submitted.id(), "  ")), "REASON_REQUIRED");
        assertRule(() -> as(ADMIN, () -> disbursements.reject(submitted.id(), null)), "REASON_REQUIRED");
        DisbursementView rejected = as(ADMIN, () -> disbursements.reject(submitted.id(), "SPJ belum lengkap"));

        assertThat(rejected.status()).isEqualTo(DisbursementStatus.REJECTED);
        assertThat(rejected.rejectReason()).isEqualTo("SPJ belum lengkap");
        AllocationView after = asSystem(() -> allocationReads.get(allocation.id()));
        assertThat(after.disbursed()).isEqualByComparingTo("0");
        assertThat(after.realised()).isEqualByComparingTo("0");
        assertThat(after.remainingToDisburse()).isEqualByComparingTo(juta(500));
        assertThat(auditEvents(jdbc, "DISBURSEMENT_REJECTED", submitted.id())).isEqualTo(1);
    }

    @Test
    void editingARejectedOneWithinRoomMakesItADraftAgain() {
        AllocationView allocation = newAllocation(YEAR, juta(500));
        DisbursementView submitted = submitted(allocation, juta(200));
        DisbursementView rejected = as(ADMIN, () -> disbursements.reject(submitted.id(), "Nomor SP2D salah"));
        // meanwhile another tranche takes 400 of the 500: the rejected 200 no longer fits, 100 does
        as(OP_DISDIK, () -> disbursements.create(allocation.id(), tranche(2, juta(400), MAY), null));

        assertRule(() -> as(OP_DISDIK, () -> disbursements.edit(rejected.id(), tranche(1, juta(200), MAY), null,
                rejected.version())), "ALLOCATION_EXCEEDED");
        assertThat(as(OP_DISDIK, () -> queries.get(rejected.id())).status())
                .isEqualTo(DisbursementStatus.REJECTED);

        DisbursementView edited = as(OP_DISDIK, () -> disbursements.edit(rejected.id(),
                new NewDisbursement(1, juta(100), "BARU/" + UUID.randomUUID(), MAY, "diperbaiki", null), null,
                rejected.version()));

        assertThat(edited.status()).isEqualTo(DisbursementStatus.DRAFT);
        assertThat(edited.rejectReason()).isNull();
        assertThat(edited.decidedBy()).isNull();
        assertThat(edited.amount()).isEqualByComparingTo(juta(100));
        assertThat(column(jdbc, "disbursed", allocation.id())).isEqualByComparingTo(juta(500));
        assertThat(auditEvents(jdbc, "DISBURSEMENT_EDITED", rejected.id())).isEqualTo(1);
        // an edit with a stale version is refused
        assertThatThrownBy(() -> as(OP_DISDIK, () -> disbursements.edit(rejected.id(), tranche(1, juta(50), MAY),
                null, rejected.version())))
                .isInstanceOf(id.go.jambiprov.dumisake.shared.StaleVersionException.class);
    }

    @Test
    void exceedingTheAllocationIsRefusedWithWhatIsAvailableAndWritesNothing() {
        AllocationView allocation = newAllocation(YEAR, juta(500));
        as(OP_DISDIK, () -> disbursements.create(allocation.id(), tranche(1, juta(300), MAY), null));
        String sp2d = sp2dNumber();
        long auditBefore = auditCount();

        assertThatThrownBy(() -> as(OP_DISDIK, () -> disbursements.create(allocation.id(),
                new NewDisbursement(2, new BigDecimal("200000000.01"), sp2d, MAY, null, null), null)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.code()).isEqualTo("ALLOCATION_EXCEEDED");
                    assertThat((BigDecimal) e.details().get("available")).isEqualByComparingTo(juta(200));
                });

        assertThat(rowsOf(allocation)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from disbursement where sp2d_number = ?", Integer.class, sp2d))
                .isZero();
        assertThat(column(jdbc, "disbursed", allocation.id())).isEqualByComparingTo(juta(300));
        assertThat(auditCount()).isEqualTo(auditBefore);
        // the exact rest fits
        as(OP_DISDIK, () -> disbursements.create(allocation.id(), tranche(2, juta(200), MAY), null));
        assertThat(column(jdbc, "disbursed", allocation.id())).isEqualByComparingTo(juta(500));
    }

    @Test
    void afterCreateSubmitVerifyAndRejectTheTotalsAreTheSumsOfTheRows() {
        AllocationView allocation = newAllocation(YEAR, juta(500));
        long versionBefore = jdbc.queryForObject("select version from allocation where id = ?", Long.class,
                allocation.id());
        DisbursementView first = as(OP_DISDIK, () -> disbursements.create(allocation.id(),
                tranche(1, juta(100), MAY), null));
        as(OP_DISDIK, () -> disbursements.submit(first.id()));
        as(ADMIN, () -> disbursements.verify(first.id()));
        DisbursementView second = submitted(allocation, juta(70));
        as(ADMIN, () -> disbursements.reject(second.id(), "SPJ belum lengkap"));
        as(OP_DISDIK, () -> disbursements.create(allocation.id(), tranche(3, juta(30), MAY), null));

        assertThat(column(jdbc, "disbursed", allocation.id()))
                .isEqualByComparingTo(sumOf(jdbc, allocation.id(), "status <> 'REJECTED'"))
                .isEqualByComparingTo(juta(130));
        assertThat(column(jdbc, "realised", allocation.id()))
                .isEqualByComparingTo(sumOf(jdbc, allocation.id(), "status = 'VERIFIED'"))
                .isEqualByComparingTo(juta(100));
        assertThat(envelopes.get(YEAR, allocation.kecamatanCode()).realised()).isEqualByComparingTo(
                jdbc.queryForObject("""
                        select coalesce(sum(d.amount), 0) from disbursement d join allocation a on a.id = d.allocation_id
                        where a.fiscal_year = ? and a.kecamatan_code = ? and d.status = 'VERIFIED'""",
                        BigDecimal.class, YEAR, allocation.kecamatanCode()));
        assertThat(jdbc.queryForObject("select version from allocation where id = ?", Long.class, allocation.id()))
                .as("spending leaves an admin's open revision of the allocation valid").isEqualTo(versionBefore);
    }

    @Test
    void anSp2dNumberIsUsedOnceInAYear() {
        AllocationView first = newAllocation(YEAR, juta(500));
        AllocationView second = newAllocation(YEAR, juta(500));
        String sp2d = sp2dNumber();
        as(OP_DISDIK, () -> disbursements.create(first.id(), new NewDisbursement(1, juta(10), sp2d, MAY, null, null),
                null));

        assertRule(() -> as(OP_DISDIK, () -> disbursements.create(first.id(),
                new NewDisbursement(2, juta(10), sp2d, MAY, null, null), null)), "SP2D_DUPLICATE");
        assertRule(() -> as(OP_DISDIK, () -> disbursements.create(second.id(),
                new NewDisbursement(1, juta(10), sp2d, MAY, null, null), null)), "SP2D_DUPLICATE");
        assertRule(() -> as(OP_DISDIK, () -> disbursements.create(second.id(),
                new NewDisbursement(1, juta(10), " " + sp2d.toLowerCase() + " ", MAY, null, null), null)),
                "SP2D_DUPLICATE");
        assertThat(jdbc.queryForObject("select count(*) from disbursement where upper(sp2d_number) = upper(?)",
                Integer.class, sp2d)).isEqualTo(1);
    }

    @Test
    void anSp2dDateOutsideTheYearOrInTheFutureIsRefused() {
        AllocationView past = newAllocation(YEAR, juta(500));
        assertRule(() -> as(OP_DISDIK, () -> disbursements.create(past.id(),
                tranche(1, juta(10), LocalDate.of(YEAR - 1, 12, 31)), null)), "SP2D_DATE_OUTSIDE_YEAR");
        assertRule(() -> as(OP_DISDIK, () -> disbursements.create(past.id(),
                tranche(1, juta(10), LocalDate.of(YEAR + 1, 1, 1)), null)), "SP2D_DATE_OUTSIDE_YEAR");
        assertThat(rowsOf(past)).isZero();

        ensureOpen(fiscalYears, CURRENT_YEAR);
        AllocationView current = newAllocation(CURRENT_YEAR, juta(500));
        assertRule(() -> as(OP_DISDIK, () -> disbursements.create(current.id(),
                tranche(1, juta(10), TODAY.plusDays(1)), null)), "SP2D_DATE_IN_FUTURE");
        assertThat(rowsOf(current)).isZero();
        DisbursementView today = as(OP_DISDIK, () -> disbursements.create(current.id(),
                tranche(1, juta(10), TODAY), null));
        assertThat(today.sp2dDate()).isEqualTo(TODAY);
        // an edit moving the date into the future is refused too
        assertRule(() -> as(OP_DISDIK, () -> disbursements.edit(today.id(), tranche(1, juta(10), TODAY.plusDays(1)),
                null, today.version())), "SP2D_DATE_IN_FUTURE");
    }

    @Test
    void anOperatorOfAnotherOpdSeesNothingOfDisdik() {
        AllocationView allocation = newAllocation(YEAR, juta(500));
        DisbursementView draft = as(OP_DISDIK, () -> disbursements.create(allocation.id(),
                tranche(1, juta(50), MAY), new EvidenceFile("bukti.pdf", pdf())));

        assertThatThrownBy(() -> as(OP_DINKES, () -> queries.get(draft.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(OP_DINKES, () -> disbursements.create(allocation.id(),
                tranche(1, juta(50), MAY), null))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(OP_DINKES, () -> disbursements.submit(draft.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(OP_DINKES, () -> disbursements.edit(draft.id(), tranche(1, juta(1), MAY), null,
                draft.version()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(OP_DINKES, () -> queries.evidence(draft.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(OP_DINKES, () -> queries.ofAllocation(allocation.id())))
                .isInstanceOf(NotFoundException.class);

        assertThat(rowsOf(allocation)).isEqualTo(1);
        assertThat(as(OP_DISDIK, () -> queries.get(draft.id())).status()).isEqualTo(DisbursementStatus.DRAFT);
        assertThat(as(OP_DISDIK, () -> queries.evidence(draft.id())).content()).isEqualTo(pdf());
    }

    @Test
    void anAdminCannotDecideWhatItSubmittedItself() {
        AllocationView allocation = newAllocation(YEAR, juta(500));
        DumisakeUser twinOperator = operator("kembar", "DISDIK");
        DumisakeUser twinAdmin = admin("kembar");
        DisbursementView draft = as(twinOperator, () -> disbursements.create(allocation.id(),
                tranche(1, juta(50), MAY), null));
        as(twinOperator, () -> disbursements.submit(draft.id()));

        assertRule(() -> as(twinAdmin, () -> disbursements.verify(draft.id())), "SUBMITTER_CANNOT_DECIDE");
        assertRule(() -> as(twinAdmin, () -> disbursements.reject(draft.id(), "sendiri")), "SUBMITTER_CANNOT_DECIDE");
        assertThat(as(twinAdmin, () -> queries.get(draft.id())).status()).isEqualTo(DisbursementStatus.SUBMITTED);
        assertThat(column(jdbc, "realised", allocation.id())).isEqualByComparingTo("0");

        // and the database refuses it whoever writes
        assertThatThrownBy(() -> jdbc.update("""
                update disbursement set status = 'VERIFIED', decided_by = submitted_by, decided_at = now()
                where id = ?""", draft.id())).hasStackTraceContaining("disbursement_submitter_does_not_verify");
        assertThat(column(jdbc, "realised", allocation.id())).isEqualByComparingTo("0");
    }

    @Test
    void aClosedFiscalYearChangesNoMore() {
        FiscalYearView year = ensureOpen(fiscalYears, CLOSING_YEAR);
        AllocationView allocation = newAllocation(CLOSING_YEAR, juta(500));
        LocalDate date = LocalDate.of(CLOSING_YEAR, 3, 3);
        DisbursementView draft = as(OP_DISDIK, () -> disbursements.create(allocation.id(),
                tranche(1, juta(10), date), null));
        DisbursementView toVerify = as(OP_DISDIK, () -> disbursements.create(allocation.id(),
                tranche(2, juta(20), date), null));
        as(OP_DISDIK, () -> disbursements.submit(toVerify.id()));
        FiscalYearView current = asSystem(() -> fiscalYears.get(CLOSING_YEAR));
        asSystem(() -> fiscalYears.close(CLOSING_YEAR, current.version()));
        assertThat(year.year()).isEqualTo(CLOSING_YEAR);

        assertRule(() -> as(OP_DISDIK, () -> disbursements.create(allocation.id(), tranche(3, juta(1), date), null)),
                "FISCAL_YEAR_CLOSED");
        assertRule(() -> as(OP_DISDIK, () -> disbursements.submit(draft.id())), "FISCAL_YEAR_CLOSED");
        assertRule(() -> as(OP_DISDIK, () -> disbursements.edit(draft.id(), tranche(1, juta(2), date), null,
                draft.version())), "FISCAL_YEAR_CLOSED");
        assertRule(() -> as(ADMIN, () -> disbursements.verify(toVerify.id())), "FISCAL_YEAR_CLOSED");
        assertRule(() -> as(ADMIN, () -> disbursements.reject(toVerify.id(), "tutup")), "FISCAL_YEAR_CLOSED");

        assertThatThrownBy(() -> jdbc.update("""
                insert into disbursement (allocation_id, fiscal_year, tranche, amount, sp2d_number, sp2d_date, status,
                                          created_by, updated_by)
                values (?, ?, 4, 1000, ?, ?, 'DRAFT', 'psql', 'psql')""",
                allocation.id(), CLOSING_YEAR, sp2dNumber(), date)).hasStackTraceContaining("closed");
        assertThatThrownBy(() -> jdbc.update("update disbursement set status = 'VERIFIED', decided_by = 'psql' "
                + "where id = ?", toVerify.id())).hasStackTraceContaining("closed");
        assertThatThrownBy(() -> jdbc.update("delete from disbursement where id = ?", draft.id()))
                .hasStackTraceContaining("closed");
        // the guards look at every row of a statement: one row in a closed year refuses the statement's other rows too
        AllocationView open = newAllocation(YEAR, juta(500));
        assertThatThrownBy(() -> jdbc.update("""
                insert into disbursement (allocation_id, fiscal_year, tranche, amount, sp2d_number, sp2d_date, status,
                                          created_by, updated_by)
                values (?, ?, 1, 1000, ?, ?, 'DRAFT', 'psql', 'psql'),
                       (?, ?, 4, 1000, ?, ?, 'DRAFT', 'psql', 'psql')""",
                open.id(), YEAR, sp2dNumber(), MAY, allocation.id(), CLOSING_YEAR, sp2dNumber(), date))
                .hasStackTraceContaining("the fiscal year of allocation " + allocation.id() + " is closed");
        assertThat(rowsOf(open)).isZero();
        assertThatThrownBy(() -> jdbc.update("update disbursement set allocation_id = ? where id = ?", open.id(),
                draft.id())).hasStackTraceContaining("cannot move to another allocation");
        assertThat(rowsOf(allocation)).isEqualTo(2);
        assertThat(column(jdbc, "disbursed", allocation.id())).isEqualByComparingTo(juta(30));
        assertThat(column(jdbc, "realised", allocation.id())).isEqualByComparingTo("0");
    }

    @Test
    void everyChangeLeavesAnAuditEvent() {
        AllocationView allocation = newAllocation(YEAR, juta(500));
        DisbursementView a = as(OP_DISDIK, () -> disbursements.create(allocation.id(), tranche(1, juta(10), MAY), null));
        as(OP_DISDIK, () -> disbursements.submit(a.id()));
        as(ADMIN, () -> disbursements.verify(a.id()));
        DisbursementView b = as(OP_DISDIK, () -> disbursements.create(allocation.id(), tranche(2, juta(10), MAY), null));
        as(OP_DISDIK, () -> disbursements.submit(b.id()));
        DisbursementView rejected = as(ADMIN, () -> disbursements.reject(b.id(), "kurang lengkap"));
        as(OP_DISDIK, () -> disbursements.edit(b.id(), tranche(2, juta(12), MAY), null, rejected.version()));

        assertThat(auditEvents(jdbc, "DISBURSEMENT_CREATED", a.id())).isEqualTo(1);
        assertThat(auditEvents(jdbc, "DISBURSEMENT_SUBMITTED", a.id())).isEqualTo(1);
        assertThat(auditEvents(jdbc, "DISBURSEMENT_VERIFIED", a.id())).isEqualTo(1);
        assertThat(auditEvents(jdbc, "DISBURSEMENT_CREATED", b.id())).isEqualTo(1);
        assertThat(auditEvents(jdbc, "DISBURSEMENT_SUBMITTED", b.id())).isEqualTo(1);
        assertThat(auditEvents(jdbc, "DISBURSEMENT_REJECTED", b.id())).isEqualTo(1);
        assertThat(auditEvents(jdbc, "DISBURSEMENT_EDITED", b.id())).isEqualTo(1);
        var verified = jdbc.queryForMap("""
                select username, before_state ->> 'status' as before_status, after_state ->> 'status' as after_status
                from audit_event where action = 'DISBURSEMENT_VERIFIED' and entity_id = ?""", String.valueOf(a.id()));
        assertThat(verified).containsEntry("username", "admin-uji").containsEntry("before_status", "SUBMITTED")
                .containsEntry("after_status", "VERIFIED");
        var edited = jdbc.queryForMap("""
                select username, before_state ->> 'status' as before_status, after_state ->> 'status' as after_status,
                       after_state ->> 'amount' as after_amount
                from audit_event where action = 'DISBURSEMENT_EDITED' and entity_id = ?""", String.valueOf(b.id()));
        assertThat(edited).containsEntry("username", "op-disdik").containsEntry("before_status", "REJECTED")
                .containsEntry("after_status", "DRAFT");
        assertThat(new BigDecimal((String) edited.get("after_amount"))).isEqualByComparingTo(juta(12));
    }

    @Test
    void aPdfIsStoredAndReadBack() {
        AllocationView allocation = newAllocation(YEAR, juta(500));
        DisbursementView created = as(OP_DISDIK, () -> disbursements.create(allocation.id(),
                tranche(1, juta(10), MAY), new EvidenceFile("SP2D tahap 1.pdf", pdf())));

        assertThat(created.hasEvidence()).isTrue();
        assertThat(created.evidenceName()).isEqualTo("SP2D tahap 1.pdf");
        assertThat(created.evidenceType()).isEqualTo("application/pdf");
        assertThat(created.evidenceSize()).isEqualTo(pdf().length);
        StoredEvidence stored = as(OP_DISDIK, () -> queries.evidence(created.id()));
        assertThat(stored.fileName()).isEqualTo("SP2D tahap 1.pdf");
        assertThat(stored.contentType()).isEqualTo("application/pdf");
        assertThat(stored.content()).isEqualTo(pdf());
        // admins and the expert team read it too
        assertThat(as(ADMIN, () -> queries.evidence(created.id())).content()).isEqualTo(pdf());
        assertThat(as(DisbursementTestSupport.expert(), () -> queries.evidence(created.id())).content())
                .isEqualTo(pdf());
    }

    @Test
    void aTextFileNamedPdfAndAFileAboveFiveMegabytesAreRefused() {
        AllocationView allocation = newAllocation(YEAR, juta(500));
        byte[] text = "Ini hanya teks, bukan PDF.".getBytes(StandardCharsets.UTF_8);
        assertRule(() -> as(OP_DISDIK, () -> disbursements.create(allocation.id(), tranche(1, juta(10), MAY),
                new EvidenceFile("bukti.pdf", text))), "EVIDENCE_TYPE");

        byte[] large = Arrays.copyOf(pdf(), 5 * 1024 * 1024 + 1);
        assertRule(() -> as(OP_DISDIK, () -> disbursements.create(allocation.id(), tranche(1, juta(10), MAY),
                new EvidenceFile("besar.pdf", large))), "EVIDENCE_TOO_LARGE");
        assertThat(rowsOf(allocation)).isZero();
        assertThat(column(jdbc, "disbursed", allocation.id())).isEqualByComparingTo("0");

        byte[] exactlyFive = Arrays.copyOf(pdf(), 5 * 1024 * 1024);
        DisbursementView fits = as(OP_DISDIK, () -> disbursements.create(allocation.id(), tranche(1, juta(10), MAY),
                new EvidenceFile("pas.pdf", exactlyFive)));
        assertThat(fits.evidenceSize()).isEqualTo(5 * 1024 * 1024);
    }

    @Test
    void onlyOperatorsRecordAndOnlyAdminsDecide() {
        AllocationView allocation = newAllocation(YEAR, juta(500));
        DisbursementView submitted = submitted(allocation, juta(10));
        assertThatThrownBy(() -> as(ADMIN, () -> disbursements.create(allocation.id(), tranche(1, juta(1), MAY), null)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> as(DisbursementTestSupport.expert(), () -> disbursements.create(allocation.id(),
                tranche(1, juta(1), MAY), null)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> as(OP_DISDIK, () -> disbursements.verify(submitted.id())))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> as(OP_DISDIK, () -> disbursements.reject(submitted.id(), "x")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(rowsOf(allocation)).isEqualTo(1);
    }

    // --- helpers

    @Test
    void disbursementsDecidedEarlierAreTakenOverWithTheirStepsAndMoveTheTotals() {
        AllocationView allocation = newAllocation(YEAR, juta(500));
        BigDecimal envelopeBefore = envelopes.get(YEAR, allocation.kecamatanCode()).realised();
        OffsetDateTime submittedAt = OffsetDateTime.parse("2041-05-02T10:00:00+07:00");

        int taken = as(ADMIN, () -> disbursementsApi.takeOver(List.of(
                past(allocation, 1, juta(200), DisbursementStatus.VERIFIED, "op-disdik", "admin-lama", submittedAt),
                past(allocation, 2, juta(100), DisbursementStatus.SUBMITTED, "op-disdik", null, submittedAt),
                past(allocation, 3, juta(50), DisbursementStatus.REJECTED, "op-disdik", "admin-lama", submittedAt))));

        assertThat(taken).isEqualTo(3);
        AllocationView after = asSystem(() -> allocationReads.get(allocation.id()));
        assertThat(after.disbursed()).isEqualByComparingTo(juta(300)).isEqualByComparingTo(
                sumOf(jdbc, allocation.id(), "status <> 'REJECTED'"));
        assertThat(after.realised()).isEqualByComparingTo(juta(200));
        assertThat(envelopes.get(YEAR, allocation.kecamatanCode()).realised())
                .isEqualByComparingTo(envelopeBefore.add(juta(200)));
        assertThat(jdbc.queryForObject("""
                select count(*) from disbursement where allocation_id = ? and submitted_by = 'op-disdik'
                  and submitted_at = ? and (status = 'SUBMITTED' or decided_by = 'admin-lama')""",
                Long.class, allocation.id(), submittedAt)).isEqualTo(3);
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_event e join disbursement d on e.entity_id = d.id::text
                where d.allocation_id = ? and e.action = 'DISBURSEMENT_TAKEN_OVER' and e.username = 'admin-uji'""",
                Long.class, allocation.id())).isEqualTo(3);
    }

    @Test
    void aTakeOverWithOneDisbursementAgainstTheRulesWritesNothing() {
        AllocationView allocation = newAllocation(YEAR, juta(500));
        OffsetDateTime submittedAt = OffsetDateTime.parse("2041-05-02T10:00:00+07:00");
        long eventsBefore = auditCount();

        assertRule(() -> as(ADMIN, () -> disbursementsApi.takeOver(List.of(
                past(allocation, 1, juta(200), DisbursementStatus.VERIFIED, "op-disdik", "admin-lama", submittedAt),
                past(allocation, 2, juta(100), DisbursementStatus.VERIFIED, "op-disdik", "op-disdik", submittedAt)))),
                "SUBMITTER_CANNOT_DECIDE");
        assertRule(() -> as(ADMIN, () -> disbursementsApi.takeOver(List.of(
                past(allocation, 1, juta(400), DisbursementStatus.VERIFIED, "op-disdik", "admin-lama", submittedAt),
                past(allocation, 2, juta(200), DisbursementStatus.SUBMITTED, "op-disdik", null, submittedAt)))),
                "ALLOCATION_EXCEEDED");
        assertThatThrownBy(() -> as(OP_DISDIK, () -> disbursementsApi.takeOver(List.of(
                past(allocation, 1, juta(10), DisbursementStatus.SUBMITTED, "op-disdik", null, submittedAt)))))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(rowsOf(allocation)).isZero();
        assertThat(asSystem(() -> allocationReads.get(allocation.id())).disbursed()).isEqualByComparingTo("0");
        assertThat(auditCount()).isEqualTo(eventsBefore);
    }

    @Test
    void theWorkListByTrancheStatusShowsAndCountsTheActiveAllocationsWithSuchATranche() {
        String kecamatan = freshKecamatan(jdbc, YEAR);
        AllocationView drafted = allocation(allocations, YEAR, kecamatan, "DISDIK", juta(300));
        AllocationView waiting = allocation(allocations, YEAR, kecamatan, "DISDIK", juta(300));
        AllocationView rejected = allocation(allocations, YEAR, kecamatan, "DISDIK", juta(300));
        AllocationView verified = allocation(allocations, YEAR, kecamatan, "DISDIK", juta(300));
        AllocationView cancelled = allocation(allocations, YEAR, kecamatan, "DISDIK", juta(300));
        as(OP_DISDIK, () -> disbursements.create(drafted.id(), tranche(1, juta(10), MAY), null));
        submitted(waiting, juta(10));
        DisbursementView toReject = submitted(rejected, juta(10));
        as(ADMIN, () -> disbursements.reject(toReject.id(), "SPJ belum lengkap"));
        DisbursementView toVerify = submitted(verified, juta(10));
        as(ADMIN, () -> disbursements.verify(toVerify.id()));
        as(OP_DISDIK, () -> disbursements.create(cancelled.id(), tranche(1, juta(10), MAY), null));
        long version = asSystem(() -> allocationReads.get(cancelled.id())).version();
        as(ADMIN, () -> allocations.cancel(cancelled.id(), "Digabung", version));

        // without a status counted from the allocations' kept totals, with an operator's scope
        assertWorkList(ADMIN, kecamatan, null, drafted, waiting, rejected, verified);
        assertWorkList(OP_DISDIK, kecamatan, null, drafted, waiting, rejected, verified);
        assertWorkList(OP_DINKES, kecamatan, null);
        assertWorkList(ADMIN, kecamatan, DisbursementStatus.DRAFT, drafted);
        assertWorkList(ADMIN, kecamatan, DisbursementStatus.SUBMITTED, waiting);
        assertWorkList(ADMIN, kecamatan, DisbursementStatus.REJECTED, rejected);
        assertWorkList(OP_DISDIK, kecamatan, DisbursementStatus.VERIFIED, verified);
        assertWorkList(OP_DINKES, kecamatan, DisbursementStatus.DRAFT);
        assertThat(jdbc.queryForList("select * from allocation_tranches_differences(?)", YEAR)).isEmpty();
    }

    private void assertWorkList(DumisakeUser user, String kecamatan, DisbursementStatus status,
                                AllocationView... expected) {
        ListPage<WorkListRow> page = as(user, () -> queries.workList(new WorkListFilter(YEAR, null, kecamatan, status),
                PageRequest.of(0, 50)));
        assertThat(page.getContent()).as("%s, %s", user.getUsername(), status).extracting(WorkListRow::allocationId)
                .containsExactlyInAnyOrder(Arrays.stream(expected).map(AllocationView::id).toArray(Long[]::new));
        assertThat(page.getTotalElements()).isEqualTo(expected.length);
        assertThat(page.isTotalEstimated()).isFalse();
    }

    private static PastDisbursement past(AllocationView allocation, int tranche, BigDecimal amount,
                                         DisbursementStatus status, String submittedBy, String decidedBy,
                                         OffsetDateTime submittedAt) {
        return new PastDisbursement(allocation.id(), tranche, amount, sp2dNumber(), MAY, "Tahap " + tranche, status,
                submittedBy, submittedAt, decidedBy, decidedBy == null ? null : submittedAt.plusDays(3),
                status == DisbursementStatus.REJECTED ? "SPJ belum lengkap" : null);
    }

    private AllocationView newAllocation(int year, BigDecimal amount) {
        ensureOpen(fiscalYears, year);
        return allocation(allocations, year, freshKecamatan(jdbc, year), "DISDIK", amount);
    }

    private DisbursementView submitted(AllocationView allocation, BigDecimal amount) {
        DisbursementView draft = as(OP_DISDIK, () -> disbursements.create(allocation.id(),
                tranche(1, amount, LocalDate.of(allocation.year(), 5, 2)), null));
        return as(OP_DISDIK, () -> disbursements.submit(draft.id()));
    }

    private int rowsOf(AllocationView allocation) {
        return jdbc.queryForObject("select count(*) from disbursement where allocation_id = ?", Integer.class,
                allocation.id());
    }

    private long auditCount() {
        return jdbc.queryForObject("select count(*) from audit_event", Long.class);
    }

    static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void assertRule(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BusinessRuleException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
