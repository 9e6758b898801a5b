/**
 * Accounts, roles and sign-in: who the caller is ({@link id.go.jambiprov.dumisake.account.CurrentUser}) and
 * which OPD's records they may see ({@link id.go.jambiprov.dumisake.account.OpdScope}). Everything else —
 * account management, passwords, login protection — is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Akun", allowedDependencies = {"audit", "opd", "shared"})
package id.go.jambiprov.dumisake.account;
