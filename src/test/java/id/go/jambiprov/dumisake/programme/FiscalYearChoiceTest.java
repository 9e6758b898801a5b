package id.go.jambiprov.dumisake.programme;

import id.go.jambiprov.dumisake.shared.NotFoundException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FiscalYearChoiceTest {

    private static final List<FiscalYearChoice> YEARS = List.of(
            new FiscalYearChoice(2027, FiscalYearStatus.CLOSED),
            new FiscalYearChoice(2026, FiscalYearStatus.OPEN),
            new FiscalYearChoice(2025, FiscalYearStatus.CLOSED));

    @Test
    void theYearAskedForWins() {
        assertThat(FiscalYearChoice.select(2025, YEARS)).isEqualTo(2025);
    }

    @Test
    void withoutAYearTheOpenOneIsShown() {
        assertThat(FiscalYearChoice.select(null, YEARS)).isEqualTo(2026);
    }

    @Test
    void withoutAnOpenYearTheLatestIsShown() {
        List<FiscalYearChoice> closed = List.of(new FiscalYearChoice(2026, FiscalYearStatus.CLOSED),
                new FiscalYearChoice(2025, FiscalYearStatus.CLOSED));
        assertThat(FiscalYearChoice.select(null, closed)).isEqualTo(2026);
    }

    @Test
    void anUnknownYearOrNoYearAtAllIsNotFound() {
        assertThatThrownBy(() -> FiscalYearChoice.select(2030, YEARS)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> FiscalYearChoice.select(null, List.of())).isInstanceOf(NotFoundException.class);
    }
}
