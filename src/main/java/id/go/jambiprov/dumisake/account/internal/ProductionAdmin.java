package id.go.jambiprov.dumisake.account.internal;

import id.go.jambiprov.dumisake.account.Role;
import id.go.jambiprov.dumisake.account.domain.UserAccount;
import id.go.jambiprov.dumisake.account.domain.UserAccountRepository;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In production the first start creates the account {@code admin} from {@code DUMISAKE_ADMIN_PASSWORD}.
 * Without that variable on a database that has no admin yet, the application refuses to start rather
 * than run with nobody able to manage it.
 * <p>
 * Instances that start together on a new database take turns here (a PostgreSQL advisory lock held until
 * the transaction ends), so the second one finds the admin the first created instead of failing on the
 * unique username.
 */
@Component
@Profile("prod")
@Order(0)
class ProductionAdmin implements ApplicationRunner {

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final String adminPassword;
    private final AuditTrail audit;
    private final JdbcTemplate jdbc;

    ProductionAdmin(UserAccountRepository accounts, PasswordEncoder passwordEncoder,
                    @Value("${dumisake.admin.password:}") String adminPassword, AuditTrail audit, JdbcTemplate jdbc) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.adminPassword = adminPassword;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        jdbc.query("select pg_advisory_xact_lock(hashtext('dumisake.production-admin'))", rs -> null);
        if (accounts.existsByRole(Role.ADMIN)) {
            return;
        }
        if (adminPassword.isBlank()) {
            throw new IllegalStateException(
                    "The database has no admin account: set DUMISAKE_ADMIN_PASSWORD for the first start");
        }
        UserAccount admin = accounts.save(new UserAccount("admin", "Administrator Dumisake",
                passwordEncoder.encode(adminPassword), Role.ADMIN, null));
        audit.record("ACCOUNT_CREATED", AccountService.ENTITY_TYPE, admin.getId(), null, admin.auditState());
    }
}
