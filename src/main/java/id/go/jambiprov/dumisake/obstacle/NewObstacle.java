package id.go.jambiprov.dumisake.obstacle;

import java.time.LocalDate;

/** An obstacle an OPD raises on one of its allocations, optionally from one of its progress reports. */
public record NewObstacle(long allocationId, ObstacleCategory category, String description, LocalDate since,
                          Long progressReportId) {
}
