package id.go.jambiprov.dumisake.notification.internal;

/** A person the daily digest writes to. */
public record DigestRecipient(String username, String fullName, String email) {
}
