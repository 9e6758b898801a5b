package id.go.jambiprov.dumisake.dashboard.api;

import id.go.jambiprov.dumisake.dashboard.internal.EarlyWarningDay;
import id.go.jambiprov.dumisake.dashboard.internal.EarlyWarningRecord;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The nightly early-warning record of a fiscal year, per day and OPD, for admins and the expert team. */
@RestController
class EarlyWarningApiController {

    private final EarlyWarningRecord record;
    private final FiscalYearService fiscalYears;

    EarlyWarningApiController(EarlyWarningRecord record, FiscalYearService fiscalYears) {
        this.record = record;
        this.fiscalYears = fiscalYears;
    }

    @GetMapping("/api/v1/early-warnings")
    List<EarlyWarningDay> history(@RequestParam int year, @RequestParam(required = false) String opdCode) {
        fiscalYears.requireExisting(year);
        return record.history(year, opdCode);
    }
}
