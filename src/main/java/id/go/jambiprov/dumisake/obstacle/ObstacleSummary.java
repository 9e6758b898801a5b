package id.go.jambiprov.dumisake.obstacle;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One obstacle as a list shows it, with the names of its allocation, kecamatan and OPD. */
public record ObstacleSummary(long id, long allocationId, String allocationTitle, int year, String opdCode,
                              String kecamatanCode, String kecamatanName, String kabupatenKotaName,
                              ObstacleCategory category, String description, LocalDate since, ObstacleStatus status,
                              OffsetDateTime escalatedAt, int followUps, int comments, OffsetDateTime createdAt) {

    public boolean escalated() {
        return escalatedAt != null;
    }
}
