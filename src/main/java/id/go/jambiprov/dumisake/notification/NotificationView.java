package id.go.jambiprov.dumisake.notification;

import java.time.OffsetDateTime;

/** A notification as its recipient reads it: {@code text} is the sentence in the reader's language. */
public record NotificationView(long id, NotificationKind kind, String text, String link, OffsetDateTime createdAt,
                               boolean read) {
}
