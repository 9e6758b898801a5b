package id.go.jambiprov.dumisake.disbursement.web;

import id.go.jambiprov.dumisake.disbursement.internal.DisbursementQueries;
import id.go.jambiprov.dumisake.disbursement.internal.StoredEvidence;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.nio.charset.StandardCharsets;

/** The stored SP2D evidence of a disbursement, shown inline to whoever may see the disbursement. */
@Controller
class EvidenceController {

    private final DisbursementQueries disbursements;

    EvidenceController(DisbursementQueries disbursements) {
        this.disbursements = disbursements;
    }

    @GetMapping("/pencairan/{disbursementId}/bukti")
    ResponseEntity<byte[]> evidence(@PathVariable("disbursementId") long id) {
        StoredEvidence evidence = disbursements.evidence(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(evidence.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(evidence.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(evidence.content());
    }
}
