package id.go.jambiprov.dumisake.beneficiary.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Data;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;

/** The form of one aid record; the amount is text, read by {@code MoneyInput} with a message on the field. */
@Data
class AidForm {
    @NotBlank
    @Size(max = 16)
    private String nik;
    private String amount;
    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;
    @Size(max = 500)
    private String description;
}
