package id.go.jambiprov.dumisake.beneficiary;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.shared.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Counts exact NIK searches per account against {@link NikSearchSettings}. The count is taken from the audit
 * trail, where every search leaves its {@code NIK_SEARCHED} event anyway: the limit holds on every instance
 * behind the load balancer and across restarts, without state of its own. Runs in the caller's transaction.
 */
@Component
@EnableConfigurationProperties(NikSearchSettings.class)
class NikSearchLimit {

    private static final String SEARCHED = "NIK_SEARCHED";
    private static final String REFUSED = "NIK_SEARCH_LIMIT_REACHED";
    private static final Logger log = LoggerFactory.getLogger(NikSearchLimit.class);

    private final AuditTrail audit;
    private final NikSearchSettings settings;

    NikSearchLimit(AuditTrail audit, NikSearchSettings settings) {
        this.audit = audit;
        this.settings = settings;
    }

    /**
     * Lets one more search of the signed-in account through, or refuses it. The first refusal of a window is
     * audited (the caller's transaction must commit on the exception for that), later ones are not, so that
     * a script hammering on past the limit does not fill the audit trail.
     *
     * @throws TooManyRequestsException {@code NIK_SEARCH_LIMIT} when the account used up its searches
     */
    void admit(String maskedNik) {
        AuditTrail.Recent searches = audit.countRecentLocked(SEARCHED, settings.window());
        if (searches.count() < settings.maxPerAccount()) {
            return;
        }
        if (audit.countRecentLocked(REFUSED, settings.window()).count() == 0) {
            log.warn("Account {} reached {} NIK searches within {} minutes; its searches are refused for now",
                    CurrentUser.username(), settings.maxPerAccount(), settings.window().toMinutes());
            audit.record(REFUSED, "Beneficiary", null, null, Map.of("nik", maskedNik,
                    "limit", settings.maxPerAccount(), "windowMinutes", settings.window().toMinutes()));
        }
        throw new TooManyRequestsException("NIK_SEARCH_LIMIT", searches.oldestLeavesIn(), "nikSearch.limit",
                settings.maxPerAccount(), settings.window().toMinutes(),
                Math.max(1, (searches.oldestLeavesIn().toSeconds() + 59) / 60));
    }

    /** The audit event of a search that was let through; it is also what {@link #admit} counts. */
    void searched(String maskedNik, Long beneficiaryId) {
        audit.record(SEARCHED, "Beneficiary", beneficiaryId, null,
                Map.of("nik", maskedNik, "registered", beneficiaryId != null));
    }
}
