package id.go.jambiprov.dumisake.targeting.web;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.targeting.DecileBreakdown;
import id.go.jambiprov.dumisake.targeting.PovertyRateGaps;
import id.go.jambiprov.dumisake.targeting.RegionTargeting;
import id.go.jambiprov.dumisake.targeting.internal.TargetingService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/**
 * "Sasaran kemiskinan": is Dumisake reaching the poor — BPS figures next to the programme's money per
 * kabupaten/kota, the aid by welfare decile, the follow-up list and the trend. Everyone signed in sees it;
 * an operator's money and people are their OPD's, the BPS figures stay the province's.
 */
@Controller
class TargetingController {

    private final TargetingService targeting;

    TargetingController(TargetingService targeting) {
        this.targeting = targeting;
    }

    @GetMapping("/sasaran-kemiskinan")
    String page(@RequestParam(required = false) Integer year, @RequestParam(required = false) String kabupatenKota,
                @RequestParam(required = false) DecileBreakdown by, @RequestParam(required = false) Integer page,
                Model model) {
        TargetingService.Years years = targeting.years();
        int selected = year != null ? year : years.preferred() == null ? -1 : years.preferred();
        if (!years.years().contains(selected)) {
            throw new NotFoundException("targeting.yearNotFound", selected);
        }
        DecileBreakdown breakdown = by == null ? DecileBreakdown.PROGRAMME : by;
        String filter = kabupatenKota == null || kabupatenKota.isBlank() ? null : kabupatenKota.strip();
        List<PovertyRateGaps> trendRegions = targeting.povertyRateGaps();
        model.addAttribute("years", years.years());
        model.addAttribute("year", selected);
        model.addAttribute("kabupatenKota", filter);
        model.addAttribute("by", breakdown);
        model.addAttribute("breakdowns", DecileBreakdown.values());
        model.addAttribute("scopedOpd", CurrentUser.opdScope());
        model.addAttribute("overview", targeting.overview(selected, filter, breakdown));
        model.addAttribute("followUp", targeting.followUp(selected, filter, page == null ? 0 : page));
        model.addAttribute("trendRegions", trendRegions);
        model.addAttribute("kabupatenKotaList", trendRegions.stream()
                .filter(t -> !RegionTargeting.PROVINCE.equals(t.code())).toList());
        model.addAttribute("followUpLimit", TargetingService.FOLLOW_UP_PAGE_SIZE * TargetingService.FOLLOW_UP_PAGES);
        return "targeting/page";
    }
}
