package id.go.jambiprov.dumisake.dashboard.internal;

import id.go.jambiprov.dumisake.shared.SystemAuthentication;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records the early warnings every night, once for the whole cluster: with several instances behind the
 * load balancer each one's scheduler fires, and the ShedLock row {@code early-warning-record} lets only
 * the first through. It stays held for at least ten minutes, so an instance whose clock runs a little
 * late does not run it again; {@code lockAtMostFor} frees it should the holder die mid-run.
 * <p>
 * {@link BusinessMetrics} is deliberately not locked: every instance must export its own gauges to
 * Prometheus, and reading them changes nothing.
 */
@Component
public class EarlyWarningJob {

    private final EarlyWarningRecord record;

    EarlyWarningJob(EarlyWarningRecord record) {
        this.record = record;
    }

    /** 01:00 WIB, after the day's verifications; {@code -} in the property turns it off. */
    @Scheduled(cron = "${dumisake.early-warnings.cron:0 0 1 * * *}", zone = "Asia/Jakarta")
    @SchedulerLock(name = "early-warning-record", lockAtLeastFor = "PT10M", lockAtMostFor = "PT30M")
    public void run() {
        SystemAuthentication.run(record::recordToday);
    }
}
