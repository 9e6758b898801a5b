package id.go.jambiprov.dumisake.obstacle;

/** What the obstacle list is narrowed to; every field may be null (no narrowing). */
public record ObstacleFilter(Integer year, String opdCode, String kecamatanCode, ObstacleStatus status,
                             ObstacleCategory category, Boolean escalated) {
}
