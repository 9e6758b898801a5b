package id.go.jambiprov.dumisake.audit;

import java.time.LocalDate;

/**
 * Which audit events to list; every part may be null. {@code user} matches part of the username,
 * the others match exactly; {@code from} and {@code to} are whole days in Jambi time (WIB), both included.
 */
public record AuditFilter(String user, String entityType, String entityId, String action, LocalDate from,
                          LocalDate to) {
}
