package id.go.jambiprov.dumisake.account;

/** An account whose password is set at start-up, not handed out as a one-time password (the demo logins). */
public record PresetAccount(String username, String fullName, Role role, String opdCode) {
}
