package id.go.jambiprov.dumisake.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class AuditTrailTest {

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

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

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditEvents() {
        transaction.executeWithoutResult(status -> audit.record("TEST_IMMUTABLE", "Test", 7, null, Map.of()));
        assertThatThrownBy(() -> jdbc.update("update audit_event set username = 'x' where action = 'TEST_IMMUTABLE'"))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where action = 'TEST_IMMUTABLE'"))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate audit_event")).hasStackTraceContaining("append-only");
    }
}
