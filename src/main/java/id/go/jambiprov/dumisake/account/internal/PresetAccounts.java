package id.go.jambiprov.dumisake.account.internal;

import id.go.jambiprov.dumisake.account.PresetAccount;
import id.go.jambiprov.dumisake.account.domain.UserAccount;
import id.go.jambiprov.dumisake.account.domain.UserAccountRepository;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Accounts created at start-up with a password everybody knows (the demo logins), unlike the accounts an
 * admin creates, whose owners receive a one-time password and must choose their own.
 */
@Service
@Transactional
public class PresetAccounts {

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail audit;

    PresetAccounts(UserAccountRepository accounts, PasswordEncoder passwordEncoder, AuditTrail audit) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
    }

    /** Creates those whose username is still free; the password is hashed once, which costs a second per hash. */
    @PreAuthorize("hasRole('ADMIN')")
    public int createMissing(List<PresetAccount> wanted, String password) {
        List<PresetAccount> missing = wanted.stream().filter(a -> !accounts.existsByUsername(a.username())).toList();
        if (missing.isEmpty()) {
            return 0;
        }
        String hash = passwordEncoder.encode(password);
        for (PresetAccount preset : missing) {
            UserAccount account = accounts.save(new UserAccount(preset.username(), preset.fullName(), hash,
                    preset.role(), preset.opdCode()));
            audit.record("ACCOUNT_CREATED", AccountService.ENTITY_TYPE, account.getId(), null, account.auditState());
        }
        return missing.size();
    }
}
