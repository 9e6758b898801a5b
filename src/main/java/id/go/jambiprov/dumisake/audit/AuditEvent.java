package id.go.jambiprov.dumisake.audit;

import java.time.OffsetDateTime;

/** One recorded change or login; {@code before} and {@code after} are the JSON states, either may be null. */
public record AuditEvent(long id, OffsetDateTime occurredAt, String username, String clientAddress, String action,
                         String entityType, String entityId, String before, String after) {
}
