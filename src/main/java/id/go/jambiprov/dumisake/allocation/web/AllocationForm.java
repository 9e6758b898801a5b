package id.go.jambiprov.dumisake.allocation.web;

import id.go.jambiprov.dumisake.allocation.Mechanism;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Data;

/** The allocation form as typed; the amount stays text until {@code Rupiah.parse} reads it. */
@Data
public class AllocationForm {

    @NotNull
    private Integer year;
    @NotBlank
    private String kecamatanCode;
    @NotBlank
    private String opdCode;
    @NotBlank
    private String programmeCode;
    @NotNull
    private Mechanism mechanism;
    private String desaCode;
    @NotBlank
    @Size(max = 300)
    private String title;
    private String amount;
    @NotNull
    @Min(1)
    @Max(12)
    private Integer plannedMonth;
}
