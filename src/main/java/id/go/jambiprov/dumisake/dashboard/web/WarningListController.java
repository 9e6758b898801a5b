package id.go.jambiprov.dumisake.dashboard.web;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.dashboard.internal.DashboardService;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/**
 * The whole of one early warning of the dashboard, which shows only its ten worst (the lowest kecamatan and OPDs
 * among them): a page at a time, by year and kabupaten/kota, in the caller's scope (an operator sees its OPD's).
 */
@Controller
class WarningListController {

    /** The warnings by the name in their address, as the dashboard links them. */
    static final List<String> KINDS = List.of("lewat-rencana", "menunggu-verifikasi", "tanpa-target-keluaran",
            "kecamatan-terendah", "opd-terendah");
    private static final int PAGE_SIZE = 50;

    private final DashboardService dashboard;

    WarningListController(DashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/dasbor/peringatan/{kind}")
    String warnings(@PathVariable String kind, @ModelAttribute("year") int year,
                    @RequestParam(required = false) String kabupatenKota, @RequestParam(defaultValue = "0") int page,
                    Model model) {
        PageRequest paging = PageRequest.of(Math.max(0, page), PAGE_SIZE);
        Page<?> rows = switch (kind) {
            case "lewat-rencana" -> dashboard.overdue(year, kabupatenKota, paging);
            case "menunggu-verifikasi" -> dashboard.waitingLong(year, kabupatenKota, paging);
            case "tanpa-target-keluaran" -> dashboard.withoutOutputTargets(year, kabupatenKota, paging);
            case "kecamatan-terendah" -> dashboard.lowestKecamatan(year, kabupatenKota, paging);
            case "opd-terendah" -> dashboard.lowestOpd(year, kabupatenKota, paging);
            default -> throw new NotFoundException("dashboard.warning.notFound", kind);
        };
        model.addAttribute("kind", kind);
        // an operator's kecamatan are read against its OPD's allocations there, not the kecamatan's pagu
        model.addAttribute("scopedOpd", CurrentUser.opdScope());
        model.addAttribute("kabupatenKota", kabupatenKota);
        model.addAttribute("page", rows);
        model.addAttribute("waitingDays", dashboard.waitingDays());
        return "dashboard/warnings";
    }
}
