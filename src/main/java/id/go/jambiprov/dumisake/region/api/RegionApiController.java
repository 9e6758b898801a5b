package id.go.jambiprov.dumisake.region.api;

import id.go.jambiprov.dumisake.region.DesaType;
import id.go.jambiprov.dumisake.region.RegionService;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/regions")
class RegionApiController {

    private static final Pageable ALL_BY_CODE = Pageable.unpaged(Sort.by("code"));

    private final RegionService regions;

    RegionApiController(RegionService regions) {
        this.regions = regions;
    }

    @GetMapping("/kabupaten-kota")
    List<KabupatenKotaItem> kabupatenKota() {
        return regions.kabupatenKota().stream()
                .map(k -> new KabupatenKotaItem(k.code(), k.name(), k.type(), k.kecamatanCount(), k.desaCount()))
                .toList();
    }

    @GetMapping("/kecamatan")
    List<KecamatanItem> kecamatan(@RequestParam(required = false) String kabupatenKota) {
        return regions.kecamatan(kabupatenKota, null, ALL_BY_CODE).stream()
                .map(k -> new KecamatanItem(k.code(), k.name(), k.kabupatenKotaCode(), k.desaCount()))
                .toList();
    }

    @GetMapping("/desa")
    List<DesaItem> desa(@RequestParam(required = false) String kecamatan) {
        return regions.desa(null, kecamatan, null, ALL_BY_CODE).stream()
                .map(d -> new DesaItem(d.code(), d.name(), d.type(), d.kecamatanCode()))
                .toList();
    }

    record KabupatenKotaItem(String code, String name, String type, long kecamatanCount, long desaCount) {
    }

    record KecamatanItem(String code, String name, String kabupatenKotaCode, long desaCount) {
    }

    record DesaItem(String code, String name, DesaType type, String kecamatanCode) {
    }
}
