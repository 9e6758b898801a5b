package id.go.jambiprov.dumisake.poverty;

import id.go.jambiprov.dumisake.account.SignedIn;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.poverty.domain.Submission;
import id.go.jambiprov.dumisake.poverty.internal.PovertyFigureService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admins setting the same figure at the same moment: each write is serialised on its region, year and period,
 * so every one of them succeeds, exactly one value counts and the others stay as alternatives (without the lock
 * two writers would both insert a chosen row and one would fail on the one-chosen index). Year 2016 belongs to
 * this class; its rows are removed afterwards.
 */
@ApplicationModuleTest
class PovertyConcurrencyTest {

    private static final int YEAR = 2016;
    private static final int WRITERS = 6;

    @MockitoBean
    AuditTrail audit;

    @Autowired
    PovertyFigureService changes;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeThisClassesFigures() {
        jdbc.update("delete from poverty_figure where year = ?", YEAR);
    }

    @Test
    void concurrentWritersOfOneFigureLeaveExactlyOneChosen() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < WRITERS; i++) {
                BigDecimal rate = new BigDecimal("7.0" + i);
                results.add(pool.submit(() -> {
                    SignedIn.as(SignedIn.ADMIN);
                    try {
                        start.await();
                        return changes.apply(List.of(new Submission(0, YEAR, "15.01", Period.MARET,
                                Map.of(Indicator.POVERTY_RATE, rate), Set.of(), "https://bps.go.id/" + rate, null, null)));
                    } finally {
                        SignedIn.nobody();
                    }
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from poverty_figure where year = ? and chosen", Long.class, YEAR))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from poverty_figure where year = ?", Long.class, YEAR))
                .isEqualTo(WRITERS);
    }
}
