package id.go.jambiprov.dumisake.notification.api;

import id.go.jambiprov.dumisake.notification.NotificationView;
import id.go.jambiprov.dumisake.notification.internal.NotificationInbox;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** The signed-in person's notifications for scripts and apps; another person's is 404. */
@RestController
class NotificationApiController {

    private final NotificationInbox inbox;

    NotificationApiController(NotificationInbox inbox) {
        this.inbox = inbox;
    }

    /** Newest first, {@code size} (at most 200) at a time. */
    @GetMapping("/api/v1/notifications")
    List<NotificationView> list(@RequestParam(defaultValue = "false") boolean unread,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return inbox.page(unread, PageRequest.of(page, size)).getContent();
    }

    @PostMapping("/api/v1/notifications/{notificationId}/read")
    NotificationView markRead(@PathVariable("notificationId") long id) {
        return inbox.markRead(id);
    }

    @PostMapping("/api/v1/notifications/read-all")
    Map<String, Integer> markAllRead() {
        return Map.of("marked", inbox.markAllRead());
    }
}
