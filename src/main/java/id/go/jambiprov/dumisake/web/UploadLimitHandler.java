package id.go.jambiprov.dumisake.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An upload above the servlet limit is refused before any controller runs; the person is sent back to
 * the form with the reason instead of an error page.
 */
@ControllerAdvice
class UploadLimitHandler {

    private final MessageSource messages;

    UploadLimitHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request, RedirectAttributes redirect) {
        redirect.addFlashAttribute("flashError", messages.getMessage("upload.tooLarge", null,
                LocaleContextHolder.getLocale()));
        String back = request.getHeader("Referer");
        return "redirect:" + (back != null && back.startsWith(request.getScheme() + "://" + request.getServerName())
                ? back : "/");
    }
}
