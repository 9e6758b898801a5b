package id.go.jambiprov.dumisake.beneficiary.web;

import id.go.jambiprov.dumisake.beneficiary.BeneficiaryImportService;
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

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The import page. The import runs synchronously within the request (100,000 rows take a few seconds) and
 * the page that answers the upload is its result: counts, or the errors with the full report to download.
 */
@Controller
class BeneficiaryImportController {

    private final BeneficiaryImportService imports;
    private final MessageSource messages;

    BeneficiaryImportController(BeneficiaryImportService imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping("/penerima/impor")
    String page() {
        return "beneficiary/import";
    }

    @PostMapping("/penerima/impor")
    String upload(@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        try {
            byte[] content = file == null ? new byte[0] : file.getBytes();
            model.addAttribute("result", imports.importFile(file == null ? null : file.getOriginalFilename(), content));
        } catch (BusinessRuleException e) {
            model.addAttribute("importError", messages.getMessage(e.messageKey(), e.arguments(),
                    LocaleContextHolder.getLocale()));
        }
        return "beneficiary/import";
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
