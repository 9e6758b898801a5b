package id.go.jambiprov.dumisake.beneficiary;

/**
 * An aid record whose copy of its person's residence (V21_20: the desa and welfare decile the targeting figures count
 * it by) differs from the person as registered: {@code kept} as the aid row carries it, the other as the beneficiary
 * row says. None exist while the database's triggers keep the copies.
 */
public record AidResidenceDifference(long aidId, long beneficiaryId, String keptDesaCode, String desaCode,
                                     Integer keptDecile, Integer welfareDecile) {
}
