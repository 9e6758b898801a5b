package id.go.jambiprov.dumisake.allocation.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Data;

@Data
public class PerDesaForm {

    static final String PROVINCE = "prov";

    @NotNull
    private Integer year;
    /** {@code prov}, {@code kab:15.01} or {@code kec:15.01.01}: one select for the three scopes. */
    @NotBlank
    private String scope;
    private boolean onlyDesa = true;
    private boolean includeExisting;
    private boolean fitOnly;
    @NotBlank
    private String opdCode = "DP3AP2";
    @NotBlank
    private String programmeCode = "BKBK-DESA";
    @NotBlank
    @Size(max = 250)
    private String title;
    private String amountPerDesa = "Rp 100.000.000";
    @NotNull
    @Min(1)
    @Max(12)
    private Integer plannedMonth = 4;

    String codeOf(String prefix) {
        return scope != null && scope.startsWith(prefix + ":") ? scope.substring(prefix.length() + 1) : null;
    }
}
