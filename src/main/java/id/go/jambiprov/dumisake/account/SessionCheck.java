package id.go.jambiprov.dumisake.account;

import id.go.jambiprov.dumisake.account.domain.UserAccountRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a signed-in person may go on. Asked on every request, from the database, so that disabling an
 * account ends its open sessions at once on every instance, not only at the next login.
 */
@Service
public class SessionCheck {

    private final UserAccountRepository accounts;

    SessionCheck(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    public boolean mayContinue(String username) {
        return accounts.findEnabledByUsername(username).orElse(false);
    }
}
