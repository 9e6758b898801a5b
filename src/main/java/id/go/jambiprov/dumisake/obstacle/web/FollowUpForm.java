package id.go.jambiprov.dumisake.obstacle.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Data;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;

@Data
public class FollowUpForm {

    @NotBlank
    @Size(max = 1000)
    private String action;
    @NotBlank
    @Size(max = 200)
    private String responsible;
    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate dueDate;
    private Long version;
}
