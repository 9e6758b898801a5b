package id.go.jambiprov.dumisake.obstacle.web;

import id.go.jambiprov.dumisake.obstacle.ObstacleCategory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Data;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;

/** The "report an obstacle" form; the allocation and the progress report come from the page it was opened on. */
@Data
public class ObstacleForm {

    @NotNull
    private Long allocationId;
    private Long reportId;
    @NotNull
    private ObstacleCategory category;
    @NotBlank
    @Size(max = 2000)
    private String description;
    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate since;
}
