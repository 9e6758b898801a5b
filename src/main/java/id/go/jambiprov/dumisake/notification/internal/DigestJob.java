package id.go.jambiprov.dumisake.notification.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily e-mail digest, once a day for the cluster (the ShedLock row {@code notification-digest}), one mail
 * per person with unread notifications not yet mailed and an e-mail address. A person whose mail fails is
 * tried again the next day; the others still get theirs. Exists only when a mail server is configured.
 */
@Component
@ConditionalOnProperty("spring.mail.host")
public class DigestJob {

    private static final Logger log = LoggerFactory.getLogger(DigestJob.class);

    private final NotificationQueries queries;
    private final DigestMail mail;

    DigestJob(NotificationQueries queries, DigestMail mail) {
        this.queries = queries;
        this.mail = mail;
    }

    /** 07:00 WIB, before the working day; {@code -} in the property turns it off. */
    @Scheduled(cron = "${dumisake.notifications.digest-cron:0 0 7 * * *}", zone = "Asia/Jakarta")
    @SchedulerLock(name = "notification-digest", lockAtLeastFor = "PT10M", lockAtMostFor = "PT1H")
    public void run() {
        int sent = 0;
        for (DigestRecipient recipient : queries.digestRecipients()) {
            try {
                sent += mail.send(recipient) ? 1 : 0;
            } catch (MailException e) {
                log.warn("Digest to {} not sent, tried again tomorrow: {}", recipient.username(), e.getMessage());
            }
        }
        log.info("Daily digest: {} mails", sent);
    }
}
