package id.go.jambiprov.dumisake;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.account.SignedIn;
import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.beneficiary.AidReachDifference;
import id.go.jambiprov.dumisake.beneficiary.internal.AidResidenceReconciliation;
import id.go.jambiprov.dumisake.beneficiary.internal.AidService;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.shared.db.LocalPostgres;
import id.go.jambiprov.dumisake.targeting.DecileBreakdown;
import id.go.jambiprov.dumisake.targeting.DecileGroup;
import id.go.jambiprov.dumisake.targeting.DecileShare;
import id.go.jambiprov.dumisake.targeting.RegionTargeting;
import id.go.jambiprov.dumisake.targeting.Targeting;
import id.go.jambiprov.dumisake.targeting.TargetingOverview;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reach of the direct aid the database keeps for the targeting figures (V22_1: people with active aid and their
 * rupiah per year, OPD and programme level, kabupaten/kota and decile) under random concurrent writes — aid recorded
 * and cancelled through the service, people moved to a desa of another kabupaten/kota or given another decile (or
 * none) — from several threads of one instance, and of two application instances on one database: afterwards no
 * kept cell differs from a recount of the aid rows (the admins'
 * {@link AidResidenceReconciliation#reachDifferences}), every person's kept row equals their aid, and the figures of
 * every breakdown, for the expert team and for operators, equal the counts over the aid rows joined with the people
 * where they live now. Two programmes of one OPD (BIRO-KESRA) make a person count once for their OPD and once per
 * programme. Fiscal years 2085 (one instance), 2086 (the reconciliation) and 2087 (two instances) belong to this
 * class.
 */
@SpringBootTest(properties = AidResidenceConcurrencyTest.UNLIMITED_SEARCHES)
class AidReachConcurrencyTest {

    /** Two kecamatan of two kabupaten/kota: a move between them moves the person's reach to the other one. */
    static final List<String> KECAMATAN = List.of("15.05.01", "15.06.01");
    static final List<String[]> PROGRAMMES = List.of(new String[]{"DISDIK", "BANTUAN-PENDIDIKAN"},
            new String[]{"BIRO-KESRA", "BEASISWA"}, new String[]{"BIRO-KESRA", "INSENTIF-KEAGAMAAN"});
    static final int PEOPLE = 10;

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
    void randomConcurrentWritesOfOneInstanceLeaveTheKeptReachEqualToTheAid() throws Exception {
        int year = 2085;
        AidWriters writers = writers(year, List.of(new AidWriters.Instance(aid, jdbc)));

        assertTheKeptReachEqualsTheAid(year, writers.race(6, 50));
        assertTheReachLeavesWithTheAid(year);
    }

    @Test
    void randomConcurrentWritesOfTwoInstancesLeaveTheKeptReachEqualToTheAid() throws Exception {
        int year = 2087;
        try (ConfigurableApplicationContext second = AidWriters.secondApplication(postgres)) {
            AidWriters.Instance other = AidWriters.Instance.of(second);
            assertThat(other.aid()).isNotSameAs(aid);
            AidWriters writers = writers(year, List.of(new AidWriters.Instance(aid, jdbc), other));

            assertTheKeptReachEqualsTheAid(year, writers.race(6, 50));
        }
        assertTheReachLeavesWithTheAid(year);
    }

    @Test
    void theReconciliationNamesACellThatDrifted() {
        int year = 2086;
        AidWriters writers = writers(year, List.of(new AidWriters.Instance(aid, jdbc)));
        writers.recordAidUntilRecorded();
        assertThat(reachDifferences(year)).isEmpty();
        String kabupatenKota = jdbc.queryForObject("""
                select left(person_desa_code, 5) from aid where fiscal_year = ? and status <> 'CANCELLED' limit 1""",
                String.class, year);

        // past the trigger: the runtime role may write the kept cells, as a faulty writer would
        jdbc.update("""
                update aid_reach set people = people + 1 where fiscal_year = ? and opd_code = '*'
                  and programme_code = '*' and kabupaten_kota_code = ? and people > 0""", year, kabupatenKota);
        try {
            assertThat(reachDifferences(year)).singleElement().satisfies(difference -> {
                assertThat(difference.fiscalYear()).isEqualTo(year);
                assertThat(difference.opdCode()).isEqualTo("*");
                assertThat(difference.programmeCode()).isEqualTo("*");
                assertThat(difference.kabupatenKotaCode()).isEqualTo(kabupatenKota);
                assertThat(difference.keptPeople()).isEqualTo(difference.people() + 1);
                assertThat(difference.keptAmount()).isEqualByComparingTo(difference.amount());
            });
            assertThat(reachDifferences(null)).hasSize(1);
        } finally {
            jdbc.update("""
                    update aid_reach set people = people - 1 where fiscal_year = ? and opd_code = '*'
                      and programme_code = '*' and kabupaten_kota_code = ? and people > 0""", year, kabupatenKota);
        }
        assertThat(reachDifferences(year)).isEmpty();
        assertTheReachLeavesWithTheAid(year);
    }

    /**
     * The year's aid deleted (as no writer of the application does, but a statement may), its reach goes with it.
     * This also leaves no aid whose person now lives outside its allocation's kecamatan for the other tests, and the
     * year is closed: an open year after 2026 would become the pages' default year for the tests that run later.
     */
    private void assertTheReachLeavesWithTheAid(int year) {
        jdbc.update("delete from aid where fiscal_year = ?", year);
        assertThat(reachDifferences(year)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from aid_reach where fiscal_year = ? and people <> 0",
                Long.class, year)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from aid_reach_person where fiscal_year = ?", Long.class,
                year)).isZero();
        jdbc.update("update fiscal_year set status = 'CLOSED', closed_at = now(), closed_by = 'uji' where year = ?", year);
    }

    /**
     * Every kind of write happened; no kept cell differs from the aid, nor any person's row; the figures of every
     * breakdown equal the aid's, for the expert team and for two operators.
     */
    private void assertTheKeptReachEqualsTheAid(int year, Map<String, Integer> outcomes) {
        assertThat(outcomes).as("outcomes %s", outcomes).containsKeys("RECORDED", "CANCELLED", "MOVED");
        assertThat(jdbc.queryForObject("select count(*) from aid where fiscal_year = ? and status <> 'CANCELLED'",
                Long.class, year)).as("active aid of the year").isPositive();
        assertThat(reachDifferences(year)).as("kept cells that differ from the aid").isEmpty();
        assertThat(jdbc.queryForObject("""
                        select count(*) from (
                            (select opd_code, programme_code, kabupaten_kota_code, decile, beneficiary_id, aids
                             from aid_reach_person where fiscal_year = ?
                             except
                             select c.opd_code, c.programme_code, c.kabupaten_kota_code, c.decile, c.beneficiary_id,
                                    sum(c.aids)::int
                             from aid x, aid_reach_changes_of(x, 1) c
                             where x.fiscal_year = ? and c.beneficiary_id is not null group by 1, 2, 3, 4, 5)
                            union all
                            (select c.opd_code, c.programme_code, c.kabupaten_kota_code, c.decile, c.beneficiary_id,
                                    sum(c.aids)::int
                             from aid x, aid_reach_changes_of(x, 1) c
                             where x.fiscal_year = ? and c.beneficiary_id is not null group by 1, 2, 3, 4, 5
                             except
                             select opd_code, programme_code, kabupaten_kota_code, decile, beneficiary_id, aids
                             from aid_reach_person where fiscal_year = ?)) d""", Long.class, year, year, year, year))
                .as("people's kept rows that differ from their aid").isZero();
        for (DumisakeUser user : List.of(SignedIn.EXPERT, AidWriters.operator("BIRO-KESRA"), AidWriters.operator("DISDIK"))) {
            for (DecileBreakdown by : DecileBreakdown.values()) {
                assertTheFiguresEqualTheAid(year, user, by);
            }
        }
    }

    private List<AidReachDifference> reachDifferences(Integer year) {
        return SignedIn.as(AidWriters.ADMIN, () -> reconciliation.reachDifferences(year));
    }

    /**
     * The people reached per kabupaten/kota, per decile, and per group of the breakdown and decile that {@code user}
     * sees equal the same counts over the aid rows of the user's OPD (all for the expert team), joined with the
     * people where they live now.
     */
    private void assertTheFiguresEqualTheAid(int year, DumisakeUser user, DecileBreakdown by) {
        TargetingOverview overview = SignedIn.as(user, () -> targeting.overview(year, null, by));
        String scope = user.opdScope() == null ? "" : " and x.opd_code = '" + user.opdScope() + "'";
        String from = " from aid x join beneficiary b on b.id = x.beneficiary_id"
                + " where x.fiscal_year = ? and x.status <> 'CANCELLED'" + scope;
        String what = user.getUsername() + " " + by;

        Map<String, Long> regions = new HashMap<>();
        jdbc.query("select left(b.desa_code, 5), count(distinct x.beneficiary_id)" + from + " group by 1",
                rs -> {
                    regions.put(rs.getString(1), rs.getLong(2));
                }, year);
        for (RegionTargeting region : overview.regions()) {
            assertThat(region.beneficiaries()).as("%s: people reached in %s", what, region.code())
                    .isEqualTo(regions.getOrDefault(region.code(), 0L));
        }

        Map<String, String> deciles = new TreeMap<>();
        jdbc.query("select b.welfare_decile, count(distinct x.beneficiary_id), sum(x.amount)" + from + " group by 1",
                rs -> {
                    deciles.put(String.valueOf(rs.getObject(1)), figure(rs.getLong(2), rs.getBigDecimal(3)));
                }, year);
        Map<String, String> shownDeciles = new TreeMap<>();
        for (DecileShare share : overview.deciles()) {
            if (share.people() > 0) {
                shownDeciles.put(String.valueOf(share.decile()), figure(share.people(), share.amount()));
            }
        }
        assertThat(shownDeciles).as("%s: people and rupiah per decile", what).isEqualTo(deciles);

        String group = switch (by) {
            case PROGRAMME -> "x.programme_code";
            case OPD -> "x.opd_code";
            case KABUPATEN_KOTA -> "left(b.desa_code, 5)";
        };
        Map<String, String> groups = new TreeMap<>();
        jdbc.query("select " + group + ", b.welfare_decile, count(distinct x.beneficiary_id), sum(x.amount)" + from
                        + " group by 1, 2",
                rs -> {
                    groups.put(rs.getString(1) + "/" + rs.getObject(2), figure(rs.getLong(3), rs.getBigDecimal(4)));
                }, year);
        Map<String, String> shownGroups = new TreeMap<>();
        for (DecileGroup shown : overview.groups()) {
            for (DecileShare share : shown.deciles()) {
                if (share.people() > 0) {
                    shownGroups.put(shown.code() + "/" + share.decile(), figure(share.people(), share.amount()));
                }
            }
        }
        assertThat(shownGroups).as("%s: people and rupiah per group and decile", what).isEqualTo(groups);
    }

    private static String figure(long people, BigDecimal amount) {
        return people + " people, Rp " + amount.stripTrailingZeros().toPlainString();
    }

    private AidWriters writers(int year, List<AidWriters.Instance> instances) {
        return new AidWriters(allocations, fiscalYears, jdbc, year, instances, KECAMATAN, PROGRAMMES, PEOPLE);
    }
}
