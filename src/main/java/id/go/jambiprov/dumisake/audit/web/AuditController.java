package id.go.jambiprov.dumisake.audit.web;

import id.go.jambiprov.dumisake.audit.AuditFilter;
import id.go.jambiprov.dumisake.audit.AuditFilterChoices;
import id.go.jambiprov.dumisake.audit.AuditLog;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** The audit trail for administrators: filter by user, entity, action and days; export as CSV. */
@Controller
@RequestMapping("/audit")
class AuditController {

    /** Lets Excel recognise UTF-8, or names like "Wiśniewski" and "Jambi – Kerinci" turn into mojibake. */
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping
    String list(@RequestParam(required = false) String user, @RequestParam(required = false) String entityType,
                @RequestParam(required = false) String entityId, @RequestParam(required = false) String action,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @PageableDefault(size = 50) Pageable pageable, Model model) {
        AuditFilter filter = new AuditFilter(user, entityType, entityId, action, from, to);
        model.addAttribute("filter", filter);
        model.addAttribute("page", auditLog.search(filter, pageable));
        AuditFilterChoices choices = auditLog.filterChoices();
        model.addAttribute("entityTypes", choices.entityTypes());
        model.addAttribute("actions", choices.actions());
        return "audit/list";
    }

    @GetMapping("/ekspor.csv")
    void export(@RequestParam(required = false) String user, @RequestParam(required = false) String entityType,
                @RequestParam(required = false) String entityId, @RequestParam(required = false) String action,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-dumisake.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        out.write(BYTE_ORDER_MARK);
        auditLog.exportCsv(new AuditFilter(user, entityType, entityId, action, from, to),
                LocaleContextHolder.getLocale(), out);
    }
}
