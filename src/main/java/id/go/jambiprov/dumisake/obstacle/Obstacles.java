package id.go.jambiprov.dumisake.obstacle;

import id.go.jambiprov.dumisake.obstacle.internal.ObstacleQueries;
import id.go.jambiprov.dumisake.obstacle.internal.ObstacleService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * What the pages, the API, the demo data and other capabilities may ask of the obstacles, as the signed-in caller:
 * an operator sees and changes only its own OPD's ({@code NotFoundException} for another's), the expert team reads
 * everything and only comments. Refusals are {@code BusinessRuleException}s with a code; a stale
 * {@code expectedVersion} (null: not checked) is a {@code StaleVersionException}.
 */
@Service
public class Obstacles {

    private final ObstacleService changes;
    private final ObstacleQueries queries;

    Obstacles(ObstacleService changes, ObstacleQueries queries) {
        this.changes = changes;
        this.queries = queries;
    }

    public ObstacleDetails raise(NewObstacle request) {
        return changes.raise(request);
    }

    public ObstacleDetails followUp(long id, NewFollowUp followUp, Long expectedVersion) {
        return changes.followUp(id, followUp, expectedVersion);
    }

    /** Asks the expert team for support; {@link ObstacleEscalated} tells them. */
    public ObstacleDetails escalate(long id, Long expectedVersion) {
        return changes.escalate(id, expectedVersion);
    }

    public ObstacleDetails resolve(long id, String resolution, Long expectedVersion) {
        return changes.resolve(id, resolution, expectedVersion);
    }

    /** A message in the thread; when the expert team or an admin writes it, {@link ObstacleCommented} tells the OPD. */
    public ObstacleDetails comment(long id, String text) {
        return changes.comment(id, text);
    }

    public ObstacleDetails get(long id) {
        return queries.get(id);
    }

    public Page<ObstacleSummary> search(ObstacleFilter filter, Pageable pageable) {
        return queries.search(filter, pageable);
    }

    public List<ObstacleSummary> ofAllocation(long allocationId) {
        return queries.ofAllocation(allocationId);
    }
}
