package id.go.jambiprov.dumisake.beneficiary;

import java.time.LocalDate;

/**
 * A beneficiary as the caller may see them.
 *
 * @param nik     the full NIK, or the masked one ({@code 1501**********01}) when {@code nikVisible} is false
 * @param aidOpds the OPDs that recorded aid for this person
 */
public record BeneficiaryView(long id, String nik, boolean nikVisible, String name, Nik.Sex sex,
                              LocalDate dateOfBirth, String desaCode, String desaName, String kecamatanCode,
                              String kecamatanName, String kabupatenKotaName, String address, String phone,
                              Integer welfareDecile, String registeredOpd, java.util.List<String> aidOpds) {
}
