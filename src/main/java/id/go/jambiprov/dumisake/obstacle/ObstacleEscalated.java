package id.go.jambiprov.dumisake.obstacle;

/** An OPD asked the expert team for support with an obstacle ("perlu dukungan pimpinan"). */
public record ObstacleEscalated(long obstacleId, long allocationId, int fiscalYear, String opdCode,
                                String kecamatanCode, String description, String escalatedBy) {
}
