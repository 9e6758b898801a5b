package id.go.jambiprov.dumisake.beneficiary.web;

import id.go.jambiprov.dumisake.beneficiary.internal.Nik;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Data;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;

/** The registration form of a beneficiary. */
@Data
class BeneficiaryForm {
    @NotBlank
    @Size(max = 16)
    private String nik;
    @NotBlank
    @Size(max = 200)
    private String name;
    @NotNull
    private Nik.Sex sex;
    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate dateOfBirth;
    @NotBlank
    private String desaCode;
    @NotBlank
    @Size(max = 500)
    private String address;
    @Size(max = 30)
    private String phone;
    @Min(1)
    @Max(10)
    private Integer welfareDecile;
}
