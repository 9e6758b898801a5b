package id.go.jambiprov.dumisake.report;

import id.go.jambiprov.dumisake.account.SignedIn;
import id.go.jambiprov.dumisake.allocation.NewAllocation;
import id.go.jambiprov.dumisake.allocation.PerDesaShortfallException;
import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.report.internal.ImportIssue;
import id.go.jambiprov.dumisake.report.internal.ImportPreview;
import id.go.jambiprov.dumisake.report.internal.ImportedRow;
import id.go.jambiprov.dumisake.shared.SystemAuthentication;
import id.go.jambiprov.dumisake.web.StoredSession;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The bulk allocation import, through the pages an administrator uses. Fiscal year 2081 belongs to this class. */
@SpringBootTest
@AutoConfigureMockMvc
class AllocationImportTest {

    private static final int YEAR = 2081;
    private static final String KECAMATAN = "15.01.01";
    private static final String PROGRAMME = "BANTUAN-PENDIDIKAN";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FiscalYearService fiscalYears;

    @Autowired
    AllocationService allocations;

    @Autowired
    JdbcIndexedSessionRepository sessions;

    StoredSession session;

    @BeforeEach
    void openYear() {
        session = StoredSession.signedIn(sessions, SignedIn.ADMIN);
        SystemAuthentication.run(() -> {
            if (fiscalYears.all().stream().noneMatch(y -> y.year() == YEAR)) {
                fiscalYears.open(YEAR, new BigDecimal("2000000000.00"));
            }
        });
    }

