package id.go.jambiprov.dumisake.disbursement.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Data;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

import java.time.LocalDate;

@Data
public class DisbursementForm {

    @NotNull
    @Min(1)
    @Max(12)
    private Integer tranche = 1;
    private String amount;
    @NotBlank
    @Size(max = 60)
    private String sp2dNumber;
    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate sp2dDate;
    @Size(max = 1000)
    private String remark;
    /** Made when the form is shown; a second submission of the same form finds the first disbursement. */
    private String requestKey;
    private MultipartFile evidence;
    private long version;
}
