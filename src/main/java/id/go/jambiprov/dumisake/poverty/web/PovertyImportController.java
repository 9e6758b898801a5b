package id.go.jambiprov.dumisake.poverty.web;

import id.go.jambiprov.dumisake.poverty.internal.FiguresRefusedException;
import id.go.jambiprov.dumisake.poverty.internal.PovertyImportService;
import id.go.jambiprov.dumisake.poverty.internal.PovertyTemplate;
import id.go.jambiprov.dumisake.poverty.internal.ViolationMessages;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.Flash;
import id.go.jambiprov.dumisake.shared.JambiTime;
import jakarta.servlet.http.HttpServletResponse;
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
import java.time.Clock;
import java.time.LocalDate;

/**
 * Import of official figures: the template (XLSX or CSV, the year's regions filled in), the upload, and on
 * refusal the page again with every row's errors; nothing is written then.
 */
@Controller
class PovertyImportController {

    private final PovertyImportService imports;
    private final PovertyTemplate template;
    private final ViolationMessages messages;
    private final Flash flash;
    private final Clock clock;

    PovertyImportController(PovertyImportService imports, PovertyTemplate template, ViolationMessages messages,
                            Flash flash, Clock clock) {
        this.imports = imports;
        this.template = template;
        this.messages = messages;
        this.flash = flash;
        this.clock = clock;
    }

    @GetMapping("/kemiskinan/indikator/impor")
    String page(Model model) {
        return importPage(model);
    }

    @GetMapping("/kemiskinan/indikator/templat.xlsx")
    void xlsx(@RequestParam int year, HttpServletResponse response) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        attachment(response, "dumisake-templat-indikator-kemiskinan-" + year + ".xlsx");
        template.writeXlsx(year, response.getOutputStream());
    }

    @GetMapping("/kemiskinan/indikator/templat.csv")
    void csv(@RequestParam int year, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        attachment(response, "dumisake-templat-indikator-kemiskinan-" + year + ".csv");
        template.writeCsv(year, response.getOutputStream());
    }

    @PostMapping("/kemiskinan/indikator/impor")
    String upload(@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
        try {
            int changed = imports.importFile(file == null ? null : file.getOriginalFilename(), file);
            flash.success(redirect, "poverty.import.done", changed);
            return "redirect:/kemiskinan/indikator/impor";
        } catch (FiguresRefusedException e) {
            model.addAttribute("errors", e.violations().stream()
                    .map(v -> new RowError(v.row(), ViolationMessages.column(v.field()), messages.message(v)))
                    .toList());
        } catch (BusinessRuleException e) {
            model.addAttribute("fileError", flash.text(e.messageKey(), e.arguments()));
        }
        return importPage(model);
    }

    private String importPage(Model model) {
        model.addAttribute("maxMegabytes", imports.maxMegabytes());
        // the template offers this year's rows, the year in WIB
        model.addAttribute("templateYear", LocalDate.now(clock.withZone(JambiTime.ZONE)).getYear());
        return "poverty/import";
    }

    private static void attachment(HttpServletResponse response, String name) {
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                .toString());
    }

    /** One line of the row-error report. */
    record RowError(int row, String column, String message) {
    }
}
