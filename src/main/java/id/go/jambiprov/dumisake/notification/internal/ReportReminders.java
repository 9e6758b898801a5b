package id.go.jambiprov.dumisake.notification.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Month-end reminders: every operator of an OPD is told of each active allocation of an open fiscal year that
 * has no progress report for the month due ({@link ReminderPolicy}). One statement for all allocations, reading
 * the allocation and progress report tables; the dedup key {@code report-due:<allocation>:<month>} makes a
 * second run, on this instance or another, add nothing.
 */
@Service
@Transactional
public class ReportReminders {

    private final JdbcTemplate jdbc;

    ReportReminders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return how many notifications were added */
    public int remind(LocalDate today) {
        return ReminderPolicy.monthDue(today).map(this::remind).orElse(0);
    }

    private int remind(YearMonth month) {
        String monthText = month.toString();
        return jdbc.update("""
                insert into notification (recipient, kind, params, link, dedup_key)
                select u.username, 'REPORT_DUE', array[a.title, k.name, ?], '/alokasi/' || a.id || '/kemajuan',
                       'report-due:' || a.id || ':' || ?
                from allocation a
                join fiscal_year f on f.year = a.fiscal_year and f.status = 'OPEN'
                join kecamatan k on k.code = a.kecamatan_code
                join user_account u on u.role = 'OPD_OPERATOR' and u.opd_code = a.opd_code and u.enabled
                where a.fiscal_year = ? and a.status = 'ACTIVE'
                  and not exists (select 1 from progress_report r where r.allocation_id = a.id and r.month = ?)
                on conflict (recipient, dedup_key) do nothing""",
                monthText, monthText, month.getYear(), month.getMonthValue());
    }
}
