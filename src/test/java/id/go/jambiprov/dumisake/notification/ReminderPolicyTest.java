package id.go.jambiprov.dumisake.notification;

import id.go.jambiprov.dumisake.notification.internal.ReminderPolicy;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderPolicyTest {

    @Test
    void aMonthsReportIsDueFromThe25thToTheMonthsEnd() {
        assertThat(ReminderPolicy.monthDue(LocalDate.of(2026, 12, 24))).isEmpty();
        assertThat(ReminderPolicy.monthDue(LocalDate.of(2026, 12, 25))).contains(YearMonth.of(2026, 12));
        assertThat(ReminderPolicy.monthDue(LocalDate.of(2026, 2, 28))).contains(YearMonth.of(2026, 2));
        assertThat(ReminderPolicy.monthDue(LocalDate.of(2027, 1, 1))).isEmpty();
    }
}
