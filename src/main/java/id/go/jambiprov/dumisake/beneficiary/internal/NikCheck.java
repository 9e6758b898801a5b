package id.go.jambiprov.dumisake.beneficiary.internal;

/**
 * The answer to an exact NIK search.
 *
 * @param nik         the NIK searched for, masked
 * @param registered  whether somebody with this NIK is registered
 * @param beneficiary that person, only for those who may see them: admins and the operators of the OPD that
 *                    registered them or recorded aid for them; {@code null} otherwise
 */
public record NikCheck(String nik, boolean registered, BeneficiaryView beneficiary) {
}
