package id.go.jambiprov.dumisake.obstacle.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import lombok.Data;

@Data
public class CommentForm {

    @NotBlank
    @Size(max = 2000)
    private String text;
}
