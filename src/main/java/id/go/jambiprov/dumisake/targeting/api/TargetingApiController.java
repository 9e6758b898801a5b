package id.go.jambiprov.dumisake.targeting.api;

import id.go.jambiprov.dumisake.shared.JambiTime;
import id.go.jambiprov.dumisake.targeting.DecileShare;
import id.go.jambiprov.dumisake.targeting.PovertyTrend;
import id.go.jambiprov.dumisake.targeting.RegionTargeting;
import id.go.jambiprov.dumisake.targeting.Targeting;
import id.go.jambiprov.dumisake.targeting.TargetingOverview;
import id.go.jambiprov.dumisake.targeting.domain.TargetingYear;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The targeting figures as JSON, the same read model as the page; a figure BPS did not publish, and a ratio
 * without a denominator, is {@code null}. Operators get their OPD's money and people.
 */
@RestController
@RequestMapping("/api/v1/dashboard/targeting")
class TargetingApiController {

    private final Targeting targeting;
    private final Clock clock;

    TargetingApiController(Targeting targeting, Clock clock) {
        this.targeting = targeting;
        this.clock = clock;
    }

    @GetMapping
    TargetingItem targeting(@RequestParam int year, @RequestParam(required = false) String kabupatenKota) {
        int thisYear = LocalDate.now(clock.withZone(JambiTime.ZONE)).getYear();
        if (!TargetingYear.acceptable(year, thisYear)) {
            ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
            problem.setProperty("code", "YEAR_INVALID");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null, "targeting.yearInvalid",
                    new Object[]{TargetingYear.FIRST, thisYear + 1});
        }
        TargetingOverview overview = targeting.overview(year, kabupatenKota);
        return new TargetingItem(year, overview.regions().stream().map(RegionItem::of).toList(),
                RegionItem.of(overview.province()), overview.deciles());
    }

    @GetMapping("/trend")
    List<PovertyTrend> trend() {
        return targeting.trend();
    }

    record TargetingItem(int year, List<RegionItem> regions, RegionItem province, List<DecileShare> deciles) {
    }

    record RegionItem(String code, String name, BigDecimal povertyRate, BigDecimal povertyRateChange, Long poorPeople,
                      BigDecimal allocated, BigDecimal realised, BigDecimal realisedPerPoorPerson, long beneficiaries,
                      BigDecimal coverage) {
        static RegionItem of(RegionTargeting r) {
            return new RegionItem(r.code(), r.name(), r.povertyRate(), r.povertyRateChange(), r.poorPeople(),
                    r.allocated(), r.realised(), r.realisedPerPoorPerson(), r.beneficiaries(), r.coverage());
        }
    }
}
