package id.go.jambiprov.dumisake.notification.web;

import id.go.jambiprov.dumisake.notification.NotificationView;
import id.go.jambiprov.dumisake.notification.internal.NotificationInbox;
import id.go.jambiprov.dumisake.shared.LocalPaths;
import id.go.jambiprov.dumisake.shared.Pageables;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inbox page of every role: newest first, unread marked, mark one or all read, open one. */
@Controller
class InboxController {

    private static final String INBOX = "/pemberitahuan";
    private static final int PAGE_SIZE = 20;

    private final NotificationInbox inbox;
    private final MessageSource messages;

    InboxController(NotificationInbox inbox, MessageSource messages) {
        this.inbox = inbox;
        this.messages = messages;
    }

    @GetMapping(INBOX)
    String inbox(@RequestParam(defaultValue = "false") boolean unread,
                 @PageableDefault(size = PAGE_SIZE) Pageable pageable, Model model) {
        Pageable offered = PageRequest.of(pageable.getPageNumber(),
                Pageables.SIZES.contains(pageable.getPageSize()) ? pageable.getPageSize() : PAGE_SIZE);
        Page<NotificationView> page = inbox.page(unread, offered);
        if (page.getContent().isEmpty() && page.getTotalElements() > 0) {
            page = inbox.page(unread, Pageables.withinRows(offered, page.getTotalElements()));
        }
        model.addAttribute("page", page);
        model.addAttribute("unreadOnly", unread);
        return "notification/inbox";
    }

    /** The notification's record, marked read on the way: following the link is reading it. */
    @GetMapping(INBOX + "/{notificationId}/buka")
    String open(@PathVariable("notificationId") long id) {
        String link = inbox.markRead(id).link();
        return "redirect:" + (LocalPaths.isLocal(link) ? link : INBOX);
    }

    @PostMapping(INBOX + "/{notificationId}/dibaca")
    String markRead(@PathVariable("notificationId") long id, @RequestParam(defaultValue = "false") boolean unread,
                    @RequestParam(defaultValue = "0") int page, RedirectAttributes redirect) {
        inbox.markRead(id);
        return back(unread, page, redirect);
    }

    @PostMapping(INBOX + "/dibaca-semua")
    String markAllRead(@RequestParam(defaultValue = "false") boolean unread, RedirectAttributes redirect) {
        int marked = inbox.markAllRead();
        redirect.addFlashAttribute("flashSuccess", messages.getMessage("notification.markedAll",
                new Object[]{marked}, LocaleContextHolder.getLocale()));
        return back(unread, 0, redirect);
    }

    private static String back(boolean unread, int page, RedirectAttributes redirect) {
        if (unread) {
            redirect.addAttribute("unread", true);
        }
        if (page > 0) {
            redirect.addAttribute("page", page);
        }
        return "redirect:" + INBOX;
    }
}
