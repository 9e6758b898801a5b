package id.go.jambiprov.dumisake.obstacle.domain;

/**
 * The allocation an obstacle is raised on, as far as the obstacle keeps it: where and whose it is (copied so that
 * lists filter without a join; an allocation never moves) and whether it still runs.
 */
public record RaisedOn(long allocationId, int fiscalYear, String opdCode, String kecamatanCode, boolean active) {
}
