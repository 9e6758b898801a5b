package id.go.jambiprov.dumisake.beneficiary.internal;

import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The rows of the import jobs as the import writes them (read by {@link ImportJobQueries}). Progress is written in transactions of its own, so that the page polling a
 * job sees it while the import's own transaction is still open.
 *
 * <p>A job that is queued or running holds a PostgreSQL session advisory lock on a connection of its own
 * until it ends. When the application (or one instance of several) stops mid-import, its connections close
 * and the lock goes with them; {@link #failAbandoned()} then finds the job unlocked and marks it failed.
 * A timeout would either wait too long or fail a slow import that is still running on another instance.
 */
@Service
public class ImportJobStore {

    /** First key of the advisory locks of import jobs (the second is the job id). */
    static final int LOCK_CLASS = 1_060_006;

    private final NamedParameterJdbcTemplate jdbc;
    private final DataSource dataSource;
    private final JsonMapper json;
    /** This store through its proxy, so that its own calls get their transactions too. */
    private final ImportJobStore self;

    ImportJobStore(NamedParameterJdbcTemplate jdbc, DataSource dataSource, JsonMapper json, @Lazy ImportJobStore self) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.json = json;
        this.self = self;
    }

    /** A job being worked on: closing it releases its lock (and fails it, should nobody have ended it). */
    public final class Handle implements AutoCloseable {

        public final long id;
        private final Connection lockConnection;

        private Handle(long id, Connection lockConnection) {
            this.id = id;
            this.lockConnection = lockConnection;
        }

        @Override
        public void close() {
            try {
                self.stopped(id, ImportJobStatus.FAILED, "IMPORT_FAILED", null);
            } finally {
                try (lockConnection; PreparedStatement unlock = lockConnection.prepareStatement(
                        "select pg_advisory_unlock(?, ?)")) {
                    unlock.setInt(1, LOCK_CLASS);
                    unlock.setInt(2, lockKey(id));
                    unlock.execute();
                } catch (SQLException e) {
                    // the connection is broken: the database ends its session and the lock with it
                }
            }
        }
    }

    /**
     * A new QUEUED job of the uploader, locked. Refused with {@code IMPORT_RUNNING} while another job of the
     * same OPD (or admin account) is queued or running; a job left behind by a stopped instance does not count.
     */
    public Handle open(String fileName, String username, String opdCode) {
        for (int attempt = 0; ; attempt++) {
            try {
                return tryOpen(fileName, username, opdCode);
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw new IllegalStateException("Cannot create the import job: " + e.getMessage(), e);
                }
                if (attempt > 0 || self.failAbandoned() == 0) {
                    Long running = jdbc.query("""
                                    select id from beneficiary_import where status in ('QUEUED', 'RUNNING')
                                      and coalesce(opd_code, '@' || created_by) = coalesce(:opd, '@' || :by)""",
                            new MapSqlParameterSource("opd", opdCode).addValue("by", username),
                            (rs, n) -> rs.getLong(1)).stream().findFirst().orElse(0L);
                    throw new BusinessRuleException("IMPORT_RUNNING", "import.running", String.valueOf(running))
                            .with("importId", running);
                }
            }
        }
    }

    /** Inserts and locks in one transaction of the lock's own connection: no sweep can see it unlocked. */
    private Handle tryOpen(String fileName, String username, String opdCode) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            long id;
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into beneficiary_import (file_name, rows_read, created_by, opd_code, status, phase)
                    values (?, 0, ?, ?, 'QUEUED', 'QUEUED') returning id""")) {
                insert.setString(1, fileName.length() > 255 ? fileName.substring(0, 255) : fileName);
                insert.setString(2, username);
                insert.setString(3, opdCode);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?, ?)")) {
                lock.setInt(1, LOCK_CLASS);
                lock.setInt(2, lockKey(id));
                lock.execute();
            }
            connection.commit();
            connection.setAutoCommit(true);
            return new Handle(id, connection);
        } catch (SQLException | RuntimeException e) {
            try (connection) {
                connection.rollback();
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // closing returns it to the pool, which resets or evicts it
            }
            throw e;
        }
    }

    static int lockKey(long id) {
        return (int) (id % Integer.MAX_VALUE);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void started(long id) {
        update("status = 'RUNNING', phase = 'READING', started_at = now()", id, new MapSqlParameterSource());
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void read(long id, int rows) {
        update("phase = 'VALIDATING', rows_read = :rows", id, new MapSqlParameterSource("rows", rows));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void validated(long id, int rows) {
        update("rows_validated = :rows", id, new MapSqlParameterSource("rows", rows));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void writing(long id, int toWrite, int written) {
        update("phase = 'WRITING', records_to_write = :toWrite, records_written = :written", id,
                new MapSqlParameterSource("toWrite", toWrite).addValue("written", written));
    }

    /**
     * Ends a job that is still queued or running as refused or failed (nothing written); {@code message} as
     * the uploader should read it, or null when the code's own text says it.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void stopped(long id, ImportJobStatus status, String code, String message) {
        jdbc.update("""
                        update beneficiary_import set status = :status, phase = 'DONE', failure_code = :code,
                               failure_message = :message, finished_at = now(), updated_at = now()
                        where id = :id and status in ('QUEUED', 'RUNNING')""",
                new MapSqlParameterSource("id", id).addValue("status", status.name()).addValue("code", code)
                        .addValue("message", message == null || message.length() <= 1000 ? message
                                : message.substring(0, 1000)));
    }

    /** The result of a job, written in the import's own transaction so that it commits with the data. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void finished(long id, ImportJobStatus status, int rowsRead, int created, int aid, int written,
                         List<ImportError> errors, List<ImportError> preview, String report) {
        jdbc.update("""
                        update beneficiary_import set status = :status, phase = 'DONE', rows_read = :rows,
                               rows_validated = :rows, beneficiaries_created = :created, aid_created = :aid,
                               records_written = :written, records_to_write = greatest(records_to_write, :written),
                               error_count = :errors, error_report = :report,
                               error_preview = cast(:preview as jsonb), finished_at = now(), updated_at = now()
                        where id = :id""",
                new MapSqlParameterSource("id", id).addValue("status", status.name()).addValue("rows", rowsRead)
                        .addValue("created", created).addValue("aid", aid).addValue("written", written)
                        .addValue("errors", errors.size()).addValue("report", report)
                        .addValue("preview", errors.isEmpty() ? null : json.writeValueAsString(preview)));
    }

    /**
     * Marks failed every queued or running job whose lock nobody holds: its instance stopped mid-import.
     * The locks are tried within this transaction only, and released at its end.
     *
     * @return how many jobs it failed
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int failAbandoned() {
        return jdbc.update("""
                update beneficiary_import set status = 'FAILED', phase = 'DONE', failure_code = 'IMPORT_INTERRUPTED',
                       failure_message = null, finished_at = now(), updated_at = now()
                where status in ('QUEUED', 'RUNNING')
                  and pg_try_advisory_xact_lock(:lockClass, (id % 2147483647)::int)""",
                new MapSqlParameterSource("lockClass", LOCK_CLASS));
    }

    private void update(String set, long id, MapSqlParameterSource params) {
        jdbc.update("update beneficiary_import set " + set + ", updated_at = now() where id = :id"
                + " and status in ('QUEUED', 'RUNNING')", params.addValue("id", id));
    }
}
