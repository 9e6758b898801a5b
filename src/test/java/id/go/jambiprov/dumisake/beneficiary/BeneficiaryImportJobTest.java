package id.go.jambiprov.dumisake.beneficiary;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryImportJobs;
import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryImportService;
import id.go.jambiprov.dumisake.beneficiary.internal.ImportJobStatus;
import id.go.jambiprov.dumisake.beneficiary.internal.ImportJobStore;
import id.go.jambiprov.dumisake.beneficiary.internal.ImportJobView;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.ProgrammeService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.admin;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.allocation;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.as;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.expert;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.freshNik;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.freshPlace;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.operator;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.programme;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Imports in the background: progress, result, who sees a job, one per OPD, and a restart mid-import. Year 2095. */
@SpringBootTest
@AutoConfigureMockMvc // not used here: it makes this the context of the MockMvc tests, started once for all
class BeneficiaryImportJobTest {

    static final int YEAR = 2095;
    static final DumisakeUser OP_DISDIK = operator("DISDIK");
    static final DumisakeUser OP_DINKES = operator("DINKES");
    static final String HEADER = "nik,name,sex,date_of_birth,desa_code,address,phone,welfare_decile,allocation_id,"
            + "aid_amount,aid_date,aid_description\n";

    @Autowired
    BeneficiaryImportJobs jobs;

    @Autowired
    ImportJobStore store;

    @Autowired
    AllocationService allocations;

    @Autowired
    ProgrammeService programmes;

    @Autowired
    FiscalYearService fiscalYears;

    @Autowired
    JdbcTemplate jdbc;

    String desa;
    AllocationView allocation;

    @BeforeEach
    void anAllocationOf2095() {
        BeneficiaryTestSupport.Place place = freshPlace(fiscalYears, jdbc, YEAR);
        desa = place.desa();
        allocation = allocation(allocations, YEAR, place.kecamatan(), "DISDIK", programme(programmes, null).code(),
                new BigDecimal("1000000000.00"));
    }

    @Test
    void aLargeFileRunsInTheBackgroundWithProgressThatOnlyMovesForward() throws Exception {
        int rows = 20_000;
        StringBuilder csv = new StringBuilder(HEADER);
        List<String> niks = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String nik = freshNik();
            niks.add(nik);
            String aid = i % 4 == 0 ? allocation.id() + ",10000,2095-03-01" : ",,";
            csv.append(nik).append(",Penerima Sintetis Latar ").append(i).append(",F,1990-07-01,").append(desa)
                    .append(",Jl. Uji,,2,").append(aid).append(",\n");
        }

        ImportJobView started = as(OP_DISDIK, () -> jobs.start("besar.csv", new ByteArrayResource(bytes(csv.toString()))));

