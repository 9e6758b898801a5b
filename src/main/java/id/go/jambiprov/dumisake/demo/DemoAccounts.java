package id.go.jambiprov.dumisake.demo;

import id.go.jambiprov.dumisake.account.Accounts;
import id.go.jambiprov.dumisake.account.PresetAccount;
import id.go.jambiprov.dumisake.account.Role;
import id.go.jambiprov.dumisake.opd.OpdService;
import id.go.jambiprov.dumisake.opd.OpdSummary;
import id.go.jambiprov.dumisake.shared.SystemAuthentication;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo logins of the default profile, all with the password {@value #PASSWORD}: {@code admin},
 * {@code ahli} (the Governor's expert team) and {@code op-<opd code>} for every agency. Never in prod.
 */
@Component
@Profile("!prod")
@Order(0)
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "dumisake";

    private final Accounts accounts;
    private final OpdService opds;

    DemoAccounts(Accounts accounts, OpdService opds) {
        this.accounts = accounts;
        this.opds = opds;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<PresetAccount> wanted = new ArrayList<>();
        wanted.add(new PresetAccount("admin", "Administrator Dumisake", Role.ADMIN, null));
        wanted.add(new PresetAccount("ahli", "Tim Tenaga Ahli Gubernur", Role.EXPERT, null));
        for (OpdSummary opd : opds.all()) {
            wanted.add(new PresetAccount(DemoUsers.operatorOf(opd.code()), "Operator " + opd.name(),
                    Role.OPD_OPERATOR, opd.code()));
        }
        SystemAuthentication.run(() -> accounts.createMissing(wanted, PASSWORD));
    }
}
