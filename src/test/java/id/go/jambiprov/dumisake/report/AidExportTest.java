package id.go.jambiprov.dumisake.report;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The aid export: NIKs masked as in every list, and an operator gets their own OPD's aid only. */
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
        assertThat(all).allSatisfy(row -> assertThat(row).containsPattern(",\\d{4}\\*{10}\\d{2},"));
    }

    private List<String> rows(String username) throws Exception {
        String csv = mvc.perform(get("/api/v1/exports/aid.csv").param("year", "2026")
                        .with(httpBasic(username, "dumisake")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return Arrays.stream(csv.split("\r?\n")).skip(1).filter(line -> !line.isBlank()).toList();
    }
}
