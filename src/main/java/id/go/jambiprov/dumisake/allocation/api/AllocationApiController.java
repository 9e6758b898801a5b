package id.go.jambiprov.dumisake.allocation.api;

import id.go.jambiprov.dumisake.allocation.AllocationFilter;
import id.go.jambiprov.dumisake.allocation.AllocationStatus;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.allocation.NewAllocation;
import id.go.jambiprov.dumisake.allocation.internal.AllocationQueries;
import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.allocation.internal.PerDesaAllocation;
import id.go.jambiprov.dumisake.allocation.internal.PerDesaAllocations;
import id.go.jambiprov.dumisake.allocation.internal.PerDesaResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import id.go.jambiprov.dumisake.shared.ListPage;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

/** Allocations for other systems and scripts; amounts are JSON decimal numbers of rupiah. */
@RestController
@RequestMapping("/api/v1/allocations")
class AllocationApiController {

    private final AllocationService allocations;
    private final PerDesaAllocations perDesa;
    private final AllocationQueries queries;

    AllocationApiController(AllocationService allocations, PerDesaAllocations perDesa, AllocationQueries queries) {
        this.allocations = allocations;
        this.perDesa = perDesa;
        this.queries = queries;
    }

    @PostMapping
    ResponseEntity<AllocationView> create(@Valid @RequestBody CreateRequest request) {
        AllocationView created = allocations.create(new NewAllocation(request.year(), request.kecamatanCode(),
                request.opdCode(), request.programmeCode(), request.mechanism(), request.desaCode(), request.title(),
                request.amount(), request.plannedMonth()));
        return ResponseEntity.created(URI.create("/api/v1/allocations/" + created.id())).body(created);
    }

    @PostMapping("/per-desa")
    PerDesaResult perDesa(@Valid @RequestBody PerDesaRequest request) {
        return perDesa.allocate(new PerDesaAllocation(request.year(), request.kecamatanCode(),
                request.kabupatenKotaCode(), Boolean.TRUE.equals(request.wholeProvince()), request.onlyDesa(),
                request.opdCode(), request.programmeCode(), request.title(), request.amountPerDesa(),
                request.plannedMonth(), Boolean.TRUE.equals(request.includeExisting()),
                Boolean.TRUE.equals(request.fitOnly())));
    }

    @GetMapping("/{allocationId}")
    AllocationView get(@PathVariable("allocationId") long id) {
        return queries.get(id);
    }

    @GetMapping
    PageResponse<AllocationView> search(@RequestParam(required = false) Integer year,
                                        @RequestParam(required = false) String kecamatanCode,
                                        @RequestParam(required = false) String opdCode,
                                        @RequestParam(required = false) String programmeCode,
                                        @RequestParam(required = false) Mechanism mechanism,
                                        @RequestParam(required = false) AllocationStatus status,
                                        @PageableDefault(size = 50) Pageable pageable) {
        return PageResponse.of(queries.page(new AllocationFilter(year, null, kecamatanCode, opdCode,
                programmeCode, mechanism, status), pageable));
    }

    @PutMapping("/{allocationId}/amount")
    AllocationView revise(@PathVariable("allocationId") long id, @Valid @RequestBody ReviseRequest request) {
        return allocations.revise(id, request.amount(), request.version());
    }

    @PostMapping("/{allocationId}/cancel")
    AllocationView cancel(@PathVariable("allocationId") long id, @Valid @RequestBody(required = false) CancelRequest request) {
        long version = request != null && request.version() != null ? request.version() : queries.get(id).version();
        return allocations.cancel(id, request == null ? null : request.reason(), version);
    }

    record CreateRequest(@NotNull Integer year, @NotBlank String kecamatanCode, @NotBlank String opdCode,
                         @NotBlank String programmeCode, @NotNull Mechanism mechanism, String desaCode,
                         @NotBlank @Size(max = 300) String title,
                         @NotNull @DecimalMin("0.01") @Digits(integer = 16, fraction = 2) BigDecimal amount,
                         @NotNull @Min(1) @Max(12) Integer plannedMonth) {
    }

    record PerDesaRequest(@NotNull Integer year, String kecamatanCode, String kabupatenKotaCode,
                          Boolean wholeProvince, boolean onlyDesa, Boolean includeExisting, Boolean fitOnly,
                          @NotBlank String opdCode, @NotBlank String programmeCode,
                          @NotBlank @Size(max = 250) String title,
                          @NotNull @DecimalMin("0.01") @Digits(integer = 16, fraction = 2) BigDecimal amountPerDesa,
                          @NotNull @Min(1) @Max(12) Integer plannedMonth) {
    }

    record ReviseRequest(@NotNull @DecimalMin("0.01") @Digits(integer = 16, fraction = 2) BigDecimal amount,
                         @NotNull Long version) {
    }

    record CancelRequest(@Size(max = 500) String reason, Long version) {
    }

    /**
     * @param totalEstimated {@code totalElements} (and so {@code totalPages}) is the database's estimate: past
     *                       10,000 allocations they are not counted one by one on every page
     * @param last           whether a next page exists, known exactly in either case
     */
    record PageResponse<T>(List<T> content, int page, int size, long totalElements, int totalPages,
                           boolean totalEstimated, boolean last) {
        static <T> PageResponse<T> of(ListPage<T> page) {
            return new PageResponse<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                    page.getTotalPages(), page.isTotalEstimated(), page.isLast());
        }
    }
}
