package id.go.jambiprov.dumisake.demo.scale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/** The scale data generator's steps: each a transaction of its own, timed and logged with its row count. */
final class ScaleSteps {

    private static final Logger log = LoggerFactory.getLogger(ScaleSteps.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    ScaleSteps(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Runs {@code work} in a transaction of its own (or the caller's, when one is open) and logs its time. */
    int step(String what, Supplier<Integer> work) {
        return transaction.execute(status -> {
            // the staged rows of a year are sorted and summed in memory instead of in temporary files
            jdbc.execute("set local work_mem = '128MB'");
            return timed(what, work);
        });
    }

    /** Runs {@code work} in the transaction that is open and logs its time. */
    int timed(String what, Supplier<Integer> work) {
        long began = System.nanoTime();
        int rows = work.get();
        log.info("Scale data: {}: {} rows in {} s", what, rows, seconds(System.nanoTime() - began));
        return rows;
    }

    static String seconds(long nanos) {
        return String.format("%.1f", nanos / 1e9);
    }
}
