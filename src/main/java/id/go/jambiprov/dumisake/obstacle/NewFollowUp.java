package id.go.jambiprov.dumisake.obstacle;

import java.time.LocalDate;

/** A follow-up action (tindak lanjut): what is done, who answers for it, by when. */
public record NewFollowUp(String action, String responsible, LocalDate dueDate) {
}
