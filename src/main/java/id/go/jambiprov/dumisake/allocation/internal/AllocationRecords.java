package id.go.jambiprov.dumisake.allocation.internal;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.NewAllocation;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows and audit events of allocation changes: new allocations get their ids and audit events before the
 * envelope lock and are written in one JDBC batch under it; revisions and cancellations record before → after.
 */
@Component
class AllocationRecords {

    private static final String ENTITY = "Allocation";

    private final NewAllocationChecks checks;
    private final NamedParameterJdbcTemplate jdbc;
    private final AuditTrail audit;

    AllocationRecords(NewAllocationChecks checks, NamedParameterJdbcTemplate jdbc, AuditTrail audit) {
        this.checks = checks;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Checks the requests, takes their ids from the sequence and records their audit events: the created
     * allocations as they will be once inserted.
     */
    List<AllocationView> prepare(List<NewAllocation> requests) {
        NewAllocationChecks.Lookups lookups = checks.forRequests(requests);
        List<NewAllocationChecks.Checked> checked = requests.stream().map(lookups::check).toList();
        List<Long> ids = jdbc.queryForList(
                "select nextval(pg_get_serial_sequence('allocation', 'id')) from generate_series(1, :n)",
                new MapSqlParameterSource("n", requests.size()), Long.class);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        String by = CurrentUser.username();
        List<AllocationView> created = new ArrayList<>(requests.size());
        Map<Long, Map<String, Object>> audited = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            AllocationView allocation = checked.get(i).created(ids.get(i), requests.get(i), now, by);
            created.add(allocation);
            audited.put(allocation.id(), state(allocation));
        }
        audit.recordCreated("ALLOCATION_CREATED", ENTITY, audited);
        return created;
    }

    void insert(List<AllocationView> created) {
        jdbc.batchUpdate("""
                        insert into allocation (id, fiscal_year, kecamatan_code, opd_code, programme_code, mechanism,
                            desa_code, title, amount, planned_month, status, created_at, created_by, updated_at,
                            updated_by)
                        overriding system value
                        values (:id, :year, :kecamatan, :opd, :programme, :mechanism, :desa, :title, :amount, :month,
                            'ACTIVE', :at, :by, :at, :by)""",
                created.stream().map(a -> new MapSqlParameterSource("id", a.id()).addValue("year", a.year())
                                .addValue("kecamatan", a.kecamatanCode()).addValue("opd", a.opdCode())
                                .addValue("programme", a.programmeCode()).addValue("mechanism", a.mechanism().name())
                                .addValue("desa", a.desaCode()).addValue("title", a.title())
                                .addValue("amount", a.amount()).addValue("month", a.plannedMonth())
                                .addValue("at", a.createdAt()).addValue("by", a.createdBy()))
                        .toArray(MapSqlParameterSource[]::new));
    }

    void recordChange(String action, AllocationView before, AllocationView after) {
        audit.record(action, ENTITY, after.id(), state(before), state(after));
    }

    private static Map<String, Object> state(AllocationView a) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("year", a.year());
        state.put("kecamatanCode", a.kecamatanCode());
        state.put("opdCode", a.opdCode());
        state.put("programmeCode", a.programmeCode());
        state.put("mechanism", a.mechanism());
        state.put("desaCode", a.desaCode());
        state.put("title", a.title());
        state.put("amount", a.amount());
        state.put("plannedMonth", a.plannedMonth());
        state.put("status", a.status());
        state.put("cancelReason", a.cancelReason());
        state.put("version", a.version());
        return state;
    }
}
