package id.go.jambiprov.dumisake.obstacle.internal;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.account.OpdScope;
import id.go.jambiprov.dumisake.account.Role;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.obstacle.NewFollowUp;
import id.go.jambiprov.dumisake.obstacle.NewObstacle;
import id.go.jambiprov.dumisake.obstacle.ObstacleCommented;
import id.go.jambiprov.dumisake.obstacle.ObstacleDetails;
import id.go.jambiprov.dumisake.obstacle.ObstacleEscalated;
import id.go.jambiprov.dumisake.obstacle.domain.Obstacle;
import id.go.jambiprov.dumisake.obstacle.domain.ObstacleRepository;
import id.go.jambiprov.dumisake.obstacle.domain.RaisedOn;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The changes to obstacles, each in one transaction with its audit event and, for an escalation or a comment of
 * the expert team or an admin, the event others hear of it by. The OPD's operator raises, follows up and
 * escalates its own; the OPD or an admin resolves; everybody may comment. A closed fiscal year is read only.
 * What is allowed when is {@link Obstacle}'s to decide.
 */
@Service
@Transactional
public class ObstacleService {

    private static final String ENTITY = "Obstacle";

    private final ObstacleRepository obstacles;
    private final ObstacleQueries queries;
    private final Allocations allocations;
    private final FiscalYearService fiscalYears;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ObstacleService(ObstacleRepository obstacles, ObstacleQueries queries, Allocations allocations,
                    FiscalYearService fiscalYears, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.obstacles = obstacles;
        this.queries = queries;
        this.allocations = allocations;
        this.fiscalYears = fiscalYears;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('OPD_OPERATOR')")
    public ObstacleDetails raise(NewObstacle request) {
        AllocationView allocation = allocations.get(request.allocationId());
        fiscalYears.requireOpen(allocation.year());
        if (request.progressReportId() != null
                && !queries.reportOfAllocation(request.progressReportId(), allocation.id())) {
            throw new BusinessRuleException("REPORT_NOT_OF_ALLOCATION", "obstacle.error.reportNotOfAllocation",
                    request.progressReportId(), allocation.id());
        }
        Obstacle obstacle = Obstacle.raise(new RaisedOn(allocation.id(), allocation.year(), allocation.opdCode(),
                        allocation.kecamatanCode(), allocation.active()), request.progressReportId(), request.category(),
                request.description(), request.since(), CurrentUser.username(), now());
        obstacles.saveAndFlush(obstacle);
        audit.record("OBSTACLE_RAISED", ENTITY, obstacle.getId(), null, state(obstacle));
        return queries.get(obstacle.getId());
    }

    @PreAuthorize("hasRole('OPD_OPERATOR')")
    public ObstacleDetails followUp(long id, NewFollowUp followUp, Long expectedVersion) {
        return change(id, expectedVersion, "OBSTACLE_FOLLOWED_UP", obstacle -> obstacle.followUp(followUp.action(),
                followUp.responsible(), followUp.dueDate(), CurrentUser.username(), now()), obstacle -> {
            Map<String, Object> after = state(obstacle);
            after.put("followUpAction", followUp.action().strip());
            after.put("followUpResponsible", followUp.responsible().strip());
            after.put("followUpDueDate", followUp.dueDate());
            return after;
        });
    }

    @PreAuthorize("hasRole('OPD_OPERATOR')")
    public ObstacleDetails escalate(long id, Long expectedVersion) {
        ObstacleDetails escalated = change(id, expectedVersion, "OBSTACLE_ESCALATED",
                obstacle -> obstacle.escalate(CurrentUser.username(), now()), ObstacleService::state);
        events.publishEvent(new ObstacleEscalated(escalated.id(), escalated.allocationId(), escalated.year(),
                escalated.opdCode(), escalated.kecamatanCode(), escalated.description(), escalated.escalatedBy()));
        return escalated;
    }

    @PreAuthorize("hasAnyRole('OPD_OPERATOR', 'ADMIN')")
    public ObstacleDetails resolve(long id, String resolution, Long expectedVersion) {
        return change(id, expectedVersion, "OBSTACLE_RESOLVED",
                obstacle -> obstacle.resolve(resolution, CurrentUser.username(), now()), ObstacleService::state);
    }

    /** Anybody who may see the obstacle may write in its thread; the OPD hears of what others write. */
    @PreAuthorize("hasAnyRole('OPD_OPERATOR', 'EXPERT', 'ADMIN')")
    public ObstacleDetails comment(long id, String text) {
        ObstacleDetails commented = change(id, null, "OBSTACLE_COMMENTED",
                obstacle -> obstacle.comment(text, CurrentUser.username(), now()), obstacle -> {
                    Map<String, Object> after = state(obstacle);
                    after.put("obstacleComment", text.strip());
                    return after;
                });
        if (CurrentUser.get().role() != Role.OPD_OPERATOR) {
            events.publishEvent(new ObstacleCommented(commented.id(), commented.allocationId(), commented.opdCode(),
                    commented.description(), CurrentUser.username()));
        }
        return commented;
    }

    /**
     * Loads the obstacle as the caller may see it, refuses a stale version and a closed year, lets {@code change}
     * apply the rule, and records what it became.
     */
    private ObstacleDetails change(long id, Long expectedVersion, String action, Consumer<Obstacle> change,
                                   Function<Obstacle, Map<String, Object>> after) {
        Obstacle obstacle = obstacles.findById(id).orElseThrow(() -> new NotFoundException("obstacle.notFound", id));
        OpdScope.check(obstacle.getOpdCode(), () -> new NotFoundException("obstacle.notFound", id));
        if (expectedVersion != null && expectedVersion != obstacle.getVersion()) {
            throw new StaleVersionException(ENTITY, id);
        }
        fiscalYears.requireOpen(obstacle.getFiscalYear());
        Map<String, Object> before = state(obstacle);
        change.accept(obstacle);
        obstacles.flush();
        audit.record(action, ENTITY, id, before, after.apply(obstacle));
        return queries.get(id);
    }

    /** What the audit trail keeps of an obstacle; field names distinct from other records' (their labels are shared). */
    private static Map<String, Object> state(Obstacle obstacle) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("allocationId", obstacle.getAllocationId());
        state.put("obstacleCategory", obstacle.getCategory().name());
        state.put("description", obstacle.getDescription());
        state.put("obstacleSince", obstacle.getSince());
        state.put("status", obstacle.getStatus().name());
        state.put("escalatedAt", obstacle.getEscalatedAt());
        state.put("escalatedBy", obstacle.getEscalatedBy());
        state.put("resolution", obstacle.getResolution());
        state.put("version", obstacle.getVersion());
        return state;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
