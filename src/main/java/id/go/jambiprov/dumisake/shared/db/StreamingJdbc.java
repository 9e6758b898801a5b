package id.go.jambiprov.dumisake.shared.db;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Statements whose rows are handed on one at a time as PostgreSQL sends them (exports, a whole deviation grouping):
 * the driver reads a result whole before the first row unless a fetch size is set, and batches it only inside a
 * transaction, so the caller reads in one.
 */
public final class StreamingJdbc {

    private StreamingJdbc() {
    }

    /** A template over the same data source that fetches {@code fetchSize} rows at a time. */
    public static NamedParameterJdbcTemplate of(NamedParameterJdbcTemplate jdbc, int fetchSize) {
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        streaming.setFetchSize(fetchSize);
        return new NamedParameterJdbcTemplate(streaming);
    }
}
