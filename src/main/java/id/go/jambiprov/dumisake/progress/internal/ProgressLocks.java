package id.go.jambiprov.dumisake.progress.internal;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.Collection;

/**
 * One writer at a time for an allocation's outputs and reports, until its transaction ends: what a save checks
 * (the previous month, a later month closing this one, the indicators) cannot change under it.
 */
final class ProgressLocks {

    /** The first key of the two-key advisory lock, so that it shares no lock with other capabilities. */
    private static final int NAMESPACE = "progress".hashCode();

    private ProgressLocks() {
    }

    static void lock(NamedParameterJdbcTemplate jdbc, long allocationId) {
        jdbc.query("select pg_advisory_xact_lock(:namespace, :allocation)",
                new MapSqlParameterSource("namespace", NAMESPACE).addValue("allocation", (int) allocationId),
                rs -> null);
    }

    /** As {@link #lock} for several allocations in one statement, in id order (one lock order: no deadlock). */
    static void lockAll(NamedParameterJdbcTemplate jdbc, Collection<Long> allocationIds) {
        if (allocationIds.isEmpty()) {
            return;
        }
        jdbc.query("""
                select pg_advisory_xact_lock(:namespace, x.id::int)
                from (select distinct unnest(array[:allocations]::bigint[]) as id order by 1) x""",
                new MapSqlParameterSource("namespace", NAMESPACE).addValue("allocations", allocationIds), rs -> null);
    }
}
