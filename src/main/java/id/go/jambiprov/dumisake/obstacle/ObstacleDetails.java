package id.go.jambiprov.dumisake.obstacle;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** One obstacle with everything its page and the API show: the follow-ups and the comment thread, oldest first. */
public record ObstacleDetails(long id, long allocationId, String allocationTitle, int year, String opdCode,
                              String opdName, String kecamatanCode, String kecamatanName, String kabupatenKotaName,
                              Long progressReportId, ObstacleCategory category, String description, LocalDate since,
                              ObstacleStatus status, OffsetDateTime escalatedAt, String escalatedBy, String resolution,
                              OffsetDateTime resolvedAt, String resolvedBy, OffsetDateTime createdAt, String createdBy,
                              long version, List<FollowUp> followUps, List<Comment> comments) {

    public boolean escalated() {
        return escalatedAt != null;
    }

    public record FollowUp(long id, String action, String responsible, LocalDate dueDate, OffsetDateTime createdAt,
                           String createdBy) {
    }

    public record Comment(long id, String text, OffsetDateTime createdAt, String createdBy) {
    }
}
