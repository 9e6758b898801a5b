package id.go.jambiprov.dumisake.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The aid export: NIKs masked as in every list, an operator gets their own OPD's aid only, and cancelled
 * aid is shown as such and left out of the totals.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AidExportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void operatorsExportTheirOwnAidWithMaskedNiks() throws Exception {
        List<String> disdik = rows("op-disdik");
        List<String> all = rows("admin");
        int disdikInDb = jdbc.queryForObject("select count(*) from aid where fiscal_year = 2026 and opd_code = 'DISDIK'",
                Integer.class);
        int allInDb = jdbc.queryForObject("select count(*) from aid where fiscal_year = 2026", Integer.class);
        assertThat(disdikInDb).isPositive().isLessThan(allInDb);
        assertThat(disdik).hasSize(disdikInDb).allSatisfy(row -> assertThat(row).contains(",DISDIK,"));
        assertThat(all).hasSize(allInDb);
        // the first four digits only: the export shows desa and name, never a date of birth
        assertThat(all).allSatisfy(row -> assertThat(row).containsPattern(",\\d{4}\\*{12},"));
    }

    @Test
    @Transactional
    void cancelledAidIsListedButNotAddedToTheTotals() throws Exception {
        long cancelled = jdbc.queryForObject("select min(id) from aid where fiscal_year = 2026 and status = 'RECORDED'",
                Long.class);
        jdbc.update("""
                update aid set status = 'CANCELLED', cancel_reason = 'Salah penerima', cancelled_at = now(),
                               cancelled_by = 'admin' where id = ?""", cancelled);
        BigDecimal recorded = jdbc.queryForObject(
                "select sum(amount) from aid where fiscal_year = 2026 and status = 'RECORDED'", BigDecimal.class);

        byte[] xlsx = mvc.perform(get("/api/v1/exports/aid.xlsx").param("year", "2026")
                        .with(httpBasic("admin", "dumisake")))
                .andReturn().getResponse().getContentAsByteArray();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> statuses = new ArrayList<>();
            for (Row row : sheet) {
                Cell id = row.getCell(0);
                if (id != null && id.getCellType() == CellType.NUMERIC) {
                    statuses.add(row.getCell(9).getStringCellValue());
                    if ((long) id.getNumericCellValue() == cancelled) {
                        assertThat(row.getCell(9).getStringCellValue()).isEqualTo("Dibatalkan");
                    }
                }
            }
            assertThat(statuses).contains("Dibatalkan", "Tercatat").containsOnly("Dibatalkan", "Tercatat");
            Cell total = sheet.getRow(sheet.getLastRowNum()).getCell(10);
            assertThat(total.getCellFormula()).startsWith("SUMIF(");
            assertThat(BigDecimal.valueOf(workbook.getCreationHelper().createFormulaEvaluator().evaluate(total)
                    .getNumberValue())).isEqualByComparingTo(recorded);
        }
    }

    private List<String> rows(String username) throws Exception {
        String csv = mvc.perform(get("/api/v1/exports/aid.csv").param("year", "2026")
                        .with(httpBasic(username, "dumisake")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return Arrays.stream(csv.split("\r?\n")).skip(1).filter(line -> !line.isBlank()).toList();
    }
}
