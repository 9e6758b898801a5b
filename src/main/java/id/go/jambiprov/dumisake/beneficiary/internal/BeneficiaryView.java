package id.go.jambiprov.dumisake.beneficiary.internal;

import java.time.LocalDate;

/**
 * A beneficiary as the caller may see them.
 *
 * @param nik         the full NIK, or the masked one ({@link Nik#mask}) when {@code nikVisible} is false
 * @param dateOfBirth the date of birth with the full NIK; {@code null} with the masked one, since day and month
 *                    are digits the mask hides
 * @param birthYear   the year of birth, always
 * @param aidOpds     the OPDs that recorded aid for this person
 */
public record BeneficiaryView(long id, String nik, boolean nikVisible, String name, Nik.Sex sex,
                              LocalDate dateOfBirth, int birthYear, String desaCode, String desaName,
                              String kecamatanCode, String kecamatanName, String kabupatenKotaName, String address,
                              String phone, Integer welfareDecile, String registeredOpd,
                              java.util.List<String> aidOpds) {

    /** The NIK masked and, since day and month of birth are digits the mask hides, the year of birth only. */
    public BeneficiaryView masked() {
        return new BeneficiaryView(id, Nik.mask(nik), false, name, sex, null, birthYear, desaCode, desaName,
                kecamatanCode, kecamatanName, kabupatenKotaName, address, phone, welfareDecile, registeredOpd,
                aidOpds);
    }
}
