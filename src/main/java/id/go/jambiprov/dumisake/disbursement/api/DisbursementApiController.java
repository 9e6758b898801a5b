package id.go.jambiprov.dumisake.disbursement.api;

import id.go.jambiprov.dumisake.disbursement.DisbursementView;
import id.go.jambiprov.dumisake.disbursement.internal.DisbursementQueries;
import id.go.jambiprov.dumisake.disbursement.internal.DisbursementService;
import id.go.jambiprov.dumisake.disbursement.internal.NewDisbursement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * Disbursements for scripts. A client that may retry sends an {@code Idempotency-Key} header: the same key
 * twice answers with the disbursement the first call created.
 */
@RestController
class DisbursementApiController {

    private final DisbursementService disbursements;
    private final DisbursementQueries queries;

    DisbursementApiController(DisbursementService disbursements, DisbursementQueries queries) {
        this.disbursements = disbursements;
        this.queries = queries;
    }

    @PostMapping("/api/v1/allocations/{allocationId}/disbursements")
    ResponseEntity<DisbursementView> create(@PathVariable long allocationId,
                                            @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                            @Valid @RequestBody CreateRequest request) {
        DisbursementView created = disbursements.create(allocationId, new NewDisbursement(request.tranche(),
                request.amount(), request.sp2dNumber(), request.sp2dDate(), request.remark(), key), null);
        return ResponseEntity.created(URI.create("/api/v1/disbursements/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/allocations/{allocationId}/disbursements")
    List<DisbursementView> ofAllocation(@PathVariable long allocationId) {
        return queries.ofAllocation(allocationId);
    }

    @GetMapping("/api/v1/disbursements/{disbursementId}")
    DisbursementView get(@PathVariable("disbursementId") long id) {
        return queries.get(id);
    }

    @PostMapping("/api/v1/disbursements/{disbursementId}/submit")
    DisbursementView submit(@PathVariable("disbursementId") long id) {
        return disbursements.submit(id);
    }

    @PostMapping("/api/v1/disbursements/{disbursementId}/verify")
    DisbursementView verify(@PathVariable("disbursementId") long id) {
        return disbursements.verify(id);
    }

    @PostMapping("/api/v1/disbursements/{disbursementId}/reject")
    DisbursementView reject(@PathVariable("disbursementId") long id, @Valid @RequestBody RejectRequest request) {
        return disbursements.reject(id, request.reason());
    }

    record CreateRequest(@NotNull @Min(1) @Max(12) Integer tranche,
                         @NotNull @DecimalMin("0.01") @Digits(integer = 16, fraction = 2) BigDecimal amount,
                         @NotBlank @Size(max = 60) String sp2dNumber, @NotNull LocalDate sp2dDate,
                         @Size(max = 1000) String remark) {
    }

    record RejectRequest(@NotBlank @Size(max = 1000) String reason) {
    }
}
