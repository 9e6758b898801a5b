package id.go.jambiprov.dumisake.shared;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one-line outcome a redirect carries to the next page (the layout shows it as a green or red banner), and
 * any other message of a page, in the language of the request.
 */
@Component
public class Flash {

    private final MessageSource messages;

    Flash(MessageSource messages) {
        this.messages = messages;
    }

    public void success(RedirectAttributes redirect, String key, Object... arguments) {
        redirect.addFlashAttribute("flashSuccess", text(key, arguments));
    }

    public void error(RedirectAttributes redirect, String key, Object... arguments) {
        redirect.addFlashAttribute("flashError", text(key, arguments));
    }

    public String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
