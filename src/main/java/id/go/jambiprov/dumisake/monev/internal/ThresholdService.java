package id.go.jambiprov.dumisake.monev.internal;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.monev.Thresholds;
import id.go.jambiprov.dumisake.monev.domain.MonevSetting;
import id.go.jambiprov.dumisake.monev.domain.MonevSettingRepository;
import id.go.jambiprov.dumisake.monev.domain.TrafficLightPolicy;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** The traffic light's thresholds: read by every monev page, changed by admins, audited. */
@Service
public class ThresholdService {

    static final String CHANGED = "MONEV_SETTING_CHANGED";

    private final MonevSettingRepository settings;
    private final NamedParameterJdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    ThresholdService(MonevSettingRepository settings, NamedParameterJdbcTemplate jdbc, AuditTrail audit, Clock clock) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Thresholds current() {
        return view(setting());
    }

    /**
     * @param expectedVersion the version the admin's form was read at: a change by somebody else in between is
     *                        a {@link StaleVersionException}, never overwritten
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Thresholds change(BigDecimal greenMax, BigDecimal yellowMax, long expectedVersion) {
        MonevSetting setting = setting();
        if (setting.getVersion() != expectedVersion) {
            throw new StaleVersionException("MonevSetting", MonevSetting.ID);
        }
        Map<String, Object> before = state(setting);
        setting.change(greenMax, yellowMax, CurrentUser.username(), OffsetDateTime.now(clock));
        settings.flush();
        audit.record(CHANGED, "MonevSetting", MonevSetting.ID, before, state(setting));
        return view(setting);
    }

    /**
     * The policy the monev reads classify by, in the caller's transaction: its two columns by JDBC, not the entity by
     * JPA, which was a twelfth of the deviation API's time in the JVM (docs/benchmarks.md).
     */
    TrafficLightPolicy policy() {
        return jdbc.queryForObject("select green_max_deviation, yellow_max_deviation from monev_setting where id = :id",
                new MapSqlParameterSource("id", MonevSetting.ID),
                (rs, n) -> new TrafficLightPolicy(rs.getBigDecimal(1), rs.getBigDecimal(2)));
    }

    private MonevSetting setting() {
        return settings.findById(MonevSetting.ID).orElseThrow(() -> new IllegalStateException("monev_setting row 1 is missing"));
    }

    private static Map<String, Object> state(MonevSetting s) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("greenMaxDeviation", s.getGreenMaxDeviation());
        state.put("yellowMaxDeviation", s.getYellowMaxDeviation());
        return state;
    }

    private static Thresholds view(MonevSetting s) {
        return new Thresholds(s.getGreenMaxDeviation(), s.getYellowMaxDeviation(), s.getUpdatedAt(), s.getUpdatedBy(),
                s.getVersion());
    }
}
