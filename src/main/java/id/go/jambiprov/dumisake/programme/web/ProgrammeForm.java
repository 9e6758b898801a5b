package id.go.jambiprov.dumisake.programme.web;

import id.go.jambiprov.dumisake.programme.Pillar;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Data;

/** The form of a new programme. */
@Data
class ProgrammeForm {
    @NotBlank
    @Size(max = 30)
    private String code;
    @NotBlank
    @Size(max = 200)
    private String name;
    @NotNull
    private Pillar pillar;
    @NotBlank
    private String leadOpdCode;
}
