/**
 * Disbursements (pencairan) of allocations with their SP2D, under maker-checker. Others read through
 * {@link id.go.jambiprov.dumisake.disbursement.Disbursements}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pencairan",
        allowedDependencies = {"account", "allocation", "audit", "opd", "programme", "progress", "region", "shared"})
package id.go.jambiprov.dumisake.disbursement;
