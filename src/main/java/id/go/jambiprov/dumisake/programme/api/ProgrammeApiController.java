package id.go.jambiprov.dumisake.programme.api;

import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.FiscalYearStatus;
import id.go.jambiprov.dumisake.programme.FiscalYearView;
import id.go.jambiprov.dumisake.programme.Pillar;
import id.go.jambiprov.dumisake.programme.ProgrammeService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

@RestController
@RequestMapping("/api/v1")
class ProgrammeApiController {

    private final FiscalYearService fiscalYears;
    private final ProgrammeService programmes;

    ProgrammeApiController(FiscalYearService fiscalYears, ProgrammeService programmes) {
        this.fiscalYears = fiscalYears;
        this.programmes = programmes;
    }

    @GetMapping("/fiscal-years")
    List<FiscalYearItem> fiscalYears() {
        return fiscalYears.all().stream().map(FiscalYearItem::of).toList();
    }

    @PostMapping("/fiscal-years")
    ResponseEntity<FiscalYearItem> open(@Valid @RequestBody OpenFiscalYear request) {
        FiscalYearView opened = fiscalYears.open(request.year(), request.paguPerKecamatan());
        return ResponseEntity.created(URI.create("/api/v1/fiscal-years/" + opened.year() + "/envelopes"))
                .body(FiscalYearItem.of(opened));
    }

    @GetMapping("/programmes")
    List<ProgrammeItem> programmes() {
        return programmes.all().stream()
                .map(p -> new ProgrammeItem(p.code(), p.name(), p.pillar(), p.leadOpdCode(), p.active()))
                .toList();
    }

    record OpenFiscalYear(@NotNull Integer year,
                          @NotNull @DecimalMin("0.01") @Digits(integer = 16, fraction = 2) BigDecimal paguPerKecamatan) {
    }

    record FiscalYearItem(int year, BigDecimal paguPerKecamatan, FiscalYearStatus status) {
        static FiscalYearItem of(FiscalYearView view) {
            return new FiscalYearItem(view.year(), view.paguPerKecamatan(), view.status());
        }
    }

    record ProgrammeItem(String code, String name, Pillar pillar, String leadOpdCode, boolean active) {
    }
}
