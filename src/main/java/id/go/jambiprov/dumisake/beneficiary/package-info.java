/**
 * Beneficiaries (by NIK) and the aid they receive from allocations, single and imported, under one
 * eligibility policy ({@code domain.AidEligibility}). Others read through
 * {@link id.go.jambiprov.dumisake.beneficiary.Beneficiaries}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Penerima manfaat",
        allowedDependencies = {"account", "allocation", "audit", "programme", "region", "shared"})
package id.go.jambiprov.dumisake.beneficiary;
