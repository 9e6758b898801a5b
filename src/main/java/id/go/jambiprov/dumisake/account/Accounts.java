package id.go.jambiprov.dumisake.account;

import id.go.jambiprov.dumisake.account.internal.PresetAccounts;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * What the other capabilities may ask of the accounts beyond who is signed in: the accounts a
 * non-production start creates, and a stored account as a signed-in user, to do work in that person's name.
 */
@Service
public class Accounts {

    private final PresetAccounts presets;
    private final UserDetailsService users;

    Accounts(PresetAccounts presets, UserDetailsService users) {
        this.presets = presets;
        this.users = users;
    }

    /**
     * Creates each account whose username is free, all with {@code password}, which they are not asked to
     * change; audited. For admins (or the system).
     *
     * @return how many were created
     */
    public int createMissing(List<PresetAccount> accounts, String password) {
        return presets.createMissing(accounts, password);
    }

    /** The stored account as the principal a sign-in gives, with its role and OPD; its password is left out. */
    public DumisakeUser user(String username) {
        DumisakeUser user = (DumisakeUser) users.loadUserByUsername(username);
        user.eraseCredentials();
        return user;
    }
}
