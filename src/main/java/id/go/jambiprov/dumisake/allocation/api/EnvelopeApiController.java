package id.go.jambiprov.dumisake.allocation.api;

import id.go.jambiprov.dumisake.allocation.EnvelopeView;
import id.go.jambiprov.dumisake.allocation.internal.EnvelopeQueries;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

/** The envelopes of a fiscal year for other systems and scripts; amounts are JSON decimal numbers of rupiah. */
@RestController
@RequestMapping("/api/v1/fiscal-years/{year}/envelopes")
@PreAuthorize("hasAnyRole('ADMIN', 'EXPERT')")
class EnvelopeApiController {

    private final FiscalYearService fiscalYears;
    private final EnvelopeQueries envelopes;

    EnvelopeApiController(FiscalYearService fiscalYears, EnvelopeQueries envelopes) {
        this.fiscalYears = fiscalYears;
        this.envelopes = envelopes;
    }

    @GetMapping
    List<EnvelopeItem> envelopes(@PathVariable int year) {
        fiscalYears.requireExisting(year);
        return envelopes.overview(year, null).stream().map(EnvelopeItem::of).toList();
    }

    @GetMapping("/{kecamatanCode}")
    EnvelopeItem envelope(@PathVariable int year, @PathVariable String kecamatanCode) {
        return EnvelopeItem.of(envelopes.get(year, kecamatanCode));
    }

    record EnvelopeItem(int year, String kecamatanCode, String kecamatanName, String kabupatenKotaCode,
                        BigDecimal pagu, BigDecimal allocated, BigDecimal remaining, BigDecimal realised) {
        static EnvelopeItem of(EnvelopeView e) {
            return new EnvelopeItem(e.year(), e.kecamatanCode(), e.kecamatanName(), e.kabupatenKotaCode(), e.pagu(),
                    e.allocated(), e.remaining(), e.realised());
        }
    }
}
