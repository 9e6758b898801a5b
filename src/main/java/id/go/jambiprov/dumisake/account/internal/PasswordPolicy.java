package id.go.jambiprov.dumisake.account.internal;

import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What a new password must be: long (length is what resists guessing; no composition rules, as NIST
 * SP 800-63B advises), not the username, and not one of the passwords attackers try first.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 72;

    private final CommonPasswords commonPasswords;

    PasswordPolicy(CommonPasswords commonPasswords) {
        this.commonPasswords = commonPasswords;
    }

    /** @return the message key of the first rule {@code password} breaks, empty when it is acceptable */
    public Optional<String> violation(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("password.tooShort");
        }
        // BCrypt ignores everything after 72 bytes: a longer password would only seem stronger
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
            return Optional.of("password.tooLong");
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("password.containsUsername");
        }
        if (commonPasswords.contains(password)) {
            return Optional.of("password.common");
        }
        return Optional.empty();
    }
}
