package id.go.jambiprov.dumisake.poverty;

import id.go.jambiprov.dumisake.account.SignedIn;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.poverty.domain.Submission;
import id.go.jambiprov.dumisake.poverty.internal.FiguresRefusedException;
import id.go.jambiprov.dumisake.poverty.internal.PovertyFigureService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The poverty module alone on the embedded database: the seed that Flyway loaded (the figures of the research
 * folder with the chosen value per disagreement, the gaps left empty) and the changes an admin makes. Year
 * 2019, which the seed has no figure for, belongs to this class for writing; each test rolls back.
 */
@ApplicationModuleTest
@Transactional
class PovertyModuleTest {

    private static final int FREE_YEAR = 2019;

    @MockitoBean
    AuditTrail audit;

    @Autowired
    PovertyFigures figures;

    @Autowired
    PovertyFigureService changes;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void theSeedHoldsEveryFigureOfTheResearchWithExactlyOneChosenPerFigure() {
        assertThat(jdbc.queryForObject("select count(*) from poverty_figure where created_by = 'system'", Long.class))
                .isEqualTo(156);
        assertThat(jdbc.queryForObject("select count(*) from poverty_figure where not chosen and created_by = 'system'",
                Long.class)).isEqualTo(10);
        assertThat(jdbc.queryForList("""
                select region_code, year, period, indicator from poverty_figure
                group by region_code, year, period, indicator having count(*) filter (where chosen) <> 1""")).isEmpty();
        assertThat(figures.years()).containsExactly(2020, 2021, 2022, 2023, 2024, 2025);
    }

    @Test
    void aGapStaysEmpty() {
        RegionFigures kerinci2023 = region(2023, "15.01");
        assertThat(Arrays.stream(Indicator.values()).map(kerinci2023::value)).containsOnlyNulls();
        assertThat(kerinci2023.alternatives()).isEmpty();

        RegionFigures kerinci2021 = region(2021, "15.01");
        assertThat(kerinci2021.poorPeople()).isEqualByComparingTo("18450");
        assertThat(kerinci2021.chosen()).containsOnlyKeys(Indicator.POOR_PEOPLE, Indicator.EXTREME_POOR);
        assertThat(kerinci2021.povertyRate()).isNull();

        List<RegionFigures> year2020 = figures.ofYear(2020);
        assertThat(year2020).hasSize(12);
        assertThat(year2020.stream().filter(r -> !r.chosen().isEmpty()).map(RegionFigures::code))
                .containsExactly("15.08", "15");
        assertThat(figures.provinceSeptember(2023).chosen()).isEmpty();
    }

    @Test
    void whereSourcesDisagreeTheBpsFigureCountsAndTheOtherIsAnAlternative() {
        assertChosen(region(2023, "15.05"), Indicator.POOR_PEOPLE, "20830", "48102");
        assertThat(region(2023, "15.05").alternatives(Indicator.POOR_PEOPLE).get(0).sourceBody())
                .isEqualTo("Dinas Sosial Muaro Jambi");
        assertChosen(region(2024, "15.03"), Indicator.POVERTY_RATE, "8.36", "8.63");
        assertChosen(region(2024, "15.05"), Indicator.POVERTY_LINE, "617948", "599370");
        assertChosen(region(2024, "15.04"), Indicator.POPULATION, "306652", "316500");
        assertChosen(region(2024, "15.06"), Indicator.POOR_PEOPLE, "21860", "23976");
        assertChosen(region(2020, "15"), Indicator.POOR_PEOPLE, "277800", "277700");
        assertChosen(figures.provinceSeptember(2024), Indicator.POOR_PEOPLE, "272700", "272200");
        assertThat(region(2024, "15.05").figure(Indicator.POVERTY_LINE).note()).contains("Kepala BPS");
        // agreeing sources are one figure with all their addresses
        assertThat(region(2024, "15.05").figure(Indicator.POVERTY_RATE).sources()).hasSizeGreaterThan(1);
        assertThat(region(2024, "15.05").alternatives(Indicator.POVERTY_RATE)).isEmpty();
    }

