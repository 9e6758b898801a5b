package id.go.jambiprov.dumisake.beneficiary.api;

import id.go.jambiprov.dumisake.beneficiary.AidView;
import id.go.jambiprov.dumisake.beneficiary.internal.AidQueries;
import id.go.jambiprov.dumisake.beneficiary.internal.AidService;
import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryService;
import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryView;
import id.go.jambiprov.dumisake.beneficiary.internal.NewAid;
import id.go.jambiprov.dumisake.beneficiary.internal.NewBeneficiary;
import id.go.jambiprov.dumisake.beneficiary.internal.Nik;
import id.go.jambiprov.dumisake.beneficiary.internal.NikCheck;
import id.go.jambiprov.dumisake.beneficiary.internal.RecordedAid;
import id.go.jambiprov.dumisake.shared.CrossSiteRequestException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/** Beneficiaries and aid for scripts; refusals are 422 with the rule's code (e.g. {@code DOUBLE_RECEIPT}). */
@RestController
class BeneficiaryApiController {

    private final BeneficiaryService beneficiaries;
    private final AidService aidService;
    private final AidQueries aidQueries;

    BeneficiaryApiController(BeneficiaryService beneficiaries, AidService aidService, AidQueries aidQueries) {
        this.beneficiaries = beneficiaries;
        this.aidService = aidService;
        this.aidQueries = aidQueries;
    }

    @PostMapping("/api/v1/beneficiaries")
    ResponseEntity<BeneficiaryView> register(@Valid @RequestBody BeneficiaryRequest request) {
        BeneficiaryView created = beneficiaries.register(new NewBeneficiary(request.nik(), request.name(),
                request.sex(), request.dateOfBirth(), request.desaCode(), request.address(), request.phone(),
                request.welfareDecile()));
        return ResponseEntity.created(URI.create("/api/v1/beneficiaries?nik=" + created.nik())).body(created);
    }

    /**
     * Exact NIK search, for admins and operators only (403 for the expert team): whether the NIK is
     * registered, and the person only for those who may see them (an admin, the operators of the OPD that
     * registered them or recorded aid for them). {@code 422 NIK_INVALID} for what cannot be a NIK,
     * {@code 429 NIK_SEARCH_LIMIT} when the account used up its searches for now; {@code 403} when another site
     * made the browser send it ({@code Sec-Fetch-Site}), before it is counted.
     */
    @GetMapping("/api/v1/beneficiaries")
    NikCheck byNik(@RequestParam String nik,
                   @RequestHeader(name = "Sec-Fetch-Site", required = false) String site) {
        CrossSiteRequestException.refuseFromAnotherSite(site, "nikSearch.crossSite");
        return beneficiaries.checkNik(nik);
    }

    @PostMapping("/api/v1/allocations/{allocationId}/aid")
    ResponseEntity<RecordedAid> recordAid(@PathVariable long allocationId, @Valid @RequestBody AidRequest request) {
        RecordedAid recorded = aidService.recordAid(allocationId, new NewAid(request.nik(), request.amount(),
                request.date(), request.description()));
        return ResponseEntity.created(URI.create("/api/v1/allocations/" + allocationId + "/aid")).body(recorded);
    }

    @GetMapping("/api/v1/allocations/{allocationId}/aid")
    List<AidView> aidOfAllocation(@PathVariable long allocationId) {
        return aidQueries.aidOfAllocation(allocationId);
    }

    /**
     * Cancels an aid record: {@code 200} with the record; {@code 400} without a reason, {@code 404} for
     * another OPD's record, {@code 409} when {@code version} is stale, {@code 422} when already cancelled or
     * in a closed fiscal year.
     */
    @PostMapping("/api/v1/aid/{aidId}/cancel")
    AidView cancelAid(@PathVariable long aidId, @Valid @RequestBody CancelAidRequest request) {
        return aidService.cancelAid(aidId, request.reason(), request.version());
    }

    /** @param version the version last seen; without it the current record is cancelled */
    record CancelAidRequest(@NotBlank @Size(max = 500) String reason, Long version) {
    }

    record BeneficiaryRequest(@NotBlank @Size(max = 16) String nik, @NotBlank @Size(max = 200) String name,
                              @NotNull Nik.Sex sex, @NotNull LocalDate dateOfBirth, @NotBlank String desaCode,
                              @NotBlank @Size(max = 500) String address, @Size(max = 30) String phone,
                              @Min(1) @Max(10) Integer welfareDecile) {
    }

    record AidRequest(@NotBlank @Size(max = 16) String nik,
                      @NotNull @DecimalMin("0.01") @Digits(integer = 16, fraction = 2) BigDecimal amount,
                      @NotNull LocalDate date, @Size(max = 500) String description) {
    }
}
