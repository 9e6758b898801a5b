package id.go.jambiprov.dumisake.dashboard.web;

import id.go.jambiprov.dumisake.dashboard.internal.ReviewNoteService;
import id.go.jambiprov.dumisake.dashboard.internal.ReviewTarget;
import id.go.jambiprov.dumisake.region.RegionService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.LocalPaths;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Review notes: the open list, the notes of one record (an htmx part of its page), writing, resolving. */
@Controller
class ReviewNoteController {

    private static final String NOTES = "/catatan";
    private static final int PAGE_SIZE = 50;

    private final ReviewNoteService notes;
    private final RegionService regions;
    private final MessageSource messages;

    ReviewNoteController(ReviewNoteService notes, RegionService regions, MessageSource messages) {
        this.notes = notes;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping("/catatan")
    String open(@RequestParam(required = false) String kabupatenKota, @RequestParam(defaultValue = "0") int page,
                Model model) {
        // the dashboard's count of open notes follows its kabupaten/kota filter, and links here with it
        boolean filtered = kabupatenKota != null && !kabupatenKota.isBlank();
        model.addAttribute("kabupatenKota", filtered ? regions.kabupatenKota(kabupatenKota) : null);
        model.addAttribute("page", notes.open(kabupatenKota, PageRequest.of(Math.max(0, page), PAGE_SIZE)));
        model.addAttribute("returnTo", "/catatan");
        return "dashboard/notes";
    }

    /** @param hostPage the page that loads this part, which htmx names in {@code HX-Current-URL} */
    @GetMapping("/catatan/pada")
    String on(@RequestParam ReviewTarget target, @RequestParam String code,
              @RequestHeader(name = "HX-Current-URL", required = false) String hostPage, Model model) {
        model.addAttribute("notes", notes.on(target, code));
        model.addAttribute("returnTo", LocalPaths.pathOf(hostPage).orElse(NOTES));
        model.addAttribute("target", target);
        model.addAttribute("targetCode", code);
        return "dashboard/note-fragments :: notes";
    }

    @PostMapping("/catatan")
    @PreAuthorize("hasAnyRole('EXPERT', 'ADMIN')")
    String write(@RequestParam ReviewTarget target, @RequestParam String code,
                 @RequestParam(required = false) Integer year, @RequestParam(required = false) String text,
                 @RequestParam(required = false) String returnTo, RedirectAttributes redirect) {
        if (!validReturn(returnTo)) {
            flash(redirect, "flashError", "note.returnToInvalid");
            return "redirect:" + NOTES;
        }
        try {
            notes.write(target, code, year, text);
            flash(redirect, "flashSuccess", "note.written");
        } catch (BusinessRuleException e) {
            flash(redirect, "flashError", e.messageKey(), e.arguments());
        }
        return back(returnTo);
    }

    @PostMapping("/catatan/{noteId}/selesai")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPD_OPERATOR')")
    String resolve(@PathVariable("noteId") long id, @RequestParam(required = false) String reply,
                   @RequestParam(required = false) String returnTo, RedirectAttributes redirect) {
        if (!validReturn(returnTo)) {
            flash(redirect, "flashError", "note.returnToInvalid");
            return "redirect:" + NOTES;
        }
        try {
            notes.resolve(id, reply);
            flash(redirect, "flashSuccess", "note.resolved");
        } catch (BusinessRuleException e) {
            flash(redirect, "flashError", e.messageKey(), e.arguments());
        }
        return back(returnTo);
    }

    /**
     * No return address (the open list), or a path of this application. Checked before anything is saved:
     * a line break in it used to fail the redirect with a 500 after the note had been stored.
     */
    private static boolean validReturn(String returnTo) {
        return returnTo == null || returnTo.isEmpty() || LocalPaths.isLocal(returnTo);
    }

    /** Back to the page the form was on. */
    private static String back(String returnTo) {
        return "redirect:" + (returnTo == null || returnTo.isEmpty() ? NOTES : returnTo);
    }

    private void flash(RedirectAttributes redirect, String name, String key, Object... arguments) {
        redirect.addFlashAttribute(name, messages.getMessage(key, arguments, LocaleContextHolder.getLocale()));
    }
}
