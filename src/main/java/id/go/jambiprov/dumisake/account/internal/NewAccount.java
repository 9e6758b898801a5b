package id.go.jambiprov.dumisake.account.internal;

import id.go.jambiprov.dumisake.account.Role;

/** What an administrator types to create an account; {@code nip}, {@code email} and {@code opdCode} may be blank. */
public record NewAccount(String username, String fullName, String nip, String email, Role role, String opdCode) {
}
