package id.go.jambiprov.dumisake.account.internal;

/** A new account and the one-time password to hand to its owner; it is shown once and never stored in clear. */
public record CreatedAccount(long id, String username, String oneTimePassword) {
}
