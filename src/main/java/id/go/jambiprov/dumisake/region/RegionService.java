package id.go.jambiprov.dumisake.region;

import id.go.jambiprov.dumisake.region.domain.DesaRepository;
import id.go.jambiprov.dumisake.region.domain.KabupatenKotaRepository;
import id.go.jambiprov.dumisake.region.domain.KecamatanRepository;
import id.go.jambiprov.dumisake.shared.SearchText;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Read access to Jambi's kabupaten/kota, kecamatan and desa for every other capability. */
@Service
@Transactional(readOnly = true)
public class RegionService {

    private final KabupatenKotaRepository kabupatenKota;
    private final KecamatanRepository kecamatan;
    private final DesaRepository desa;
    private volatile List<KabupatenKotaSummary> kabupatenKotaList;
    private volatile List<KecamatanSummary> kecamatanList;

    RegionService(KabupatenKotaRepository kabupatenKota, KecamatanRepository kecamatan, DesaRepository desa) {
        this.kabupatenKota = kabupatenKota;
        this.kecamatan = kecamatan;
        this.desa = desa;
    }

    /** Read once: the master data changes only with a migration, that is with a new start. */
    public List<KabupatenKotaSummary> kabupatenKota() {
        List<KabupatenKotaSummary> list = kabupatenKotaList;
        if (list == null) {
            list = List.copyOf(kabupatenKota.summaries());
            kabupatenKotaList = list;
        }
        return list;
    }

    public KabupatenKotaSummary kabupatenKota(String code) {
        return kabupatenKota().stream()
                .filter(k -> k.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new RegionNotFoundException(code));
    }

    /** Kecamatan, optionally of one kabupaten/kota, whose name or code contains {@code text}. */
    public Page<KecamatanSummary> kecamatan(String kabupatenKotaCode, String text, Pageable pageable) {
        requireKabupatenKota(kabupatenKotaCode);
        return kecamatan.search(blankToNull(kabupatenKotaCode), SearchText.containsPattern(text), pageable);
    }

    /**
     * Every kecamatan in code order, or those of one kabupaten/kota: the choices of a list's filter, which every
     * page of a list shows. Read once, as {@link #kabupatenKota()}.
     */
    public List<KecamatanSummary> kecamatanChoices(String kabupatenKotaCode) {
        List<KecamatanSummary> list = kecamatanList;
        if (list == null) {
            list = List.copyOf(kecamatan.search(null, null, Pageable.unpaged(Sort.by("code"))).getContent());
            kecamatanList = list;
        }
        if (kabupatenKotaCode == null || kabupatenKotaCode.isBlank()) {
            return list;
        }
        if (kabupatenKota().stream().noneMatch(k -> k.code().equals(kabupatenKotaCode))) {
            // not among those read at the start: added since (the scale data), or unknown
            requireKabupatenKota(kabupatenKotaCode);
        }
        return list.stream().filter(k -> k.kabupatenKotaCode().equals(kabupatenKotaCode)).toList();
    }

    public KecamatanSummary kecamatan(String code) {
        return kecamatan.summary(code).orElseThrow(() -> new RegionNotFoundException(code));
    }

    /** Desa/kelurahan, optionally of one kabupaten/kota or kecamatan, whose name or code contains {@code text}. */
    public Page<DesaSummary> desa(String kabupatenKotaCode, String kecamatanCode, String text, Pageable pageable) {
        requireKabupatenKota(kabupatenKotaCode);
        if (kecamatanCode != null && !kecamatanCode.isBlank() && !kecamatan.existsById(kecamatanCode)) {
            throw new RegionNotFoundException(kecamatanCode);
        }
        return desa.search(blankToNull(kabupatenKotaCode), blankToNull(kecamatanCode),
                SearchText.containsPattern(text), pageable);
    }

    public DesaSummary desa(String code) {
        return desa.summaries(List.of(code)).stream().findFirst().orElseThrow(() -> new RegionNotFoundException(code));
    }

    /** The desa/kelurahan of those codes that exist, by code (one query for a whole import). */
    public Map<String, DesaSummary> desaByCode(Collection<String> codes) {
        return codes.isEmpty() ? Map.of() : desa.summaries(codes).stream()
                .collect(Collectors.toMap(DesaSummary::code, Function.identity()));
    }

    private void requireKabupatenKota(String code) {
        if (code != null && !code.isBlank() && !kabupatenKota.existsById(code)) {
            throw new RegionNotFoundException(code);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
