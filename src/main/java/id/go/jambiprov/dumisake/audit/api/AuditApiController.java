package id.go.jambiprov.dumisake.audit.api;

import id.go.jambiprov.dumisake.audit.AuditEvent;
import id.go.jambiprov.dumisake.audit.AuditFilter;
import id.go.jambiprov.dumisake.audit.AuditLog;
import id.go.jambiprov.dumisake.shared.ListPage;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

@RestController
class AuditApiController {

    private static final int MAX_PAGE_SIZE = 500;

    private final AuditLog auditLog;
    private final JsonMapper json;

    AuditApiController(AuditLog auditLog, JsonMapper json) {
        this.auditLog = auditLog;
        this.json = json;
    }

    /** Audit events, newest first, paged with {@code page} (from 0) and {@code size}. */
    @GetMapping("/api/v1/audit")
    AuditPage search(@RequestParam(required = false) String user, @RequestParam(required = false) String entityType,
                     @RequestParam(required = false) String entityId, @RequestParam(required = false) String action,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     @PageableDefault(size = 50) Pageable pageable) {
        Pageable bounded = pageable.getPageSize() > MAX_PAGE_SIZE
                ? PageRequest.of(pageable.getPageNumber(), MAX_PAGE_SIZE)
                : pageable;
        ListPage<AuditEvent> page = auditLog.search(new AuditFilter(user, entityType, entityId, action, from, to),
                bounded);
        return new AuditPage(page.getContent().stream().map(this::item).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages(), page.isTotalEstimated(), page.isLast());
    }

    private AuditItem item(AuditEvent e) {
        return new AuditItem(e.id(), e.occurredAt(), e.username(), e.clientAddress(), e.action(), e.entityType(),
                e.entityId(), tree(e.before()), tree(e.after()));
    }

    private JsonNode tree(String state) {
        return state == null ? null : json.readTree(state);
    }

    /**
     * @param totalEstimated {@code totalElements} (and so {@code totalPages}) is the database's estimate: past
     *                       10,000 events they are not counted one by one on every page
     * @param last           whether a next page exists, known exactly in either case
     */
    record AuditPage(List<AuditItem> content, int page, int size, long totalElements, int totalPages,
                     boolean totalEstimated, boolean last) {
    }

    record AuditItem(long id, OffsetDateTime occurredAt, String username, String clientAddress, String action,
                     String entityType, String entityId, JsonNode before, JsonNode after) {
    }
}
