package id.go.jambiprov.dumisake.account.internal;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The passwords attackers try first (see security/common-passwords.SOURCE.md for where they come from). */
@Component
class CommonPasswords {

    private final Set<String> passwords;

    CommonPasswords() {
        ClassPathResource list = new ClassPathResource("security/common-passwords.txt");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(list.getInputStream(),
                StandardCharsets.UTF_8))) {
            passwords = reader.lines().map(CommonPasswords::normalise).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + list.getPath(), e);
        }
    }

    /** Case does not help: {@code PASSWORD123} is guessed as soon as {@code password123}. */
    boolean contains(String password) {
        return passwords.contains(normalise(password));
    }

    private static String normalise(String password) {
        return password.strip().toLowerCase(Locale.ROOT);
    }
}
