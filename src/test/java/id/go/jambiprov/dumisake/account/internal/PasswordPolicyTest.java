package id.go.jambiprov.dumisake.account.internal;

import id.go.jambiprov.dumisake.account.internal.CommonPasswords;
import id.go.jambiprov.dumisake.account.internal.PasswordPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    private static final CommonPasswords COMMON = new CommonPasswords();
    private final PasswordPolicy policy = new PasswordPolicy(COMMON);

    @Test
    void shipsAtLeastTenThousandCommonPasswords() throws IOException {
        try (InputStream list = PasswordPolicyTest.class.getResourceAsStream("/security/common-passwords.txt")) {
            assertThat(new String(list.readAllBytes(), StandardCharsets.UTF_8).lines().distinct().count())
                    .isGreaterThanOrEqualTo(10_000);
        }
        assertThat(COMMON.contains("123456")).isTrue();
        assertThat(COMMON.contains("qwertyuiop")).isTrue();
    }

    @ParameterizedTest(name = "\"{1}\" for {0} is refused with {2}")
    @CsvSource(delimiter = '|', value = {
            "op-disdik | pendek      | password.tooShort",
            "op-disdik | 123456789   | password.tooShort",
            "op-disdik | op-disdik2026! | password.containsUsername",
            "op-disdik | xxOP-DISDIKxx | password.containsUsername",
            "op-disdik | qwertyuiop  | password.common",
            "op-disdik | Password123 | password.common",
            "op-disdik | 1234567890  | password.common",
            "op-disdik | basketball  | password.common"})
    void refusesWeakPasswords(String username, String password, String messageKey) {
        assertThat(policy.violation(username, password)).contains(messageKey);
    }

    @Test
    void refusesWhatBcryptWouldCutOff() {
        assertThat(policy.violation("admin", "a".repeat(73))).contains("password.tooLong");
    }

    @Test
    void acceptsALongUncommonPassword() {
        assertThat(policy.violation("op-disdik", "Sungai Batanghari 2026")).isEmpty();
        assertThat(policy.violation("op-disdik", "kopi-kerinci-pagi")).isEmpty();
    }
}
