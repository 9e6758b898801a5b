package id.go.jambiprov.dumisake.obstacle;

/** An expert or an admin commented on an obstacle; its OPD should read it. */
public record ObstacleCommented(long obstacleId, long allocationId, String opdCode, String description,
                                String commentedBy) {
}
