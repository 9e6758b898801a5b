package id.go.jambiprov.dumisake.beneficiary.api;

import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryImportJobs;
import id.go.jambiprov.dumisake.beneficiary.internal.ImportJobView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.net.URI;

/**
 * Beneficiary imports for scripts: the upload answers {@code 202 Accepted} at once with the job and its
 * {@code Location}, which the script polls until {@code status} is no longer QUEUED or RUNNING.
 */
@RestController
class BeneficiaryImportApiController {

    private final BeneficiaryImportJobs jobs;

    BeneficiaryImportApiController(BeneficiaryImportJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping(path = "/api/v1/beneficiary-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportJobView> start(@RequestParam(required = false) MultipartFile file) {
        ImportJobView job = jobs.start(file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getResource());
        return ResponseEntity.accepted().location(URI.create("/api/v1/beneficiary-imports/" + job.id())).body(job);
    }

    /** The job (404 for another OPD's); its error report, when it has one, is {@code /penerima/impor/{id}/galat.csv}. */
    @GetMapping("/api/v1/beneficiary-imports/{importId}")
    ImportJobView get(@PathVariable long importId) {
        return jobs.get(importId);
    }
}
