package id.go.jambiprov.dumisake;

import id.go.jambiprov.dumisake.account.SignedIn;
import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.beneficiary.AidResidenceDifference;
import id.go.jambiprov.dumisake.beneficiary.internal.AidResidenceReconciliation;
import id.go.jambiprov.dumisake.beneficiary.internal.AidService;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.shared.db.LocalPostgres;
import id.go.jambiprov.dumisake.targeting.DecileBreakdown;
import id.go.jambiprov.dumisake.targeting.DecileShare;
import id.go.jambiprov.dumisake.targeting.RegionTargeting;
import id.go.jambiprov.dumisake.targeting.Targeting;
import id.go.jambiprov.dumisake.targeting.TargetingOverview;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The residence every aid row carries (V21_20: its person's desa and welfare decile, which the targeting page counts
 * by) under random concurrent writes — aid recorded and cancelled through the service, people moved to another desa
 * or decile as an edit or an import would — from many threads of one instance, and from two application instances on
 * one database: afterwards no aid row differs from its beneficiary (the admins' {@link AidResidenceReconciliation}),
 * and the targeting figures equal a recount that joins the aid with the people. Fiscal year 2083 (one instance) and
 * 2084 (two instances) belong to this class. NIK searches are not limited here: the writers refuse and search far
 * more often than an operator.
 */
@SpringBootTest(properties = AidResidenceConcurrencyTest.UNLIMITED_SEARCHES)
class AidResidenceConcurrencyTest {

    static final String UNLIMITED_SEARCHES = "dumisake.nik-search.max-per-account=1000000";
    /** Two kecamatan of one kabupaten: a person moved to the other is refused aid of the first one's allocations. */
    static final List<String> KECAMATAN = List.of("15.05.01", "15.05.02");
    static final List<String[]> PROGRAMMES = List.of(new String[]{"DISDIK", "BANTUAN-PENDIDIKAN"},
            new String[]{"DINKES", "JAMINAN-KESEHATAN"});
    static final int PEOPLE = 12;

    @Autowired
    AllocationService allocations;

    @Autowired
    AidService aid;

    @Autowired
    FiscalYearService fiscalYears;

    @Autowired
    Targeting targeting;

    @Autowired
    AidResidenceReconciliation reconciliation;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LocalPostgres postgres;

    @Test
    void randomConcurrentWritesOfOneInstanceLeaveEveryAidRowWithItsPersonsResidence() throws Exception {
        int year = 2083;
        AidWriters writers = writers(year, List.of(new AidWriters.Instance(aid, jdbc)));

        Map<String, Integer> outcomes = writers.race(8, 40);

        assertEveryKindHappened(outcomes);
        assertTheCopiesAndFiguresEqualTheRows(year, writers.people());
    }

    @Test
    void randomConcurrentWritesOfTwoInstancesLeaveEveryAidRowWithItsPersonsResidence() throws Exception {
        int year = 2084;
        try (ConfigurableApplicationContext second = AidWriters.secondApplication(postgres)) {
            AidWriters.Instance other = AidWriters.Instance.of(second);
            assertThat(other.aid()).isNotSameAs(aid);
            AidWriters writers = writers(year, List.of(new AidWriters.Instance(aid, jdbc), other));

            Map<String, Integer> outcomes = writers.race(8, 40);

            assertEveryKindHappened(outcomes);
            assertTheCopiesAndFiguresEqualTheRows(year, writers.people());
        }
    }

    @Test
    void theReconciliationNamesAnAidRowWhoseCopyDrifted() {
        AidWriters writers = writers(2083, List.of(new AidWriters.Instance(aid, jdbc)));
        long aidId = writers.recordAidUntilRecorded();
        assertThat(differences()).isEmpty();

        // past the trigger, as only a superuser could (the runtime role can neither switch triggers off nor replicate)
        pastTheTriggers("update aid set person_decile = 10 where id = ?", aidId);
        try {
            assertThat(differences()).singleElement().satisfies(difference -> {
                assertThat(difference.aidId()).isEqualTo(aidId);
                assertThat(difference.keptDecile()).isEqualTo(10);
                assertThat(difference.welfareDecile()).isNotEqualTo(10);
            });
        } finally {
            // put back past the triggers as it drifted: the reach kept from the aid rows (V22_1) never saw the drift,
            // and a write through them would take the row's person out of decile 10, where they were never counted
            pastTheTriggers("update aid x set person_decile = b.welfare_decile from beneficiary b"
                    + " where b.id = x.beneficiary_id and x.id = ?", aidId);
        }
        assertThat(differences()).isEmpty();

        // whatever a writer puts in the copy, the trigger puts the person's residence there
        jdbc.update("update aid set person_decile = 10, version = version where id = ?", aidId);
        assertThat(differences()).isEmpty();
    }

    private void pastTheTriggers(String sql, Object... args) {
        SingleConnectionDataSource owner = new SingleConnectionDataSource(postgres.jdbcUrl(), postgres.username(), "",
                true);
        try {
            JdbcTemplate asOwner = new JdbcTemplate(owner);
            asOwner.execute("set session_replication_role = replica");
            asOwner.update(sql, args);
        } finally {
            owner.destroy();
        }
    }

    private List<AidResidenceDifference> differences() {
        return SignedIn.as(AidWriters.ADMIN, () -> reconciliation.differences());
    }

    /**
     * No copy differs from its person, and the targeting figures of the year — people per kabupaten/kota and per
     * decile — equal the same counts over the aid rows joined with the people where they live now.
     */
    private void assertTheCopiesAndFiguresEqualTheRows(int year, List<AidWriters.Person> people) {
        assertThat(differences()).as("aid rows whose residence differs from their person's").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from aid where fiscal_year = ? and status <> 'CANCELLED'",
                Long.class, year)).as("active aid of the year").isPositive();

        TargetingOverview overview = SignedIn.as(SignedIn.EXPERT,
                () -> targeting.overview(year, null, DecileBreakdown.PROGRAMME));
        Map<String, Long> counted = new HashMap<>();
        jdbc.query("""
                        select left(d.kecamatan_code, 5), count(distinct x.beneficiary_id)
                        from aid x join beneficiary b on b.id = x.beneficiary_id join desa d on d.code = b.desa_code
                        where x.fiscal_year = ? and x.status <> 'CANCELLED' group by 1""",
                rs -> {
                    counted.put(rs.getString(1), rs.getLong(2));
                }, year);
        for (RegionTargeting region : overview.regions()) {
            assertThat(region.beneficiaries()).as("people reached in %s", region.code())
                    .isEqualTo(counted.getOrDefault(region.code(), 0L));
        }
        Map<Integer, Long> perDecile = new HashMap<>();
        jdbc.query("""
                        select b.welfare_decile, count(distinct x.beneficiary_id)
                        from aid x join beneficiary b on b.id = x.beneficiary_id
                        where x.fiscal_year = ? and x.status <> 'CANCELLED' group by 1""",
                rs -> {
                    perDecile.put((Integer) rs.getObject(1, Integer.class), rs.getLong(2));
                }, year);
        for (DecileShare share : overview.deciles()) {
            assertThat(share.people()).as("people of decile %s", share.decile())
                    .isEqualTo(perDecile.getOrDefault(share.decile(), 0L));
        }
        assertThat(people).hasSize(PEOPLE);
    }

    private static void assertEveryKindHappened(Map<String, Integer> outcomes) {
        assertThat(outcomes).as("outcomes %s", outcomes).containsKeys("RECORDED", "CANCELLED", "MOVED");
    }

    private AidWriters writers(int year, List<AidWriters.Instance> instances) {
        return new AidWriters(allocations, fiscalYears, jdbc, year, instances, KECAMATAN, PROGRAMMES, PEOPLE);
    }
}
