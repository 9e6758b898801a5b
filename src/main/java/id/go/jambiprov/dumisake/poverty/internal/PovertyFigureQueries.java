package id.go.jambiprov.dumisake.poverty.internal;

import id.go.jambiprov.dumisake.poverty.Figure;
import id.go.jambiprov.dumisake.poverty.Indicator;
import id.go.jambiprov.dumisake.poverty.Period;
import id.go.jambiprov.dumisake.poverty.RegionFigures;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures as they are read: per region of the province (every kabupaten/kota, also one without any figure,
 * and the province last), the chosen figure per indicator and the alternatives. Two statements per year.
 */
@Component
@Transactional(readOnly = true)
public class PovertyFigureQueries {

    /** The province has no row in the region tables. */
    public static final String PROVINCE_NAME = "Provinsi Jambi";

    private static final String SELECT = """
            select id, region_code, year, period, indicator, value, source, source_body, note, chosen, updated_by,
                   updated_at
            from poverty_figure""";

    private final JdbcClient jdbc;

    PovertyFigureQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every kabupaten/kota and then the province, for one year and period; gaps stay {@code null}. */
    public List<RegionFigures> ofYear(int year, Period period) {
        List<Figure> figures = jdbc.sql(SELECT + " where year = :year and period = :period order by indicator, id")
                .param("year", year).param("period", period.name()).query(ROW).list();
        Map<String, String> names = regionNames();
        List<RegionFigures> regions = new ArrayList<>();
        names.forEach((code, name) -> regions.add(assemble(code, name, year, period, figures)));
        return regions;
    }

    /** One region's figures; the province is {@code "15"}. Empty figures for a code that is not a region. */
    public RegionFigures of(int year, String code, Period period) {
        List<Figure> figures = jdbc.sql(SELECT + " where year = :year and period = :period and region_code = :code"
                        + " order by indicator, id")
                .param("year", year).param("period", period.name()).param("code", code).query(ROW).list();
        return assemble(code, regionNames().getOrDefault(code, code), year, period, figures);
    }

    public Figure figure(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(ROW).optional().orElse(null);
    }

    /** The years that have at least one figure, oldest first. */
    public List<Integer> years() {
        return jdbc.sql("select distinct year from poverty_figure order by year").query(Integer.class).list();
    }

    /** The kabupaten/kota in code order and the province last. */
    public Map<String, String> regionNames() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("select code, name from kabupaten_kota order by code")
                .query((rs, i) -> names.put(rs.getString(1), rs.getString(2))).list();
        names.put(RegionFigures.PROVINCE, PROVINCE_NAME);
        return names;
    }

    private static RegionFigures assemble(String code, String name, int year, Period period, List<Figure> figures) {
        Map<Indicator, Figure> chosen = new EnumMap<>(Indicator.class);
        List<Figure> alternatives = new ArrayList<>();
        for (Figure figure : figures) {
            if (!figure.regionCode().equals(code)) {
                continue;
            }
            if (figure.chosen()) {
                chosen.put(figure.indicator(), figure);
            } else {
                alternatives.add(figure);
            }
        }
        return new RegionFigures(code, name, year, period, chosen, alternatives);
    }

    /** A stored {@code 8.360} is the published 8,36: trailing zeros of the column's scale say nothing. */
    static BigDecimal published(BigDecimal stored) {
        BigDecimal plain = stored.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    private static final RowMapper<Figure> ROW = (rs, i) -> new Figure(rs.getLong("id"), rs.getString("region_code"),
            rs.getInt("year"), Period.valueOf(rs.getString("period")), Indicator.valueOf(rs.getString("indicator")),
            published(rs.getBigDecimal("value")), rs.getString("source"), rs.getString("source_body"),
            rs.getString("note"), rs.getBoolean("chosen"), rs.getString("updated_by"),
            rs.getObject("updated_at", OffsetDateTime.class));
}
