package id.go.jambiprov.dumisake.report.web;

import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.FiscalYearView;
import id.go.jambiprov.dumisake.report.internal.ExportFormat;
import id.go.jambiprov.dumisake.report.internal.Reconciliation;
import id.go.jambiprov.dumisake.report.internal.Sp2dReconciliationService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import jakarta.servlet.http.HttpServletRequest;
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

/** The treasury's SP2D file against the verified disbursements: upload, result page, export of the result. */
@Controller
class Sp2dReconciliationController {

    private final Sp2dReconciliationService reconciliations;
    private final FiscalYearService fiscalYears;
    private final MessageSource messages;

    Sp2dReconciliationController(Sp2dReconciliationService reconciliations, FiscalYearService fiscalYears,
                                 MessageSource messages) {
        this.reconciliations = reconciliations;
        this.fiscalYears = fiscalYears;
        this.messages = messages;
    }

    @GetMapping("/pencairan/rekonsiliasi")
    String page(HttpSession session, Model model) {
        List<FiscalYearView> years = fiscalYears.all();
        model.addAttribute("years", years);
        model.addAttribute("result", session.getAttribute(Reconciliation.SESSION_KEY));
        return "report/reconciliation";
    }

    @PostMapping("/pencairan/rekonsiliasi")
    String upload(@RequestParam(required = false) Integer year, @RequestParam(required = false) MultipartFile file,
                  HttpSession session, RedirectAttributes redirect) {
        session.removeAttribute(Reconciliation.SESSION_KEY);
        if (year == null) {
            redirect.addFlashAttribute("flashError", message("report.sp2d.yearRequired"));
            return "redirect:/pencairan/rekonsiliasi";
        }
        try {
            session.setAttribute(Reconciliation.SESSION_KEY, reconciliations.reconcile(year,
                    file == null ? "" : file.getOriginalFilename(), file));
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
        }
        return "redirect:/pencairan/rekonsiliasi";
    }

    @GetMapping({"/pencairan/rekonsiliasi/hasil.xlsx", "/pencairan/rekonsiliasi/hasil.csv"})
    String export(HttpSession session, HttpServletRequest request, HttpServletResponse response,
                  RedirectAttributes redirect) throws IOException {
        Reconciliation result = (Reconciliation) session.getAttribute(Reconciliation.SESSION_KEY);
        if (result == null) {
            redirect.addFlashAttribute("flashError", message("report.sp2d.nothing"));
            return "redirect:/pencairan/rekonsiliasi";
        }
        ExportFormat format = request.getRequestURI().endsWith(".csv") ? ExportFormat.CSV : ExportFormat.XLSX;
        response.setContentType(format.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("dumisake-rekonsiliasi-sp2d-" + result.year() + "." + format.extension()).build().toString());
        reconciliations.export(result, format, response.getOutputStream());
        return null;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
