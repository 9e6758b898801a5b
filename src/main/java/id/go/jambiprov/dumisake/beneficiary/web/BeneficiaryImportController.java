package id.go.jambiprov.dumisake.beneficiary.web;

import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryImportJobs;
import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryImportService;
import id.go.jambiprov.dumisake.beneficiary.internal.ImportJobView;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.nio.charset.StandardCharsets;

/**
 * The import page. An upload starts a job in the background and leads to its page, which polls the job's
 * progress with htmx until it ends and then shows its result: counts, or the errors with the full report.
 */
@Controller
class BeneficiaryImportController {

    private static final int LATEST_JOBS = 10;

    private final BeneficiaryImportJobs jobs;
    private final BeneficiaryImportService imports;
    private final MessageSource messages;

    BeneficiaryImportController(BeneficiaryImportJobs jobs, BeneficiaryImportService imports, MessageSource messages) {
        this.jobs = jobs;
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping("/penerima/impor")
    String page(Model model) {
        model.addAttribute("jobs", jobs.latest(LATEST_JOBS));
        return "beneficiary/import";
    }

    @PostMapping("/penerima/impor")
    String upload(@RequestParam(required = false) MultipartFile file, Model model) {
        try {
            ImportJobView job = jobs.start(file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getResource());
            return "redirect:/penerima/impor/" + job.id();
        } catch (BusinessRuleException e) {
            model.addAttribute("importError", messages.getMessage(e.messageKey(), e.arguments(),
                    LocaleContextHolder.getLocale()));
            if (e.details().get("importId") instanceof Long running && running > 0) {
                model.addAttribute("runningImport", running);
            }
            return page(model);
        }
    }

    @GetMapping("/penerima/impor/{importId}")
    String job(@PathVariable long importId, Model model) {
        model.addAttribute("job", jobs.get(importId));
        return "beneficiary/import-job";
    }

    /** What the job page polls every second while the job runs: the progress, then the result. */
    @GetMapping("/penerima/impor/{importId}/kemajuan")
    String progress(@PathVariable long importId, Model model) {
        model.addAttribute("job", jobs.get(importId));
        return "beneficiary/import-job :: poll";
    }

    @GetMapping("/penerima/impor/templat.csv")
    ResponseEntity<byte[]> template() {
        return csv("templat-penerima.csv", BeneficiaryImportService.template());
    }

    @GetMapping("/penerima/impor/{importId}/galat.csv")
    ResponseEntity<byte[]> errors(@PathVariable long importId) {
        return csv("galat-impor-" + importId + ".csv", imports.errorReport(importId));
    }

    private static ResponseEntity<byte[]> csv(String fileName, String text) {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(body, 0, withBom, bom.length, body.length);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(withBom);
    }
}
