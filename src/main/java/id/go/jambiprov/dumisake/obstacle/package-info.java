/**
 * Obstacles (kendala) of allocations: raised by their OPD, followed up, escalated to the expert team,
 * commented on and resolved. Others hear of escalations and comments through its events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Kendala",
        allowedDependencies = {"account", "allocation", "audit", "opd", "programme", "region", "shared"})
package id.go.jambiprov.dumisake.obstacle;
