package id.go.jambiprov.dumisake.notification.internal;

import id.go.jambiprov.dumisake.notification.NotificationView;
import id.go.jambiprov.dumisake.shared.JambiTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Locale;

/**
 * One person's daily digest: a plain-text mail in Indonesian listing their unread notifications that no digest
 * has listed yet, each with its address. Marked mailed in the same transaction, which rolls back if the mail
 * server refuses, so that the next digest lists them again. Exists only when a mail server is configured.
 */
@Service
@Transactional
@ConditionalOnProperty("spring.mail.host")
public class DigestMail {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private final NotificationQueries queries;
    private final NamedParameterJdbcTemplate jdbc;
    private final JavaMailSender mail;
    private final MessageSource messages;
    private final String baseUrl;
    private final String from;

    DigestMail(NotificationQueries queries, NamedParameterJdbcTemplate jdbc, JavaMailSender mail,
               MessageSource messages,
               @Value("${dumisake.notifications.base-url:http://localhost:8080}") String baseUrl,
               @Value("${dumisake.notifications.mail-from:dumisake@localhost}") String from) {
        this.queries = queries;
        this.jdbc = jdbc;
        this.mail = mail;
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.from = from;
    }

    /** @return whether a mail was sent (nothing to list: none) */
    public boolean send(DigestRecipient recipient) {
        List<NotificationView> unmailed = queries.unmailed(recipient.username(), INDONESIAN);
        if (unmailed.isEmpty()) {
            return false;
        }
        jdbc.update("update notification set mailed_at = now() where id in (:ids)",
                new MapSqlParameterSource("ids", unmailed.stream().map(NotificationView::id).toList()));
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(recipient.email());
        message.setSubject(text("notification.digest.subject", unmailed.size()));
        message.setText(body(recipient, unmailed));
        mail.send(message);
        return true;
    }

    private String body(DigestRecipient recipient, List<NotificationView> unmailed) {
        StringBuilder body = new StringBuilder()
                .append(text("notification.digest.greeting", recipient.fullName())).append("\n\n")
                .append(text("notification.digest.intro", unmailed.size())).append("\n\n");
        for (NotificationView notification : unmailed) {
            body.append("- ").append(JambiTime.dateTime(notification.createdAt(), INDONESIAN)).append(": ")
                    .append(notification.text()).append("\n  ").append(baseUrl).append(notification.link())
                    .append("\n\n");
        }
        return body.append(text("notification.digest.inbox", baseUrl + "/pemberitahuan")).append("\n\n")
                .append(text("notification.digest.footer")).append("\n").toString();
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, INDONESIAN);
    }
}
