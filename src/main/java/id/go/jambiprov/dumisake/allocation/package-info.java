/**
 * Kecamatan envelopes and the allocations drawn from them under the Rp 2 bn rule, which
 * {@code domain.Envelope} keeps. Other capabilities use {@link id.go.jambiprov.dumisake.allocation.Allocations}
 * and the records beside it; fiscal years announce themselves by events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Alokasi",
        allowedDependencies = {"account", "audit", "opd", "programme", "region", "shared"})
package id.go.jambiprov.dumisake.allocation;