        assertThat(started.status()).isIn(ImportJobStatus.QUEUED, ImportJobStatus.RUNNING);
        assertThat(started.opdCode()).isEqualTo("DISDIK");
        List<ImportJobView> seen = awaitEnd(OP_DISDIK, started.id());
        ImportJobView done = seen.get(seen.size() - 1);
        assertThat(done.status()).as(String.valueOf(done.failureMessage())).isEqualTo(ImportJobStatus.SUCCEEDED);
        assertThat(done.rowsTotal()).isEqualTo(rows);
        assertThat(done.rowsValidated()).isEqualTo(rows);
        assertThat(done.beneficiariesCreated()).isEqualTo(rows);
        assertThat(done.aidCreated()).isEqualTo(rows / 4);
        assertThat(done.recordsWritten()).isEqualTo(rows + rows / 4);
        assertThat(done.percent()).isEqualTo(100);
        assertThat(seen).extracting(ImportJobView::percent).isSorted();
        assertThat(jdbc.queryForObject("select count(*) from beneficiary where nik = any(?)", Integer.class,
                (Object) niks.toArray(String[]::new))).isEqualTo(rows);
        // the admins see it, another OPD's operator and the expert team do not
        assertThat(as(admin(), () -> jobs.get(done.id())).fileName()).isEqualTo("besar.csv");
        assertThatThrownBy(() -> as(OP_DINKES, () -> jobs.get(done.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(expert(), () -> jobs.get(done.id()))).isInstanceOf(AccessDeniedException.class);
        assertThat(as(OP_DINKES, () -> jobs.latest(50))).extracting(ImportJobView::id).doesNotContain(done.id());
        assertThat(as(OP_DISDIK, () -> jobs.latest(50))).extracting(ImportJobView::id).contains(done.id());
    }

    @Test
    void aFileWithErrorsEndsRefusedWithItsErrorsAndWritesNothing() throws Exception {
        String good = freshNik();
        String csv = HEADER + good + ",Penerima Baik,F,1990-07-01," + desa + ",Jl. Uji,,2,,,,\n"
                + freshNik() + ",Salah Kelamin,M,1990-07-01," + desa + ",Jl. Uji,,2,,,,\n";

        ImportJobView started = as(OP_DISDIK, () -> jobs.start("galat.csv", new ByteArrayResource(bytes(csv))));
        List<ImportJobView> seen = awaitEnd(OP_DISDIK, started.id());

        ImportJobView done = seen.get(seen.size() - 1);
        assertThat(done.status()).isEqualTo(ImportJobStatus.REFUSED);
        assertThat(done.errorCount()).isOne();
        assertThat(done.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.column()).isEqualTo("sex");
        });
        assertThat(done.hasErrorReport()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from beneficiary where nik = ?", Integer.class, good)).isZero();
        // the report is for the OPD and the admins; an admin's download is audited (it holds the file's NIKs)
        assertThatThrownBy(() -> as(OP_DINKES, () -> imports.errorReport(done.id()))).isInstanceOf(NotFoundException.class);
        assertThat(as(admin(), () -> imports.errorReport(done.id()))).contains("sex");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'IMPORT_REPORT_DOWNLOADED'"
                + " and entity_id = ?", Integer.class, String.valueOf(done.id()))).isOne();
    }

    @Autowired
    BeneficiaryImportService imports;

    @Test
    void anEmptyUploadIsRefusedAtOnceAndAFileOfTheWrongTypeEndsTheJobRefused() throws Exception {
        assertThatThrownBy(() -> as(OP_DISDIK, () -> jobs.start("kosong.csv", new ByteArrayResource(new byte[0]))))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("IMPORT_EMPTY"));

        ImportJobView started = as(OP_DISDIK, () -> jobs.start("foto.png", new ByteArrayResource(new byte[]{(byte) 0x89, 'P', 'N', 'G'})));
        List<ImportJobView> seen = awaitEnd(OP_DISDIK, started.id());

        ImportJobView done = seen.get(seen.size() - 1);
        assertThat(done.status()).isEqualTo(ImportJobStatus.REFUSED);
        assertThat(done.failureCode()).isEqualTo("IMPORT_WRONG_TYPE");
        assertThat(done.failureMessage()).isNotBlank();
    }

    @Test
    void oneImportPerOpdAtATime() {
        try (ImportJobStore.Handle running = store.open("berjalan.csv", "op-disdik", "DISDIK")) {
            assertThatThrownBy(() -> as(OP_DISDIK, () -> jobs.start("kedua.csv", new ByteArrayResource(bytes(HEADER)))))
                    .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                        assertThat(e.code()).isEqualTo("IMPORT_RUNNING");
                        assertThat(e.details()).containsEntry("importId", running.id);
                    });
            ImportJobView other = as(OP_DINKES, () -> jobs.start("dinkes.csv", new ByteArrayResource(bytes(HEADER))));
            assertThat(other.opdCode()).isEqualTo("DINKES");
            // a running job's lock is held: a start-up sweep leaves it alone
            jobs.failAbandonedJobs();
            assertThat(status(running.id)).isEqualTo("QUEUED");
        }
        assertThat(status(jdbc.queryForObject("select max(id) from beneficiary_import where file_name = 'berjalan.csv'",
                Long.class))).isEqualTo("FAILED");
    }

    @Test
    void aJobLeftRunningByAStoppedApplicationIsMarkedFailedOnStartUp() {
        // what a crash leaves behind: a RUNNING row whose lock went with the instance's connections
        Long orphan = jdbc.queryForObject("""
                insert into beneficiary_import (file_name, rows_read, created_by, opd_code, status, phase, started_at)
                values ('terputus.csv', 100000, 'op-dpupr', 'DPUPR', 'RUNNING', 'WRITING', now()) returning id""",
                Long.class);

        jobs.failAbandonedJobs();

        ImportJobView job = as(operator("DPUPR"), () -> jobs.get(orphan));
        assertThat(job.status()).isEqualTo(ImportJobStatus.FAILED);
        assertThat(job.failureCode()).isEqualTo("IMPORT_INTERRUPTED");
        assertThat(job.finished()).isTrue();
        // and the OPD may import again
        ImportJobView next = as(operator("DPUPR"), () -> jobs.start("lagi.csv", new ByteArrayResource(bytes(HEADER))));
        assertThat(next.id()).isGreaterThan(orphan);
    }

    private String status(long id) {
        return jdbc.queryForObject("select status from beneficiary_import where id = ?", String.class, id);
    }

    /** Polls the job as its page does until it ends; every state seen, the last one finished. */
    private List<ImportJobView> awaitEnd(DumisakeUser user, long id) throws InterruptedException {
        List<ImportJobView> seen = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            ImportJobView job = as(user, () -> jobs.get(id));
            seen.add(job);
            if (job.finished()) {
                return seen;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import " + id + " did not finish: " + seen.get(seen.size() - 1));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
