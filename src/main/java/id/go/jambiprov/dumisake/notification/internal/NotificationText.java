package id.go.jambiprov.dumisake.notification.internal;

import id.go.jambiprov.dumisake.notification.NotificationKind;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A notification as a sentence in the reader's language ({@code notification.text.<KIND>}), made when it is
 * read: the stored parameters are the sentence's arguments, an amount and a month formatted for the reader.
 */
@Component
public class NotificationText {

    private final MessageSource messages;

    NotificationText(MessageSource messages) {
        this.messages = messages;
    }

    public String sentence(NotificationKind kind, List<String> params, Locale locale) {
        Object[] arguments = params.toArray();
        if (kind == NotificationKind.DISBURSEMENT_SUBMITTED && arguments.length > 4) {
            arguments[4] = Rupiah.format(new BigDecimal(params.get(4)));
        }
        if (kind == NotificationKind.REPORT_DUE && arguments.length > 2) {
            arguments[2] = YearMonth.parse(params.get(2)).format(DateTimeFormatter.ofPattern("MMMM yyyy", locale));
        }
        return messages.getMessage("notification.text." + kind.name(), arguments, locale);
    }
}
