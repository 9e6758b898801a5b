package id.go.jambiprov.dumisake.monev.internal;

import id.go.jambiprov.dumisake.monev.DeviationRow;
import id.go.jambiprov.dumisake.monev.TrafficLight;

import java.util.List;

/**
 * "Kenapa belum jalan?": the kecamatan and allocations that have not started or are red, with their open
 * obstacles (escalated first), and the open obstacles of the scope by category and OPD.
 *
 * @param month       the last closed month the figures are measured at
 * @param allocations the stalled allocations shown, at most {@link StalledService#SHOWN}, escalated first
 * @param stalled     how many allocations are stalled in all
 */
public record StalledView(int month, List<Kecamatan> kecamatan, List<Allocation> allocations, int stalled,
                          long notStarted, long red, int openObstacles, long escalatedObstacles,
                          List<String> categories, List<OpdObstacles> obstaclesByOpd) {

    public boolean truncated() {
        return allocations.size() < stalled;
    }

    public record Allocation(long id, String title, String opdName, String kecamatanCode, String kecamatanName, String kabupatenKotaName,
                             DeviationRow figures, boolean notStarted, List<OpenObstacle> obstacles) {

        public boolean escalated() {
            return obstacles.stream().anyMatch(OpenObstacle::escalated);
        }

        public boolean red() {
            return figures.status() == TrafficLight.RED;
        }
    }

    public record Kecamatan(String code, String name, String kabupatenKotaName, int notStarted, int red,
                            int openObstacles, int escalatedObstacles) {
    }

    /** One OPD's open obstacles, counted per category in the order of {@code categories}. */
    public record OpdObstacles(String opdCode, String opdName, List<Integer> counts, int total) {
    }
}