    @Test
    void aNewFigureCountsAndTheOneBeforeStaysAsAnAlternative() {
        SignedIn.as(SignedIn.ADMIN);
        changes.apply(List.of(submission(Map.of(Indicator.POVERTY_RATE, new BigDecimal("7.5"),
                Indicator.POOR_PEOPLE, new BigDecimal("18000")), Set.of(), "https://jambi.bps.go.id/a")));
        changes.apply(List.of(submission(Map.of(Indicator.POVERTY_RATE, new BigDecimal("7.6"),
                Indicator.POOR_PEOPLE, new BigDecimal("18000")), Set.of(), "https://jambi.bps.go.id/a")));

        RegionFigures kerinci = region(FREE_YEAR, "15.01");
        assertChosen(kerinci, Indicator.POVERTY_RATE, "7.6", "7.5");
        assertThat(kerinci.poorPeople()).isEqualByComparingTo("18000");
        assertThat(kerinci.figure(Indicator.POVERTY_RATE).updatedBy()).isEqualTo("admin");
        verify(audit, times(3)).record(eq("POVERTY_FIGURE_SET"), eq("PovertyFigure"), any(), any(), any());

        changes.apply(List.of(submission(Map.of(), Set.of(Indicator.POVERTY_RATE), null)));
        kerinci = region(FREE_YEAR, "15.01");
        assertThat(kerinci.povertyRate()).isNull();
        assertThat(kerinci.alternatives(Indicator.POVERTY_RATE)).extracting(f -> f.value().toPlainString())
                .containsExactlyInAnyOrder("7.5", "7.6");
        verify(audit).record(eq("POVERTY_FIGURE_WITHDRAWN"), eq("PovertyFigure"), any(), any(), isNull());
    }

    @Test
    void aRefusedSubmissionWritesNothing() {
        SignedIn.as(SignedIn.ADMIN);
        long before = count();
        Submission good = submission(Map.of(Indicator.POVERTY_RATE, new BigDecimal("7.5")), Set.of(), "BRS BPS");
        Submission bad = new Submission(3, FREE_YEAR, "15.02", Period.MARET, Map.of(Indicator.POOR_PEOPLE,
                new BigDecimal("500"), Indicator.POPULATION, new BigDecimal("400")), Set.of(), "BRS BPS", null, null);

        assertThatThrownBy(() -> changes.apply(List.of(good, bad))).isInstanceOfSatisfying(FiguresRefusedException.class,
                e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                    assertThat(v.row()).isEqualTo(3);
                    assertThat(v.messageKey()).isEqualTo("poverty.rule.poorAbovePopulation");
                }));
        assertThat(count()).isEqualTo(before);
        verify(audit, never()).record(any(), any(), any(), any(), any());
    }

    @Test
    void anAdminSwitchesTheChosenValueToAnAlternative() {
        SignedIn.as(SignedIn.ADMIN);
        Figure tribun = region(2024, "15.03").alternatives(Indicator.POVERTY_RATE).get(0);

        changes.choose(tribun.id());

        assertChosen(region(2024, "15.03"), Indicator.POVERTY_RATE, "8.63", "8.36");
        verify(audit).record(eq("POVERTY_FIGURE_CHOSEN"), eq("PovertyFigure"), eq(tribun.id()), any(), any());
    }

    @Test
    void onlyAdminsChangeFigures() {
        SignedIn.as(SignedIn.EXPERT);
        assertThatThrownBy(() -> changes.apply(List.of(submission(Map.of(Indicator.POVERTY_RATE, BigDecimal.ONE),
                Set.of(), "s")))).isInstanceOf(AccessDeniedException.class);
        SignedIn.as(SignedIn.OPERATOR_DISDIK);
        assertThatThrownBy(() -> changes.choose(1L)).isInstanceOf(AccessDeniedException.class);
    }

    private RegionFigures region(int year, String code) {
        return figures.of(year, code, Period.MARET);
    }

    private static void assertChosen(RegionFigures region, Indicator indicator, String chosen, String alternative) {
        assertThat(region.value(indicator)).as(region.code() + " " + indicator).isEqualByComparingTo(chosen);
        assertThat(region.alternatives(indicator)).extracting(f -> f.value().toPlainString()).contains(alternative);
    }

    private static Submission submission(Map<Indicator, BigDecimal> values, Set<Indicator> withdrawn, String source) {
        return new Submission(0, FREE_YEAR, "15.01", Period.MARET, values, withdrawn, source, null, null);
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from poverty_figure", Long.class);
    }
}
