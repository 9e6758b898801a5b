package id.go.jambiprov.dumisake.beneficiary.web;

import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The counts of people with aid per region: fragments the dashboards load with htmx. */
@Controller
class BeneficiaryCountsController {

    private final BeneficiaryQueries people;

    BeneficiaryCountsController(BeneficiaryQueries people) {
        this.people = people;
    }

    /**
     * Beneficiaries with aid in a year per desa of one kecamatan, or per kecamatan when none is given: a
     * fragment the dashboards load with htmx.
     */
    @GetMapping("/penerima/jumlah")
    String counts(@RequestParam int year, @RequestParam(required = false) String kecamatan, Model model) {
        boolean perDesa = kecamatan != null && !kecamatan.isBlank();
        model.addAttribute("perDesa", perDesa);
        model.addAttribute("counts", perDesa ? people.countsPerDesa(year, kecamatan)
                : people.countsPerKecamatan(year));
        return "beneficiary/counts :: counts";
    }

    /**
     * The beneficiary section of the province dashboard, which loads it with htmx: counts per kabupaten/kota,
     * per kecamatan of one, or per desa of one kecamatan, each row leading one level down.
     */
    @GetMapping("/penerima/jumlah/ringkasan")
    String countsSummary(@RequestParam int year, @RequestParam(required = false) String kabupatenKota,
                         @RequestParam(required = false) String kecamatan, Model model) {
        model.addAttribute("summary", people.countsSummary(year, kabupatenKota, kecamatan));
        return "beneficiary/counts :: summary";
    }
}
