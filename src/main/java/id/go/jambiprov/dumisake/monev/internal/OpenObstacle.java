package id.go.jambiprov.dumisake.monev.internal;

import java.time.LocalDate;

/** An obstacle not yet resolved, as "Kenapa belum jalan?" lists it; its page is {@code /kendala/{id}}. */
public record OpenObstacle(long id, long allocationId, String category, String description, LocalDate since,
                           int ageDays, boolean escalated, String opdCode, String opdName) {
}
