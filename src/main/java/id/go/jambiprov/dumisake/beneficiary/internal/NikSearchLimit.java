package id.go.jambiprov.dumisake.beneficiary.internal;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
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

    /**
     * Lets the registered NIKs of an import file through as that many searches, or refuses the whole file:
     * an import answers for each row whether its NIK is registered, as a search does. Each NIK admitted
     * leaves its {@code NIK_SEARCHED} event (in one batch); a refused file leaves one refusal event, always,
     * because each refused file is a job of its own anyway. The caller's transaction must commit on the
     * exception.
     *
     * @param maskedById the masked NIK of each registered person the file names, by the person's id
     * @throws BusinessRuleException {@code IMPORT_NIK_SEARCH_LIMIT} when the file has more of them than the
     *                               account has searches left
     */
    void admitImport(Map<Long, String> maskedById) {
        if (maskedById.isEmpty()) {
            return;
        }
        int left = Math.max(0, settings.maxPerAccount() - audit.countRecentLocked(SEARCHED, settings.window()).count());
        if (maskedById.size() > left) {
            log.warn("Account {} imported a file with {} NIKs registered outside its OPD, {} searches left; refused",
                    CurrentUser.username(), maskedById.size(), left);
            audit.record(REFUSED, "BeneficiaryImport", null, null, Map.of("registeredNiks", maskedById.size(),
                    "searchesLeft", left, "limit", settings.maxPerAccount(),
                    "windowMinutes", settings.window().toMinutes()));
            throw new BusinessRuleException("IMPORT_NIK_SEARCH_LIMIT", "import.nikSearchLimit", maskedById.size(),
                    settings.maxPerAccount(), settings.window().toMinutes(), left);
        }
        Map<Long, Object> searches = new LinkedHashMap<>();
        maskedById.forEach((id, nik) -> searches.put(id, Map.of("nik", nik, "registered", true, "import", true)));
        audit.recordCreated(SEARCHED, "Beneficiary", searches);
    }

    /** The audit event of a search that was let through; it is also what {@link #admit} counts. */
    void searched(String maskedNik, Long beneficiaryId) {
        audit.record(SEARCHED, "Beneficiary", beneficiaryId, null,
                Map.of("nik", maskedNik, "registered", beneficiaryId != null));
    }
}
