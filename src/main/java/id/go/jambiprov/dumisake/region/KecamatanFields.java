package id.go.jambiprov.dumisake.region;

import org.springframework.stereotype.Service;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kecamatan filter of the lists (allocations, work list, obstacles) at any scale. Up to {@link #MAX_OPTIONS}
 * kecamatan (Jambi's 144, or one kabupaten/kota's) are a select; the country's 7,144 would be a 517 kB page, so
 * beyond that the field is a text input that takes a kecamatan code or an exact name, and suggests at most
 * {@link #SUGGESTIONS} kecamatan as one types ({@link #suggestions}), each as "name (code)", which it takes too.
 */
@Service
public class KecamatanFields {

    public static final int MAX_OPTIONS = 300;
    public static final int SUGGESTIONS = 20;
    private static final String UNKNOWN = "filter.kecamatan.unknown";
    private static final String AMBIGUOUS = "filter.kecamatan.ambiguous";

    /** The code at the end of a suggestion, "Batang Asai (15.03.01)". */
    private static final Pattern SUGGESTED = Pattern.compile(".*\\(([0-9.]+)\\)");

    private final RegionService regions;

    KecamatanFields(RegionService regions) {
        this.regions = regions;
    }

    /**
     * The field for what was entered (a code, or a name of a kecamatan of the kabupaten/kota when one is chosen, else
     * of any), in any case; blank for every kecamatan. The choices come from the list read once at the start.
     */
    public KecamatanField field(String kabupatenKotaCode, String entered) {
        List<KecamatanSummary> within = regions.kecamatanChoices(kabupatenKotaCode);
        List<KecamatanSummary> choices = within.size() <= MAX_OPTIONS ? within : null;
        String text = entered == null ? "" : entered.strip();
        if (text.isEmpty()) {
            return new KecamatanField(null, "", choices, null);
        }
        Matcher suggested = SUGGESTED.matcher(text);
        String code = suggested.matches() ? suggested.group(1) : text;
        for (KecamatanSummary kecamatan : regions.kecamatanChoices(null)) {
            if (kecamatan.code().equals(code)) {
                return new KecamatanField(kecamatan, text, choices, null);
            }
        }
        String name = text.toLowerCase(Locale.ROOT);
        List<KecamatanSummary> named = within.stream()
                .filter(k -> k.name().toLowerCase(Locale.ROOT).equals(name)).limit(2).toList();
        if (named.size() == 1) {
            return new KecamatanField(named.get(0), text, choices, null);
        }
        return new KecamatanField(null, text, choices, named.isEmpty() ? UNKNOWN : AMBIGUOUS);
    }

    /**
     * At most {@link #SUGGESTIONS} kecamatan (of the kabupaten/kota, when one is chosen) whose name or code contains
     * the text, those that begin with it first, then by name; none for a blank text. From the list read once: a
     * keystroke costs no query.
     */
    public List<KecamatanSummary> suggestions(String kabupatenKotaCode, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return regions.kecamatanChoices(kabupatenKotaCode).stream()
                .filter(k -> k.name().toLowerCase(Locale.ROOT).contains(wanted) || k.code().contains(wanted))
                .sorted(Comparator.comparing((KecamatanSummary k) -> !begins(k, wanted))
                        .thenComparing(KecamatanSummary::name).thenComparing(KecamatanSummary::code))
                .limit(SUGGESTIONS)
                .toList();
    }

    /** A kecamatan as the suggestions name it and the field takes it back: "Batang Asai (15.03.01)". */
    public static String asSuggested(KecamatanSummary kecamatan) {
        return kecamatan.name() + " (" + kecamatan.code() + ")";
    }

    private static boolean begins(KecamatanSummary kecamatan, String text) {
        return kecamatan.name().toLowerCase(Locale.ROOT).startsWith(text) || kecamatan.code().startsWith(text);
    }
}
