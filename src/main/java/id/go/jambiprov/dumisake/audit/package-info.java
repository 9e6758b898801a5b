/**
 * The append-only audit trail: every capability records its changes through
 * {@link id.go.jambiprov.dumisake.audit.AuditTrail}; {@link id.go.jambiprov.dumisake.audit.AuditLog} reads them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Jejak audit", allowedDependencies = "shared")
package id.go.jambiprov.dumisake.audit;
