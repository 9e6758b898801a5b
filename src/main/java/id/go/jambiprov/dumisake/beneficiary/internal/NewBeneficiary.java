package id.go.jambiprov.dumisake.beneficiary.internal;

import java.time.LocalDate;

/** A person as an operator types them; the NIK, sex and date of birth are checked against each other. */
public record NewBeneficiary(String nik, String name, Nik.Sex sex, LocalDate dateOfBirth, String desaCode,
                             String address, String phone, Integer welfareDecile) {
}
