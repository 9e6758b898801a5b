package id.go.jambiprov.dumisake;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.account.SignedIn;
import id.go.jambiprov.dumisake.shared.ListCount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The list pages (allocations, disbursements, verification queue, beneficiaries, audit trail) and the JSON lists
 * that share their queries run a fixed number of SQL statements, whatever the number of rows: a year with
 * thousands of allocations costs as many as an empty one, a sorted, filtered or later page as many as the
 * first (no query per row, no N+1). Fiscal year 2079 (empty: envelopes, no allocation) belongs to this class.
 * Same context as the dashboard's statement count test.
 */
@SpringBootTest(properties = "dumisake.web.fragment-cache-ttl=PT0S")
@AutoConfigureMockMvc
@Import(StatementCounter.class)
class ListStatementCountTest {

    private static final int EMPTY_YEAR = 2079;

    @Autowired
    MockMvc mvc;

    @Autowired
    StatementCounter statements;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NamedParameterJdbcTemplate namedJdbc;

    @BeforeEach
    void anEmptyYear() {
        if (jdbc.queryForObject("select count(*) from fiscal_year where year = ?", Integer.class, EMPTY_YEAR) == 0) {
            jdbc.update("insert into fiscal_year (year, pagu_per_kecamatan, status, opened_by) values (?, 2000000000, 'OPEN', 'test')",
                    EMPTY_YEAR);
            jdbc.update("insert into envelope (fiscal_year, kecamatan_code, pagu) select ?, code, 2000000000 from kecamatan",
                    EMPTY_YEAR);
        }
    }

    @Test
    void theAllocationListCostsTheSameForAFullAndAnEmptyYear() throws Exception {
        assertThat(rows("select count(*) from allocation where fiscal_year = 2026")).isGreaterThan(100);
        int full = sameForAll(SignedIn.ADMIN, "/alokasi?year=2026", "/alokasi?year=" + EMPTY_YEAR,
                "/alokasi?year=2026&sort=kecamatan,asc&page=2", "/alokasi?year=2026&sort=programme,desc&size=100",
                "/alokasi?year=2026&kabupatenKota=15.01&status=ACTIVE&sort=disbursed,desc");
        // totals and rows (the totals count the rows: no count of its own), the year, kecamatan, OPD and
        // programme choices, the session and the layout
        assertThat(full).isLessThanOrEqualTo(12);
        sameForAll(SignedIn.OPERATOR_DISDIK, "/alokasi?year=2026", "/alokasi?year=" + EMPTY_YEAR,
                "/alokasi?year=2026&sort=amount,desc&page=1");
        sameForAll(SignedIn.ADMIN, "/tahun-anggaran/2026/kecamatan/15.01.01",
                "/tahun-anggaran/" + EMPTY_YEAR + "/kecamatan/15.01.01");
        assertThat(sameForAll(SignedIn.ADMIN, "/api/v1/allocations?year=2026",
                "/api/v1/allocations?year=" + EMPTY_YEAR, "/api/v1/allocations?year=2026&sort=amount,desc&page=3"))
                .isLessThanOrEqualTo(4);
    }

    @Test
    void theDisbursementListsCostTheSameWhateverTheirRows() throws Exception {
        assertThat(rows("select count(*) from disbursement where fiscal_year = 2026")).isGreaterThan(100);
        assertThat(sameForAll(SignedIn.ADMIN, "/pencairan?year=2026", "/pencairan?year=" + EMPTY_YEAR,
                "/pencairan?year=2026&status=VERIFIED&page=1", "/pencairan?year=2026&kecamatan=15.01.01"))
                .isLessThanOrEqualTo(10);
        sameForAll(SignedIn.OPERATOR_DISDIK, "/pencairan?year=2026", "/pencairan?year=" + EMPTY_YEAR);
        assertThat(sameForAll(SignedIn.ADMIN, "/pencairan/antrean", "/pencairan/antrean?kabupatenKota=99.99",
                "/pencairan/antrean?opd=DISDIK")).isLessThanOrEqualTo(9);
    }

