package id.go.jambiprov.dumisake.report.web;

import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.PerDesaShortfallException;
import id.go.jambiprov.dumisake.report.internal.AllocationImportService;
import id.go.jambiprov.dumisake.report.internal.ImportPreview;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.List;

/**
 * Bulk allocation import: template, upload, preview with the effect per kecamatan, commit. The checked file
 * waits in the person's session between preview and commit, so that what is committed is exactly what was
 * previewed.
 */
@Controller
class AllocationImportController {

    private final AllocationImportService imports;
    private final MessageSource messages;

    AllocationImportController(AllocationImportService imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping("/alokasi/impor")
    String page(HttpSession session, Model model) {
        model.addAttribute("preview", session.getAttribute(ImportPreview.SESSION_KEY));
        model.addAttribute("maxMegabytes", AllocationImportService.MAX_BYTES / (1024 * 1024));
        return "report/import";
    }

    @GetMapping("/alokasi/impor/templat.xlsx")
    void template(HttpServletResponse response) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("dumisake-templat-impor-alokasi.xlsx").build().toString());
        imports.writeTemplate(response.getOutputStream());
    }

    @PostMapping("/alokasi/impor")
    String upload(@RequestParam(required = false) MultipartFile file, HttpSession session,
                  RedirectAttributes redirect) {
        session.removeAttribute(ImportPreview.SESSION_KEY);
        try {
            // the file stays where the upload put it until it is this import's turn
            session.setAttribute(ImportPreview.SESSION_KEY, imports.check(file == null ? "" : file.getOriginalFilename(),
                    file));
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
        }
        return "redirect:/alokasi/impor";
    }

    @PostMapping("/alokasi/impor/simpan")
    String commit(HttpSession session, RedirectAttributes redirect) {
        ImportPreview preview = (ImportPreview) session.getAttribute(ImportPreview.SESSION_KEY);
        if (preview == null) {
            redirect.addFlashAttribute("flashError", message("report.import.nothingToCommit"));
            return "redirect:/alokasi/impor";
        }
        try {
            List<AllocationView> created = imports.commit(preview);
            session.removeAttribute(ImportPreview.SESSION_KEY);
            redirect.addFlashAttribute("flashSuccess", message("report.import.committed", created.size()));
            return "redirect:/alokasi";
        } catch (PerDesaShortfallException e) {
            // another admin allocated from the same envelopes between preview and commit
            redirect.addFlashAttribute("flashError", message("report.import.raced", e.shortfalls().size()));
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
        }
        session.removeAttribute(ImportPreview.SESSION_KEY);
        return "redirect:/alokasi/impor";
    }

    @GetMapping("/alokasi/impor/galat.csv")
    void issues(HttpSession session, HttpServletResponse response) throws IOException {
        ImportPreview preview = (ImportPreview) session.getAttribute(ImportPreview.SESSION_KEY);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("dumisake-galat-impor-alokasi.csv").build().toString());
        imports.writeIssues(preview == null ? List.of() : preview.issues(), response.getOutputStream());
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
