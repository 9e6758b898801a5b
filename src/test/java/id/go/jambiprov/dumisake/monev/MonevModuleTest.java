package id.go.jambiprov.dumisake.monev;

import id.go.jambiprov.dumisake.account.SignedIn;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.monev.internal.StalledService;
import id.go.jambiprov.dumisake.monev.internal.StalledView;
import id.go.jambiprov.dumisake.monev.internal.ThresholdService;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.region.RegionService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The monev read models on the embedded database, with reports and obstacles written by SQL
 * ({@link MonevFixture}); each test rolls back. Fiscal year 2003 belongs to this class.
 */
@ApplicationModuleTest
@Transactional
class MonevModuleTest {

    private static final int YEAR = 2003;

    @MockitoBean
    AuditTrail audit;
    @MockitoBean
    FiscalYearService fiscalYears;
    @MockitoBean
    RegionService regions;

    @Autowired
    Deviations deviations;
    @Autowired
    StalledService stalled;
    @Autowired
    ThresholdService thresholds;
    @Autowired
    JdbcTemplate jdbc;

    MonevFixture data;

    @BeforeEach
    void aYearWithReports() {
        data = MonevFixture.insert(jdbc, YEAR);
        SignedIn.as(SignedIn.ADMIN);
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void eachAllocationIsMeasuredAgainstItsPlannedMonth() {
        Map<String, DeviationRow> rows = byCode(deviations.rows(YEAR, null, GroupBy.ALLOCATION));

        assertThat(rows).hasSize(4);
        assertRow(rows.get(String.valueOf(data.green())), "100", "95", "50", "5", TrafficLight.GREEN);
        assertRow(rows.get(String.valueOf(data.behind())), "100", "70", "0", "30", TrafficLight.RED);
        assertRow(rows.get(String.valueOf(data.silent())), "100", "0", "0", "100", TrafficLight.RED);
        // on plan, but December was not reported
        assertRow(rows.get(String.valueOf(data.late())), "100", "100", "0", "0", TrafficLight.RED);
        assertThat(rows.get(String.valueOf(data.late())).missingReportPercent()).isEqualByComparingTo("100");
    }

    @Test
    void anOpdIsWeightedByAllocationAmount() {
        Map<String, DeviationRow> rows = byCode(deviations.rows(YEAR, null, GroupBy.OPD));

        // DISDIK: (95 × 100 + 70 × 300 + 100 × 100) / 500 = 81 % physical; 20 % of it without December's report
        assertRow(rows.get("DISDIK"), "100", "81", "10", "19", TrafficLight.YELLOW);
        assertThat(rows.get("DISDIK").missingReportPercent()).isEqualByComparingTo("20");
        assertThat(rows.get("DISDIK").allocations()).isEqualTo(3);
        assertRow(rows.get("DINKES"), "100", "0", "0", "100", TrafficLight.RED);
    }

    @Test
    void everyGroupingAddsUpToItsAllocations() {
        List<DeviationRow> allocations = deviations.rows(YEAR, null, GroupBy.ALLOCATION);
        BigDecimal amount = sum(allocations, DeviationRow::amount);
        BigDecimal physical = weighted(allocations, DeviationRow::physicalPercent);
        BigDecimal planned = weighted(allocations, DeviationRow::plannedPercent);
        for (GroupBy groupBy : List.of(GroupBy.OPD, GroupBy.KECAMATAN, GroupBy.KABUPATEN_KOTA, GroupBy.PROGRAMME)) {
            List<DeviationRow> groups = deviations.rows(YEAR, null, groupBy);
            assertThat(sum(groups, DeviationRow::amount)).as(groupBy.value()).isEqualByComparingTo(amount);
            assertThat(sum(groups, DeviationRow::allocations)).as(groupBy.value()).isEqualByComparingTo("4");
            // percentages are rounded to 0.01 point: the weighted sums agree within 0.01 % of the amount
            BigDecimal rounding = amount.movePointLeft(4);
            assertThat(weighted(groups, DeviationRow::physicalPercent).subtract(physical).abs()).as(groupBy.value())
                    .isLessThanOrEqualTo(rounding);
            assertThat(weighted(groups, DeviationRow::plannedPercent).subtract(planned).abs()).as(groupBy.value())
                    .isLessThanOrEqualTo(rounding);
        }
        Map<String, DeviationRow> kecamatan = byCode(deviations.rows(YEAR, null, GroupBy.KECAMATAN));
        assertRow(kecamatan.get("15.01.01"), "100", "76.25", "12.50", "23.75", TrafficLight.YELLOW);
        assertThat(kecamatan.get("15.71.01").status()).isEqualTo(TrafficLight.RED);
        assertThat(byCode(deviations.rows(YEAR, null, GroupBy.KABUPATEN_KOTA)).get("15.01").physicalPercent())
                .isEqualByComparingTo("76.25");
    }

    @Test
    void anOperatorSeesOnlyItsOpdAndTheFilterItsKabupatenKota() {
        SignedIn.as(SignedIn.OPERATOR_DISDIK);
        assertThat(deviations.rows(YEAR, null, GroupBy.OPD)).extracting(DeviationRow::code).containsExactly("DISDIK");
        assertThat(deviations.rows(YEAR, null, GroupBy.ALLOCATION)).extracting(DeviationRow::code)
                .doesNotContain(String.valueOf(data.silent())).hasSize(3);

        SignedIn.as(SignedIn.EXPERT);
        assertThat(deviations.rows(YEAR, "15.71", GroupBy.ALLOCATION)).extracting(DeviationRow::code)
                .containsExactlyInAnyOrder(String.valueOf(data.silent()), String.valueOf(data.late()));
    }

    @Test
    void otherThresholdsChangeTheLightAndAreAudited() {
        Thresholds before = thresholds.current();
        thresholds.change(new BigDecimal("20"), new BigDecimal("40"), before.version());

        assertThat(byCode(deviations.rows(YEAR, null, GroupBy.OPD)).get("DISDIK").status()).isEqualTo(TrafficLight.GREEN);
        assertThat(byCode(deviations.rows(YEAR, null, GroupBy.ALLOCATION)).get(String.valueOf(data.behind())).status())
                .isEqualTo(TrafficLight.YELLOW);
        verify(audit).record(eq("MONEV_SETTING_CHANGED"), eq("MonevSetting"), eq(1), any(), any());
    }

    @Test
    void aStaleOrInvalidChangeWritesNothing() {
        Thresholds before = thresholds.current();
        assertThatThrownBy(() -> thresholds.change(new BigDecimal("20"), new BigDecimal("40"), before.version() + 1))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> thresholds.change(new BigDecimal("30"), new BigDecimal("20"), before.version()))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.code()).isEqualTo("YELLOW_BELOW_GREEN"));
        assertThat(jdbc.queryForObject("select green_max_deviation from monev_setting", BigDecimal.class))
                .isEqualByComparingTo(before.greenMaxDeviation());
        verify(audit, never()).record(any(), any(), any(), any(), any());
    }

    @Test
    void kenapaBelumJalanListsTheStalledWithTheEscalatedFirst() {
        StalledView view = stalled.of(YEAR, null);

        assertThat(view.month()).isEqualTo(12);
        assertThat(view.allocations()).extracting(StalledView.Allocation::id)
                .containsExactly(data.behind(), data.silent(), data.late());
        assertThat(view.notStarted()).isEqualTo(1);
        assertThat(view.red()).isEqualTo(3);
        assertThat(view.allocations().get(0).obstacles()).singleElement()
                .satisfies(o -> {
                    assertThat(o.id()).isEqualTo(data.escalatedObstacle());
                    assertThat(o.escalated()).isTrue();
                    assertThat(o.ageDays()).isPositive();
                });
        assertThat(view.openObstacles()).isEqualTo(2);
        assertThat(view.escalatedObstacles()).isEqualTo(1);
        assertThat(view.kecamatan()).extracting(StalledView.Kecamatan::code).containsExactly("15.01.01", "15.71.01");
        assertThat(view.obstaclesByOpd()).extracting(StalledView.OpdObstacles::opdCode)
                .containsExactlyInAnyOrder("DISDIK", "DINKES");
        int procurement = view.categories().indexOf("PENGADAAN");
        assertThat(view.obstaclesByOpd().stream().filter(o -> o.opdCode().equals("DISDIK")).findFirst().orElseThrow()
                .counts().get(procurement)).isEqualTo(1);

        SignedIn.as(SignedIn.OPERATOR_DINKES);
        StalledView dinkes = stalled.of(YEAR, null);
        assertThat(dinkes.allocations()).extracting(StalledView.Allocation::id).containsExactly(data.silent());
        assertThat(dinkes.openObstacles()).isEqualTo(1);
    }

    private static void assertRow(DeviationRow row, String planned, String physical, String financial, String deviation,
                                  TrafficLight status) {
        assertThat(row.plannedPercent()).as("planned").isEqualByComparingTo(planned);
        assertThat(row.physicalPercent()).as("physical").isEqualByComparingTo(physical);
        assertThat(row.financialPercent()).as("financial").isEqualByComparingTo(financial);
        assertThat(row.deviation()).as("deviation").isEqualByComparingTo(deviation);
        assertThat(row.status()).as("status").isEqualTo(status);
    }

    private static Map<String, DeviationRow> byCode(List<DeviationRow> rows) {
        return rows.stream().collect(Collectors.toMap(DeviationRow::code, Function.identity()));
    }

    private static BigDecimal sum(List<DeviationRow> rows, Function<DeviationRow, Object> value) {
        return rows.stream().map(r -> new BigDecimal(value.apply(r).toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Σ amount × percent / 100: the rupiah the percentages stand for. */
    private static BigDecimal weighted(List<DeviationRow> rows, Function<DeviationRow, BigDecimal> percent) {
        return rows.stream().map(r -> r.amount().multiply(percent.apply(r)).movePointLeft(2))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
