package id.go.jambiprov.dumisake.obstacle.api;

import id.go.jambiprov.dumisake.obstacle.NewFollowUp;
import id.go.jambiprov.dumisake.obstacle.NewObstacle;
import id.go.jambiprov.dumisake.obstacle.ObstacleCategory;
import id.go.jambiprov.dumisake.obstacle.ObstacleDetails;
import id.go.jambiprov.dumisake.obstacle.ObstacleFilter;
import id.go.jambiprov.dumisake.obstacle.ObstacleStatus;
import id.go.jambiprov.dumisake.obstacle.ObstacleSummary;
import id.go.jambiprov.dumisake.obstacle.Obstacles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * Obstacles for scripts. A change may name the {@code version} it was made from (409 when somebody changed the
 * obstacle since); without one it applies to the obstacle as it is.
 */
@RestController
class ObstacleApiController {

    private static final int MAX_PAGE_SIZE = 200;

    private final Obstacles obstacles;

    ObstacleApiController(Obstacles obstacles) {
        this.obstacles = obstacles;
    }

    @GetMapping("/api/v1/obstacles")
    PageResponse<ObstacleSummary> search(@RequestParam(required = false) Integer year,
                                 @RequestParam(required = false) String opdCode,
                                 @RequestParam(required = false) String kecamatanCode,
                                 @RequestParam(required = false) ObstacleStatus status,
                                 @RequestParam(required = false) ObstacleCategory category,
                                 @RequestParam(required = false) Boolean escalated,
                                 @PageableDefault(size = 50) Pageable pageable) {
        return PageResponse.of(obstacles.search(new ObstacleFilter(year, opdCode, kecamatanCode, status, category,
                escalated), PageRequest.of(pageable.getPageNumber(), Math.min(pageable.getPageSize(), MAX_PAGE_SIZE))));
    }

    @GetMapping("/api/v1/obstacles/{obstacleId}")
    ObstacleDetails get(@PathVariable("obstacleId") long id) {
        return obstacles.get(id);
    }

    @PostMapping("/api/v1/obstacles")
    ResponseEntity<ObstacleDetails> raise(@Valid @RequestBody RaiseRequest request) {
        ObstacleDetails raised = obstacles.raise(new NewObstacle(request.allocationId(), request.category(),
                request.description(), request.since(), request.progressReportId()));
        return ResponseEntity.created(URI.create("/api/v1/obstacles/" + raised.id())).body(raised);
    }

    @PostMapping("/api/v1/obstacles/{obstacleId}/follow-ups")
    ObstacleDetails followUp(@PathVariable("obstacleId") long id, @Valid @RequestBody FollowUpRequest request) {
        return obstacles.followUp(id, new NewFollowUp(request.action(), request.responsible(), request.dueDate()),
                request.version());
    }

    @PostMapping("/api/v1/obstacles/{obstacleId}/escalate")
    ObstacleDetails escalate(@PathVariable("obstacleId") long id,
                             @RequestBody(required = false) VersionRequest request) {
        return obstacles.escalate(id, request == null ? null : request.version());
    }

    @PostMapping("/api/v1/obstacles/{obstacleId}/resolve")
    ObstacleDetails resolve(@PathVariable("obstacleId") long id, @Valid @RequestBody ResolveRequest request) {
        return obstacles.resolve(id, request.resolution(), request.version());
    }

    @PostMapping("/api/v1/obstacles/{obstacleId}/comments")
    ObstacleDetails comment(@PathVariable("obstacleId") long id, @Valid @RequestBody CommentRequest request) {
        return obstacles.comment(id, request.text());
    }

    record RaiseRequest(@NotNull @Positive Long allocationId, @NotNull ObstacleCategory category,
                        @NotBlank @Size(max = 2000) String description, @NotNull LocalDate since,
                        @Positive Long progressReportId) {
    }

    record FollowUpRequest(@NotBlank @Size(max = 1000) String action, @NotBlank @Size(max = 200) String responsible,
                           @NotNull LocalDate dueDate, Long version) {
    }

    record ResolveRequest(@NotBlank @Size(max = 2000) String resolution, Long version) {
    }

    record CommentRequest(@NotBlank @Size(max = 2000) String text) {
    }

    record VersionRequest(Long version) {
    }

    record PageResponse<T>(List<T> content, int page, int size, long totalElements, int totalPages) {
        static <T> PageResponse<T> of(Page<T> page) {
            return new PageResponse<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                    page.getTotalPages());
        }
    }
}
