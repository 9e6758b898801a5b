package id.go.jambiprov.dumisake.poverty;

import id.go.jambiprov.dumisake.poverty.internal.PovertyFigureQueries;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * The official poverty figures for the other capabilities and this one's pages and API: per year, every
 * kabupaten/kota and the province, with the value that counts per indicator or {@code null} where nothing was
 * published. Everyone signed in may read them.
 */
@Service
public class PovertyFigures {

    private final PovertyFigureQueries queries;

    PovertyFigures(PovertyFigureQueries queries) {
        this.queries = queries;
    }

    /** The March figures of the 11 kabupaten/kota in code order and the province ({@code "15"}) last. */
    public List<RegionFigures> ofYear(int year) {
        return queries.ofYear(year, Period.MARET);
    }

    /** The province's September figures of the year (all {@code null} where none were published). */
    public RegionFigures provinceSeptember(int year) {
        return queries.of(year, RegionFigures.PROVINCE, Period.SEPTEMBER);
    }

    /** One region's figures of a year and period. */
    public RegionFigures of(int year, String code, Period period) {
        return queries.of(year, code, period);
    }

    /** The years with at least one figure, oldest first. */
    public List<Integer> years() {
        return queries.years();
    }
}
