package id.go.jambiprov.dumisake.region.web;

import id.go.jambiprov.dumisake.region.KabupatenKotaSummary;
import id.go.jambiprov.dumisake.region.KecamatanFields;
import id.go.jambiprov.dumisake.region.RegionService;
import id.go.jambiprov.dumisake.shared.Pageables;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The region browser: kabupaten/kota → kecamatan → desa/kelurahan, with search by name or code. */
@Controller
@RequestMapping("/wilayah")
class RegionController {

    private static final Set<String> SORTABLE = Set.of("code", "name");
    private static final Sort BY_CODE = Sort.by("code");
    private static final int SEARCH_PREVIEW = 20;

    private final RegionService regions;
    private final KecamatanFields kecamatanFields;

    RegionController(RegionService regions, KecamatanFields kecamatanFields) {
        this.regions = regions;
        this.kecamatanFields = kecamatanFields;
    }

    /** The suggestions of a list's kecamatan field (a datalist's options, loaded by htmx as one types). */
    @GetMapping("/kecamatan/saran")
    String kecamatanSuggestions(@RequestParam(required = false) String kabupatenKota,
                                @RequestParam(required = false) String kecamatan, Model model) {
        model.addAttribute("suggestions", kecamatanFields.suggestions(kabupatenKota, kecamatan));
        return "fragments/filters :: kecamatanSuggestions";
    }

    /** A list's kecamatan field for the kabupaten/kota just chosen (htmx swaps it in), every kecamatan selected. */
    @GetMapping("/kecamatan/filter")
    String kecamatanField(@RequestParam(required = false) String kabupatenKota, Model model) {
        model.addAttribute("kecamatanField", kecamatanFields.field(kabupatenKota, null));
        return "fragments/filters :: kecamatanField";
    }

    @GetMapping
    String kabupatenKota(@RequestParam(required = false) String q, Model model) {
        List<KabupatenKotaSummary> all = regions.kabupatenKota();
        model.addAttribute("kabupatenKota", all);
        model.addAttribute("totalKecamatan", all.stream().mapToLong(KabupatenKotaSummary::kecamatanCount).sum());
        model.addAttribute("totalDesa", all.stream().mapToLong(KabupatenKotaSummary::desaCount).sum());
        if (q != null && !q.isBlank()) {
            String text = q.strip().toLowerCase(Locale.ROOT);
            model.addAttribute("q", q.strip());
            model.addAttribute("matchingKabupatenKota", all.stream()
                    .filter(k -> k.name().toLowerCase(Locale.ROOT).contains(text) || k.code().contains(text))
                    .toList());
            PageRequest preview = PageRequest.of(0, SEARCH_PREVIEW, BY_CODE);
            model.addAttribute("matchingKecamatan", regions.kecamatan(null, q, preview));
            model.addAttribute("matchingDesa", regions.desa(null, null, q, preview));
        }
        return "region/kabupaten-kota";
    }

    @GetMapping("/kecamatan")
    String kecamatan(@RequestParam(required = false) String kabupatenKota, @RequestParam(required = false) String q,
                     @PageableDefault(size = 50, sort = "code") Pageable pageable, Model model) {
        model.addAttribute("page", regions.kecamatan(kabupatenKota, q,
                Pageables.allowedSort(pageable, SORTABLE, BY_CODE)));
        model.addAttribute("kabupatenKotaList", regions.kabupatenKota());
        if (kabupatenKota != null && !kabupatenKota.isBlank()) {
            model.addAttribute("parent", regions.kabupatenKota(kabupatenKota));
        }
        model.addAttribute("q", q);
        return "region/kecamatan";
    }

    @GetMapping("/desa")
    String desa(@RequestParam(required = false) String kabupatenKota, @RequestParam(required = false) String kecamatan,
                @RequestParam(required = false) String q,
                @PageableDefault(size = 50, sort = "code") Pageable pageable, Model model) {
        model.addAttribute("page", regions.desa(kabupatenKota, kecamatan, q,
                Pageables.allowedSort(pageable, SORTABLE, BY_CODE)));
        model.addAttribute("kabupatenKotaList", regions.kabupatenKota());
        if (kecamatan != null && !kecamatan.isBlank()) {
            model.addAttribute("parent", regions.kecamatan(kecamatan));
        } else if (kabupatenKota != null && !kabupatenKota.isBlank()) {
            model.addAttribute("parentKabupatenKota", regions.kabupatenKota(kabupatenKota));
        }
        model.addAttribute("q", q);
        return "region/desa";
    }
}