    @Test
    void theFilledTemplateIsPreviewedAndCommittedWholeWithAnAuditEventPerRow() throws Exception {
        String desa = jdbc.queryForObject("select min(code) from desa where kecamatan_code = ?", String.class, KECAMATAN);
        byte[] template = mvc.perform(get("/alokasi/impor/templat.xlsx").with(user(SignedIn.ADMIN)))
                .andReturn().getResponse().getContentAsByteArray();
        byte[] filled = fill(template, List.of(
                List.of(YEAR, KECAMATAN, "DISDIK", PROGRAMME, "BELANJA_OPD", "", "Seragam sekolah impor", 150_000_000, 3,
                        "Siswa penerima seragam", "siswa", 600),
                List.of(YEAR, KECAMATAN, "disdik", PROGRAMME, "BANTUAN_KEUANGAN_DESA", desa, "Perpustakaan desa impor",
                        "Rp 75.500.000", 4)));
        long before = count();
        long eventsBefore = jdbc.queryForObject("select count(*) from audit_event where action = 'ALLOCATION_CREATED'",
                Long.class);

        upload("alokasi.xlsx", filled);
        ImportPreview preview = preview();
        assertThat(preview.issues()).isEmpty();
        assertThat(preview.acceptable()).isTrue();
        assertThat(preview.total()).isEqualByComparingTo("225500000");
        assertThat(preview.effects()).singleElement().satisfies(effect -> {
            assertThat(effect.kecamatanCode()).isEqualTo(KECAMATAN);
            assertThat(effect.rows()).isEqualTo(2);
            assertThat(effect.remainingAfter()).isEqualByComparingTo(effect.remainingBefore().subtract(
                    new BigDecimal("225500000")));
        });
        assertThat(mvc.perform(get("/alokasi/impor").cookie(session.cookie()).with(user(SignedIn.ADMIN)))
                .andReturn().getResponse().getContentAsString()).contains("import-commit", "Rp 225.500.000");
        assertThat(count()).as("nothing written before the commit").isEqualTo(before);

        MvcResult committed = mvc.perform(post("/alokasi/impor/simpan").cookie(session.cookie()).with(csrf())
                .with(user(SignedIn.ADMIN))).andReturn();
        assertThat(committed.getResponse().getRedirectedUrl()).isEqualTo("/alokasi");
        assertThat(committed.getFlashMap().get("flashSuccess")).isEqualTo("2 alokasi dari berkas impor disimpan.");
        assertThat(count()).isEqualTo(before + 2);
        assertThat(jdbc.queryForObject("select count(*) from allocation where fiscal_year = ? and desa_code = ? "
                + "and amount = 75500000 and opd_code = 'DISDIK'", Long.class, YEAR, desa)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'ALLOCATION_CREATED'",
                Long.class)).isEqualTo(eventsBefore + 2);
        assertThat(session.<ImportPreview>attribute(ImportPreview.SESSION_KEY)).isNull();
        assertThat(jdbc.queryForList("""
                select o.name || ' ' || o.target || ' ' || o.unit from allocation_output o
                join allocation a on a.id = o.allocation_id
                where a.fiscal_year = ? and a.title = 'Seragam sekolah impor'""", String.class, YEAR))
                .containsExactly("Siswa penerima seragam 600.00 siswa");
    }

    @Test
    void aFileWithBadRowsWritesNothingAndListsEveryProblem() throws Exception {
        byte[] file = fill(template(), List.of(
                List.of(YEAR, "15.99.99", "DISDIK", PROGRAMME, "BELANJA_OPD", "", "Kecamatan tak dikenal", 1_000_000, 3),
                List.of(YEAR, KECAMATAN, "DISDIK", PROGRAMME, "HIBAH", "", "Mekanisme salah", 1_000_000, 3),
                List.of(YEAR, KECAMATAN, "DISDIK", PROGRAMME, "BELANJA_OPD", "", "Uang salah", "satu juta", 3),
                List.of(YEAR, KECAMATAN, "DISDIK", PROGRAMME, "BANTUAN_KEUANGAN_DESA", "", "Desa kosong", 1_000_000, 3),
                List.of(YEAR, KECAMATAN, "DISDIK", PROGRAMME, "BELANJA_OPD", "", "Bulan salah", 1_000_000, 13),
                List.of(2060, KECAMATAN, "DISDIK", PROGRAMME, "BELANJA_OPD", "", "Tahun tak dibuka", 1_000_000, 3),
                List.of(YEAR, KECAMATAN, "DISDIK", PROGRAMME, "BELANJA_OPD", "", "Keluaran tanpa satuan", 1_000_000, 3,
                        "Siswa penerima", "", 10),
                List.of(YEAR, KECAMATAN, "DISDIK", PROGRAMME, "BELANJA_OPD", "", "Baris yang benar", 1_000_000, 3)));
        long before = count();

        upload("salah.xlsx", file);
        ImportPreview preview = preview();
        assertThat(preview.acceptable()).isFalse();
        assertThat(preview.issues()).extracting(ImportIssue::row, ImportIssue::column).containsExactly(
                tuple(2, "kode_kecamatan"), tuple(3, "mekanisme"),
                tuple(4, "jumlah"), tuple(5, "kode_desa"),
                tuple(6, "bulan_rencana"), tuple(7, "tahun"), tuple(8, "satuan_keluaran"));
        assertThat(preview.issues().get(0).message()).contains("15.99.99");

        MvcResult refused = mvc.perform(post("/alokasi/impor/simpan").cookie(session.cookie()).with(csrf())
                .with(user(SignedIn.ADMIN))).andReturn();
        assertThat(refused.getFlashMap().get("flashError")).isEqualTo(
                "Berkas masih memiliki masalah dan tidak dapat disimpan.");
        assertThat(count()).isEqualTo(before);

        upload("salah.xlsx", file);
        String report = mvc.perform(get("/alokasi/impor/galat.csv").cookie(session.cookie()).with(user(SignedIn.ADMIN)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(report.lines()).hasSize(8).first().isEqualTo("Baris,Kolom,Pesan");
        assertThat(report).contains("4,jumlah,", "6,bulan_rencana,");
    }

    @Test
    void anAmountWithSenIsARowErrorOfTheAmountColumn() throws Exception {
        byte[] file = csv("tahun;kode_kecamatan;kode_opd;kode_program;mekanisme;kode_desa;kegiatan;jumlah;bulan_rencana\n"
                + YEAR + ";" + KECAMATAN + ";DISDIK;" + PROGRAMME + ";BELANJA_OPD;;Dengan sen;10.000.000,50;5\n"
                + YEAR + ";" + KECAMATAN + ";DISDIK;" + PROGRAMME + ";BELANJA_OPD;;Rupiah penuh;10.000.000;5\n");

        upload("sen.csv", file);
        ImportPreview preview = preview();

        assertThat(preview.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.row()).isEqualTo(2);
            assertThat(issue.column()).isEqualTo("jumlah");
            assertThat(issue.message()).isEqualTo(
                    "Alokasi dan pagu dalam rupiah penuh, tanpa sen: Rp 10.000.000,50 tidak dapat disimpan.");
        });
        assertThat(preview.rows()).hasSize(1);
    }

    @Test
    void rowsThatTogetherBreakOneEnvelopesCapAreRefusedWhole() throws Exception {
        String kecamatan = "15.01.02";
        String other = jdbc.queryForObject("select min(code) from kecamatan where code > ?", String.class, kecamatan);
        BigDecimal remaining = jdbc.queryForObject("select pagu - allocated from envelope where fiscal_year = ? "
                + "and kecamatan_code = ?", BigDecimal.class, YEAR, kecamatan);
        BigDecimal third = remaining.divide(BigDecimal.valueOf(3), 0, java.math.RoundingMode.DOWN).add(new BigDecimal("1000000"));
        byte[] file = csv("tahun;kode_kecamatan;kode_opd;kode_program;mekanisme;kode_desa;kegiatan;jumlah;bulan_rencana\n"
                + YEAR + ";" + kecamatan + ";DISDIK;" + PROGRAMME + ";BELANJA_OPD;;Bagian satu;" + third.toPlainString() + ";5\n"
                + YEAR + ";" + kecamatan + ";DISDIK;" + PROGRAMME + ";BELANJA_OPD;;Bagian dua;" + third.toPlainString() + ";5\n"
                + YEAR + ";" + kecamatan + ";DISDIK;" + PROGRAMME + ";BELANJA_OPD;;Bagian tiga;" + third.toPlainString() + ";5\n"
                + YEAR + ";" + other + ";DISDIK;" + PROGRAMME + ";BELANJA_OPD;;Kecamatan lain;1000000;5\n");
        long before = count();

        upload("alokasi.csv", file);
        ImportPreview preview = preview();
        assertThat(preview.issues()).hasSize(3).allSatisfy(issue -> {
            assertThat(issue.column()).isEqualTo("jumlah");
            assertThat(issue.message()).contains("melebihi sisa pagu");
        });
        assertThat(preview.effects()).filteredOn(effect -> !effect.fits()).singleElement()
                .satisfies(effect -> assertThat(effect.kecamatanCode()).isEqualTo(kecamatan));

        // the service checks the whole batch again under the envelope locks: nothing is written
        List<NewAllocation> requests = preview.rows().stream().map(ImportedRow::toRequest).toList();
        SystemAuthentication.run(() -> assertThatThrownBy(() -> allocations.importAll(requests))
                .isInstanceOf(PerDesaShortfallException.class));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotExcelButNamedXlsxIsRefusedWithAClearMessage() throws Exception {
        assertThat(refusal("laporan.xlsx", "%PDF-1.4\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1)))
                .startsWith("Berkas ini bukan berkas Excel (.xlsx) yang sah");
        // a ZIP that is no workbook is refused alike
        assertThat(refusal("arsip.xlsx", new byte[]{'P', 'K', 3, 4, 0, 0, 0, 0}))
                .startsWith("Berkas ini bukan berkas Excel (.xlsx) yang sah");
        assertThat(refusal("catatan.txt", "tahun".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("Hanya berkas Excel (.xlsx) atau CSV (.csv, UTF-8) yang dapat diimpor.");
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        assertThat(refusal("kosong.xlsx", new byte[0])).isEqualTo("Berkas kosong: tidak ada baris data.");
        assertThat(refusal("judul-saja.csv", ("tahun,kode_kecamatan,kode_opd,kode_program,mekanisme,kode_desa,kegiatan,"
                + "jumlah,bulan_rencana\n").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("Berkas tidak berisi satu baris data pun.");
    }

    @Test
    void aFileOfMoreThan20MegabytesIsRefused() throws Exception {
        byte[] large = new byte[20 * 1024 * 1024 + 1];
        large[0] = 'P';
        large[1] = 'K';
        assertThat(refusal("besar.xlsx", large))
                .isEqualTo("Berkas lebih besar dari 20 MB dan ditolak. Bagi isinya menjadi beberapa berkas.");
    }

    private String refusal(String name, byte[] content) throws Exception {
        MvcResult result = mvc.perform(multipart("/alokasi/impor").file(new MockMultipartFile("file", name,
                "application/octet-stream", content)).cookie(session.cookie()).with(csrf()).with(user(SignedIn.ADMIN))).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/alokasi/impor");
        assertThat(preview()).isNull();
        return (String) result.getFlashMap().get("flashError");
    }

    private void upload(String name, byte[] content) throws Exception {
        MvcResult result = mvc.perform(multipart("/alokasi/impor").file(new MockMultipartFile("file", name,
                "application/octet-stream", content)).cookie(session.cookie()).with(csrf()).with(user(SignedIn.ADMIN))).andReturn();
        assertThat(result.getFlashMap().get("flashError")).isNull();
    }

    private ImportPreview preview() {
        return session.attribute(ImportPreview.SESSION_KEY);
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from allocation where fiscal_year = ?", Long.class, YEAR);
    }

    private byte[] template() throws Exception {
        return mvc.perform(get("/alokasi/impor/templat.xlsx").with(user(SignedIn.ADMIN))).andReturn().getResponse()
                .getContentAsByteArray();
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The template with rows typed in as a person would: numbers as number cells, text as text. */
    static byte[] fill(byte[] template, List<List<Object>> rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else {
                        row.createCell(c).setCellValue((String) value);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
