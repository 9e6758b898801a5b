package id.go.jambiprov.dumisake.notification;

import id.go.jambiprov.dumisake.disbursement.DisbursementRejected;
import id.go.jambiprov.dumisake.region.RegionService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances announcing one occurrence at the same time, each in its own open transaction (as two listeners
 * of a replayed event, or two reminder runs): the second insert waits for the first on the unique key and then
 * adds nothing. Commits, so it removes its accounts afterwards.
 */
@ApplicationModuleTest
@DigestMailSettings
class NotificationConcurrencyTest {

    private static final int INSTANCES = 4;

    @MockitoBean
    RegionService regions;

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    /**
     * Four transactions at once need four connections, and the pool keeps two between tests: it grows here, one
     * connection after the other, instead of while the four wait for theirs (once, under the whole suite's load, the
     * last of them waited out the five-second timeout while the pool had grown to three).
     */
    @BeforeEach
    void fourConnections() throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < INSTANCES; i++) {
                held.add(dataSource.getConnection());
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    @BeforeEach
    void anOperator() {
        jdbc.update("insert into user_account (username, full_name, password_hash, role, opd_code) values ('uji-k-disdik', 'Uji', 'x', 'OPD_OPERATOR', 'DISDIK')");
    }

    @AfterEach
    void remove() {
        jdbc.update("delete from notification where recipient = 'uji-k-disdik'");
        jdbc.update("delete from user_account where username = 'uji-k-disdik'");
    }

    @Test
    void simultaneousDeliveriesOfOneOccurrenceStoreItOnce() throws Exception {
        DisbursementRejected rejected = new DisbursementRejected(9101, 1, "Beasiswa", "DISDIK", "Gunung Raya", 1,
                "SPJ belum lengkap", "admin", 2);
        CountDownLatch allInserted = new CountDownLatch(1);
        CountDownLatch firstInserted = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(INSTANCES);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                boolean first = i == 0;
                runs.add(instances.submit(() -> transactions.executeWithoutResult(status -> {
                    if (!first) {
                        await(firstInserted);
                    }
                    events.publishEvent(rejected);
                    if (first) {
                        firstInserted.countDown();
                        // the others are now blocked on the unique key, waiting for this transaction
                        await(allInserted);
                    }
                })));
            }
            Thread.sleep(500);
            allInserted.countDown();
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            instances.shutdownNow();
        }

        assertThat(jdbc.queryForObject("select count(*) from notification where recipient = 'uji-k-disdik'",
                Integer.class)).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
