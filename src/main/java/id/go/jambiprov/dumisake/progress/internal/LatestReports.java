package id.go.jambiprov.dumisake.progress.internal;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;

/**
 * Keeps each allocation's latest report (month, physical %, highest %, number of reports) in
 * {@code progress_latest}, so that the deviation dashboard reads one row per allocation. The one place that writes
 * it: every path that writes reports calls {@link #refresh} in its own transaction, under the allocations' locks,
 * and the row is rebuilt from the reports themselves, so it cannot drift from them whatever was changed.
 */
@Component
class LatestReports {

    private final NamedParameterJdbcTemplate jdbc;

    LatestReports(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void refresh(Collection<Long> allocationIds) {
        if (allocationIds.isEmpty()) {
            return;
        }
        jdbc.update("""
                insert into progress_latest (allocation_id, fiscal_year, month, physical_percent, highest_percent,
                                             report_count)
                select distinct on (r.allocation_id) r.allocation_id, r.fiscal_year, r.month, r.physical_percent,
                       max(r.physical_percent) over w, count(*) over w
                from progress_report r where r.allocation_id in (:ids)
                window w as (partition by r.allocation_id)
                order by r.allocation_id, r.month desc
                on conflict (allocation_id) do update set fiscal_year = excluded.fiscal_year, month = excluded.month,
                    physical_percent = excluded.physical_percent, highest_percent = excluded.highest_percent,
                    report_count = excluded.report_count""", new MapSqlParameterSource("ids", allocationIds));
    }
}
