package id.go.jambiprov.dumisake.progress.internal;

import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.progress.OutputTarget;
import id.go.jambiprov.dumisake.progress.OutputTargetViolation;
import id.go.jambiprov.dumisake.progress.OutputView;
import id.go.jambiprov.dumisake.progress.domain.AllocationOutput;
import id.go.jambiprov.dumisake.progress.domain.AllocationOutputRepository;
import id.go.jambiprov.dumisake.progress.domain.OutputTargetRules;
import id.go.jambiprov.dumisake.progress.domain.OutputTargetsRefused;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sets the output targets of an allocation as one list: rows with an id change that indicator, rows without one add
 * an indicator, and indicators left out are removed — unless a report already counted what they achieved. The admin
 * or the allocation's OPD sets them (anyone else's allocation is "not found"), in an open year only.
 */
@Service
@Transactional
public class OutputTargetService {

    static final String ENTITY = "OutputTargets";

    private final AllocationOutputRepository outputs;
    private final ProgressQueries queries;
    private final Allocations allocations;
    private final FiscalYearService fiscalYears;
    private final NamedParameterJdbcTemplate jdbc;
    private final AuditTrail audit;

    OutputTargetService(AllocationOutputRepository outputs, ProgressQueries queries, Allocations allocations,
                        FiscalYearService fiscalYears, NamedParameterJdbcTemplate jdbc, AuditTrail audit) {
        this.outputs = outputs;
        this.queries = queries;
        this.allocations = allocations;
        this.fiscalYears = fiscalYears;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'OPD_OPERATOR')")
    public List<OutputView> replace(long allocationId, List<OutputTarget> targets) {
        AllocationView allocation = allocations.get(allocationId);
        fiscalYears.requireOpen(allocation.year());
        List<OutputTargetViolation> violations = OutputTargetRules.check(targets);
        if (!violations.isEmpty()) {
            throw new OutputTargetsRefused(violations);
        }
        ProgressLocks.lock(jdbc, allocationId);
        List<AllocationOutput> existing = outputs.findByAllocationIdOrderByPositionAscIdAsc(allocationId);
        String before = describe(existing);
        Map<Long, AllocationOutput> byId = existing.stream()
                .collect(Collectors.toMap(AllocationOutput::getId, Function.identity()));
        Set<Long> kept = new HashSet<>();
        List<AllocationOutput> added = new ArrayList<>();
        for (int position = 0; position < targets.size(); position++) {
            OutputTarget target = targets.get(position);
            if (target.id() == null) {
                added.add(new AllocationOutput(allocationId, target.name(), target.unit(), target.target(), position));
                continue;
            }
            AllocationOutput output = byId.get(target.id());
            if (output == null) {
                throw new BusinessRuleException("OUTPUT_UNKNOWN", "progress.output.unknown", target.id());
            }
            if (target.version() != null && target.version() != output.getVersion()) {
                throw new StaleVersionException(ENTITY, allocationId);
            }
            output.change(target.name(), target.unit(), target.target(), position);
            kept.add(target.id());
        }
        List<AllocationOutput> removed = existing.stream().filter(o -> !kept.contains(o.getId())).toList();
        requireNotReported(removed);
        outputs.deleteAll(removed);
        // removed first: a new row may take the name an old one had, and the names are unique per allocation
        outputs.flush();
        outputs.saveAllAndFlush(added);
        List<OutputView> after = queries.outputs(allocationId);
        String described = describeViews(after);
        if (!Objects.equals(described, before)) {
            audit.record("OUTPUT_TARGETS_SET", ENTITY, allocationId, state(allocation, before),
                    state(allocation, described));
        }
        return after;
    }

    private void requireNotReported(List<AllocationOutput> removed) {
        for (AllocationOutput output : removed) {
            Boolean reported = jdbc.queryForObject(
                    "select exists (select 1 from progress_report_output where output_id = :id)",
                    new MapSqlParameterSource("id", output.getId()), Boolean.class);
            if (Boolean.TRUE.equals(reported)) {
                throw new BusinessRuleException("OUTPUT_REPORTED", "progress.output.reported", output.getName());
            }
        }
    }

    private static Map<String, Object> state(AllocationView allocation, String outputs) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("allocationId", allocation.id());
        state.put("title", allocation.title());
        state.put("outputs", outputs);
        return state;
    }

    /** "Rumah layak huni: 12 unit rumah; …" — the whole list in one readable line for the audit trail; null: none. */
    private static String describe(List<AllocationOutput> outputs) {
        return joined(outputs.stream().map(o -> line(o.getName(), o.getTarget(), o.getUnit())).toList());
    }

    private static String describeViews(List<OutputView> outputs) {
        return joined(outputs.stream().map(o -> line(o.name(), o.target(), o.unit())).toList());
    }

    private static String joined(List<String> lines) {
        return lines.isEmpty() ? null : String.join("; ", lines);
    }

    static String line(String name, BigDecimal volume, String unit) {
        return name + ": " + volume.stripTrailingZeros().toPlainString() + " " + unit;
    }
}
