package id.go.jambiprov.dumisake.beneficiary.internal;

/** Beneficiaries with aid in one fiscal year in one region. */
public record RegionCount(String code, String name, long beneficiaries) {
}
