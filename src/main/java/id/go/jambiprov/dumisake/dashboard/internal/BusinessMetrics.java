package id.go.jambiprov.dumisake.dashboard.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The programme's own figures for Prometheus: allocated and realised rupiah per fiscal year, and the
 * disbursements waiting for verification. Read from the database once a minute (every instance reports
 * the same database-wide figures), so a scrape never runs a query.
 */
@Component
class BusinessMetrics {

    private final JdbcTemplate jdbc;
    private final MultiGauge allocated;
    private final MultiGauge realised;
    private final AtomicLong waiting = new AtomicLong();

    BusinessMetrics(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.allocated = MultiGauge.builder("dumisake.allocated.rupiah")
                .description("Sum of the active allocations of a fiscal year").register(registry);
        this.realised = MultiGauge.builder("dumisake.realised.rupiah")
                .description("Sum of the verified disbursements of a fiscal year").register(registry);
        Gauge.builder("dumisake.disbursements.waiting", waiting, AtomicLong::get)
                .description("Disbursements submitted and waiting for verification").register(registry);
    }

    @Scheduled(fixedDelayString = "${dumisake.metrics.refresh:PT1M}", initialDelay = 0)
    void refresh() {
        List<Year> years = jdbc.query("""
                        select y.year, coalesce(sum(e.allocated), 0) as allocated, coalesce(sum(e.realised), 0) as realised
                        from fiscal_year y left join envelope e on e.fiscal_year = y.year group by y.year""",
                (rs, n) -> new Year(rs.getInt(1), rs.getBigDecimal(2).doubleValue(), rs.getBigDecimal(3).doubleValue()));
        allocated.register(years.stream().map(y -> MultiGauge.Row.of(Tags.of("year", String.valueOf(y.year())),
                y.allocated())).toList(), true);
        realised.register(years.stream().map(y -> MultiGauge.Row.of(Tags.of("year", String.valueOf(y.year())),
                y.realised())).toList(), true);
        waiting.set(jdbc.queryForObject("select count(*) from disbursement where status = 'SUBMITTED'", Long.class));
    }

    private record Year(int year, double allocated, double realised) {
    }
}
