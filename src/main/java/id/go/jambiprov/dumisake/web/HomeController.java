package id.go.jambiprov.dumisake.web;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.opd.OpdService;
import id.go.jambiprov.dumisake.region.RegionService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final RegionService regions;
    private final OpdService opds;

    HomeController(RegionService regions, OpdService opds) {
        this.regions = regions;
        this.opds = opds;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal DumisakeUser user, Model model) {
        model.addAttribute("kabupatenKota", regions.kabupatenKota());
        if (user.opdCode() != null) {
            model.addAttribute("opd", opds.get(user.opdCode()));
        }
        return switch (user.role()) {
            case ADMIN -> "home/admin";
            case EXPERT -> "home/expert";
            case OPD_OPERATOR -> "home/operator";
        };
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
