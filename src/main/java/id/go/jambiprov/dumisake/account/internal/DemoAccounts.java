package id.go.jambiprov.dumisake.account.internal;

import id.go.jambiprov.dumisake.account.Role;
import id.go.jambiprov.dumisake.account.domain.UserAccount;
import id.go.jambiprov.dumisake.account.domain.UserAccountRepository;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.opd.OpdService;
import id.go.jambiprov.dumisake.opd.OpdSummary;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Locale;

/**
 * The demo logins of the default profile, all with the password {@value #PASSWORD}: {@code admin},
 * {@code ahli} (the Governor's expert team) and {@code op-<opd code>} for every agency. Never in prod.
 */
@Component
@Profile("!prod")
@Order(0)
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "dumisake";

    private final UserAccountRepository accounts;
    private final OpdService opds;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail audit;

    DemoAccounts(UserAccountRepository accounts, OpdService opds, PasswordEncoder passwordEncoder, AuditTrail audit) {
        this.accounts = accounts;
        this.opds = opds;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        // one hash for all: the demo accounts share a password, and hashing 25 times costs seconds at start
        String hash = passwordEncoder.encode(PASSWORD);
        create("admin", "Administrator Dumisake", hash, Role.ADMIN, null);
        create("ahli", "Tim Tenaga Ahli Gubernur", hash, Role.EXPERT, null);
        for (OpdSummary opd : opds.all()) {
            create("op-" + opd.code().toLowerCase(Locale.ROOT), "Operator " + opd.name(), hash,
                    Role.OPD_OPERATOR, opd.code());
        }
    }

    private void create(String username, String fullName, String hash, Role role, String opdCode) {
        if (!accounts.existsByUsername(username)) {
            UserAccount account = accounts.save(new UserAccount(username, fullName, hash, role, opdCode));
            audit.record("ACCOUNT_CREATED", AccountService.ENTITY_TYPE, account.getId(), null, account.auditState());
        }
    }
}
