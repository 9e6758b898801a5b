package id.go.jambiprov.dumisake.audit;

import id.go.jambiprov.dumisake.shared.db.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit module alone: the trail is written and read without any capability around it. */
@ApplicationModuleTest
class AuditTrailTest {

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DataSource dataSource;

    @Autowired
    LocalPostgres postgres;

    @Test
    void recordsBeforeAndAfterInTheTransactionOfTheChange() {
        transaction.executeWithoutResult(status -> audit.record("TEST_CHANGE", "Test", 42,
                Map.of("amount", "100.00"), Map.of("amount", "150.00")));
        Map<String, Object> event = jdbc.queryForMap("""
                select username, action, entity_id, before_state ->> 'amount' as before_amount,
                       after_state ->> 'amount' as after_amount
                from audit_event where action = 'TEST_CHANGE' order by id desc limit 1""");
        assertThat(event).containsEntry("username", AuditTrail.SYSTEM).containsEntry("entity_id", "42")
                .containsEntry("before_amount", "100.00").containsEntry("after_amount", "150.00");
    }

    @Test
    void recordsEveryRecordOfABulkCreationAsItsOwnEvent() {
        Map<Integer, Map<String, String>> created = new LinkedHashMap<>();
        created.put(901, Map.of("title", "first"));
        created.put(902, Map.of("title", "second"));
        transaction.executeWithoutResult(status -> audit.recordCreated("TEST_BULK", "Test", created));
        assertThat(jdbc.queryForList("""
                        select concat_ws('|', username, entity_type, entity_id, before_state is null,
                                         after_state ->> 'title')
                        from audit_event where action = 'TEST_BULK' order by entity_id""", String.class))
                .containsExactly("system|Test|901|t|first", "system|Test|902|t|second");
    }

    @Test
    void aRolledBackChangeLeavesNoEvent() {
        transaction.executeWithoutResult(status -> {
            audit.record("TEST_ROLLBACK", "Test", 1, null, Map.of());
            status.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'TEST_ROLLBACK'",
                Integer.class)).isZero();
    }

    @Test
    void cannotBeCalledOutsideATransaction() {
        assertThatThrownBy(() -> audit.record("TEST_NO_TX", "Test", 1, null, null))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    /**
     * Code running inside the application (a bug, an injected statement) tries to rewrite the trail through
     * the application's own connections: the runtime role may not, and cannot switch the triggers off.
     */
    @Test
    void theApplicationsRoleCannotChangeOrDeleteAuditEventsEvenWithTheTriggersSwitchedOff() throws SQLException {
        transaction.executeWithoutResult(status -> audit.record("TEST_IMMUTABLE", "Test", 7, null, Map.of()));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(jdbc.queryForObject("""
                    select current_user = ? and not rolsuper and not rolcreaterole and not rolbypassrls
                    from pg_roles where rolname = current_user""", Boolean.class, postgres.appUsername()))
                    .as("the application connects as the runtime role, no superuser").isTrue();
            assertThat(jdbc.queryForObject("""
                    select count(*) from pg_class
                    where relowner = (select oid from pg_roles where rolname = current_user)
                    """, Integer.class)).as("and owns nothing").isZero();

            assertThatThrownBy(() -> statement.execute("set session_replication_role = replica"))
                    .hasMessageContaining("permission denied to set parameter \"session_replication_role\"");
            try (ResultSet mode = statement.executeQuery("show session_replication_role")) {
                assertThat(mode.next()).isTrue();
                assertThat(mode.getString(1)).isEqualTo("origin");
            }
            assertThatThrownBy(() -> statement.executeUpdate(
                    "update audit_event set username = 'x' where action = 'TEST_IMMUTABLE'"))
                    .hasMessageContaining("permission denied for table audit_event");
            assertThatThrownBy(() -> statement.executeUpdate("delete from audit_event where action = 'TEST_IMMUTABLE'"))
                    .hasMessageContaining("permission denied for table audit_event");
            assertThatThrownBy(() -> statement.execute("truncate audit_event"))
                    .hasMessageContaining("permission denied for table audit_event");
            assertThatThrownBy(() -> statement.execute("alter table audit_event disable trigger user"))
                    .hasMessageContaining("must be owner of table audit_event");
            assertThatThrownBy(() -> statement.execute("set role " + postgres.username()))
                    .hasMessageContaining("permission denied to set role");

            assertThat(statement.executeUpdate("""
                    insert into audit_event (username, action, entity_type)
                    values ('system', 'TEST_APPEND', 'Test')"""))
                    .as("adding is what it may do").isEqualTo(1);
        }
        assertThat(jdbc.queryForList("select username from audit_event where action = 'TEST_IMMUTABLE'", String.class))
                .containsExactly(AuditTrail.SYSTEM);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'TEST_APPEND'", Integer.class))
                .isEqualTo(1);
    }

    /**
     * Code running inside the application hides the trail behind a temporary table of the same name on a
     * pooled connection (pg_temp comes first in the search path; the default profile's role may create
     * temporary tables, for the demo loaders): the application still writes and counts the real table.
     */
    @Test
    void aTemporaryTableNamedLikeTheTrailDoesNotHideItFromTheApplication() {
        transaction.executeWithoutResult(status -> {
            jdbc.execute("create temporary table audit_event (like public.audit_event including all) on commit drop");
            jdbc.update("""
                    insert into audit_event (username, action, entity_type) values ('system', 'TEST_SHADOW', 'Test')""");
            assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'TEST_SHADOW'",
                    Integer.class)).as("unqualified, the name now means the temporary table").isEqualTo(1);

            audit.record("TEST_SHADOW", "Test", 9, null, Map.of());
            audit.recordCreated("TEST_SHADOW", "Test", Map.of(10, Map.of()));
            assertThat(audit.countRecentLocked("TEST_SHADOW", Duration.ofMinutes(1)).count())
                    .as("the count reads the real trail").isEqualTo(2);
            assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'TEST_SHADOW'",
                    Integer.class)).as("nothing the application wrote went to the temporary table").isEqualTo(1);
        });
        assertThat(jdbc.queryForList("""
                        select entity_id from audit_event where action = 'TEST_SHADOW' order by entity_id""",
                String.class)).containsExactly("10", "9");
    }

    /** The triggers hold the same rule against the owner, who has the privileges (migrations, a console). */
    @Test
    void theDatabaseRefusesTheOwnerToChangeOrDeleteAuditEvents() throws SQLException {
        transaction.executeWithoutResult(status -> audit.record("TEST_IMMUTABLE_OWNER", "Test", 8, null, Map.of()));
        try (Connection owner = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), "");
             Statement statement = owner.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(
                    "update audit_event set username = 'x' where action = 'TEST_IMMUTABLE_OWNER'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate(
                    "delete from audit_event where action = 'TEST_IMMUTABLE_OWNER'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.execute("truncate audit_event")).hasMessageContaining("append-only");
        }
    }
}
