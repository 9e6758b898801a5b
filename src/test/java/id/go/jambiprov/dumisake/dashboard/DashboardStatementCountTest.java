package id.go.jambiprov.dumisake.dashboard;

import id.go.jambiprov.dumisake.StatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard pages run a fixed number of SQL statements, whatever the amount of data: a year with
 * thousands of allocations costs as many statements as an empty one (no query per row, no N+1). Rendered
 * figures are not kept here (TTL 0), so that every request pays for all of its statements.
 */
@SpringBootTest(properties = "dumisake.web.fragment-cache-ttl=PT0S")
@AutoConfigureMockMvc
@Import(StatementCounter.class)
class DashboardStatementCountTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    StatementCounter statements;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDashboardCostsTheSameStatementsForAFullAndAnEmptyYear() throws Exception {
        if (jdbc.queryForObject("select count(*) from fiscal_year where year = 2061", Integer.class) == 0) {
            jdbc.update("insert into fiscal_year (year, pagu_per_kecamatan, status, opened_by) values (2061, 2000000000, 'OPEN', 'test')");
            jdbc.update("insert into envelope (fiscal_year, kecamatan_code, pagu) select 2061, code, 2000000000 from kecamatan");
        }
        statements.statementsOf(mvc, "/dasbor?year=2061");
        int full = statements.statementsOf(mvc, "/dasbor?year=2026");
        int empty = statements.statementsOf(mvc, "/dasbor?year=2061");
        // 15: the early warning "target keluaran belum diisi" (its page and its number), and the ten lowest kecamatan,
        // are statements of their own: at national scale they cost less than reading every row of the year
        assertThat(full).isEqualTo(empty).isLessThanOrEqualTo(15);

        int kecamatanFull = statements.statementsOf(mvc, "/dasbor/kecamatan/15.01.01?year=2026");
        int kecamatanEmpty = statements.statementsOf(mvc, "/dasbor/kecamatan/15.01.01?year=2061");
        assertThat(kecamatanFull).isEqualTo(kecamatanEmpty).isLessThanOrEqualTo(10);

        assertThat(statements.statementsOf(mvc, "/api/v1/dashboard/kecamatan?year=2026")).isLessThanOrEqualTo(3);
    }

}
