package id.go.jambiprov.dumisake.notification;

import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The digest's mail settings (GreenMail's SMTP port), on every test of the notification module: with the same
 * settings and mocks they share one context instead of starting two. Only {@link DigestMailTest} runs the digest.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = {"spring.mail.host=localhost", "spring.mail.port=3025",
        "dumisake.notifications.base-url=https://dumisake.uji/", "dumisake.notifications.mail-from=dumisake@uji.test"})
@interface DigestMailSettings {
}