    @Test
    void theBeneficiaryAndAuditListsCostTheSameWhateverTheirRows() throws Exception {
        // the page's ids, then its people by them (BeneficiaryQueries); a search by name also sets how its
        // statements are planned, and back for the people read by their ids
        assertThat(sameForAll(SignedIn.ADMIN, "/penerima", "/penerima?page=1")).isLessThanOrEqualTo(8);
        assertThat(sameForAll(SignedIn.ADMIN, "/penerima?name=tidak-ada-nama-ini", "/penerima?name=a&page=1"))
                .isLessThanOrEqualTo(10);
        assertThat(sameForAll(SignedIn.ADMIN, "/audit?entityType=Allocation", "/audit?entityType=TidakAda",
                "/audit?entityType=Allocation&page=1")).isLessThanOrEqualTo(7);
        // a part of a username is first turned into the usernames that contain it (AuditLog)
        assertThat(sameForAll(SignedIn.ADMIN, "/audit?user=admin", "/audit?user=tidak-ada-pengguna-ini",
                "/audit?entityType=Allocation&page=1&user=s")).isLessThanOrEqualTo(8);
        sameForAll(SignedIn.ADMIN, "/api/v1/audit?entityType=Allocation", "/api/v1/audit?entityType=TidakAda");
    }

    /**
     * Past its limit a list's number is the planner's estimate, marked so; below it, the exact number. A list may
     * count up to a lower limit of its own (the audit trail), never a higher one.
     */
    @Test
    void aListIsCountedExactlyUpToTheLimitAndEstimatedBeyond() {
        ListCount count = new ListCount(namedJdbc, 100);
        long kerinci = rows("select count(*) from kecamatan where kabupaten_kota_code = '15.01'");

        ListCount.Rows few = count.of(" from kecamatan where kabupaten_kota_code = :k",
                new MapSqlParameterSource("k", "15.01"));
        ListCount.Rows many = count.of(" from desa where kecamatan_code like :k",
                new MapSqlParameterSource("k", "15.%"));
        ListCount.Rows manyByPosition = count.of(" from desa where kecamatan_code like ?", List.of("15.%"));

        assertThat(few).isEqualTo(new ListCount.Rows(kerinci, false));
        assertThat(many.estimated()).isTrue();
        assertThat(many.value()).isGreaterThan(100);
        assertThat(manyByPosition.estimated()).isTrue();
        assertThat(kerinci).isGreaterThan(5);
        assertThat(count.upTo(5).of(" from kecamatan where kabupaten_kota_code = :k",
                new MapSqlParameterSource("k", "15.01")).estimated()).as("a lower limit of its own").isTrue();
        assertThat(count.upTo(1_000).of(" from desa where kecamatan_code like ?", List.of("15.%")).estimated())
                .as("never above the application's").isTrue();
    }

    /** Each URL costs the same number of statements; that number. */
    private int sameForAll(DumisakeUser who, String... urls) throws Exception {
        int first = statementsOf(who, urls[0]);
        for (String url : urls) {
            assertThat(statementsOf(who, url)).as(who.getUsername() + " " + url).isEqualTo(first);
        }
        return first;
    }

    /**
     * The statements of one request of {@code url}, after a warm-up request: the fewest of three, since the
     * counter also sees what the application's scheduled work (session clean-up, metrics) runs meanwhile.
     */
    private int statementsOf(DumisakeUser who, String url) throws Exception {
        statements.statementsOf(mvc, url, who);
        int fewest = Integer.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            fewest = Math.min(fewest, statements.statementsOf(mvc, url, who));
        }
        // past the exact-count limit (other tests' imports can take a list there) the number is the planner's
        // estimate: one EXPLAIN more, whatever the rows
        return fewest - (estimated(who, url) ? 1 : 0);
    }

    private boolean estimated(DumisakeUser who, String url) throws Exception {
        String body = mvc.perform(get(url).with(user(who))).andReturn().getResponse().getContentAsString();
        return body.contains("dari sekitar") || body.contains("· sekitar") || body.contains("\"totalEstimated\":true");
    }

    private long rows(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
