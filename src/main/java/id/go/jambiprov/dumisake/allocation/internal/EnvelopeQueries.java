package id.go.jambiprov.dumisake.allocation.internal;

import id.go.jambiprov.dumisake.allocation.EnvelopeView;
import id.go.jambiprov.dumisake.programme.FiscalYearStatus;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * The kecamatan envelopes as the pages, the API and the exports read them (no lock). Writers take them as
 * aggregates from {@link id.go.jambiprov.dumisake.allocation.domain.Envelopes} instead.
 */
@Service
@Transactional(readOnly = true)
public class EnvelopeQueries {

    private static final String SELECT = """
            select e.fiscal_year, e.kecamatan_code, c.name as kecamatan_name, k.code as kabupaten_kota_code,
                   k.name as kabupaten_kota_name, e.pagu, e.allocated, e.realised, y.status
            from envelope e
            join fiscal_year y on y.year = e.fiscal_year
            join kecamatan c on c.code = e.kecamatan_code
            join kabupaten_kota k on k.code = c.kabupaten_kota_code
            """;

    private static final RowMapper<EnvelopeView> ROW = (rs, n) -> new EnvelopeView(rs.getInt("fiscal_year"),
            rs.getString("kecamatan_code"), rs.getString("kecamatan_name"), rs.getString("kabupaten_kota_code"),
            rs.getString("kabupaten_kota_name"), rs.getBigDecimal("pagu"), rs.getBigDecimal("allocated"),
            rs.getBigDecimal("realised"), FiscalYearStatus.valueOf(rs.getString("status")));

    private final NamedParameterJdbcTemplate jdbc;

    EnvelopeQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The envelopes of a year, optionally of one kabupaten/kota, by kecamatan code. */
    public List<EnvelopeView> overview(int year, String kabupatenKotaCode) {
        boolean filtered = kabupatenKotaCode != null && !kabupatenKotaCode.isBlank();
        return jdbc.query(SELECT + " where e.fiscal_year = :year"
                        + (filtered ? " and k.code = :kabupatenKota" : "") + " order by e.kecamatan_code",
                new MapSqlParameterSource("year", year).addValue("kabupatenKota", kabupatenKotaCode), ROW);
    }

    public EnvelopeView get(int year, String kecamatanCode) {
        return jdbc.query(SELECT + " where e.fiscal_year = :year and e.kecamatan_code = :kecamatan", params(year,
                kecamatanCode), ROW).stream().findFirst().orElseThrow(() -> notFound(year, kecamatanCode));
    }

    private static MapSqlParameterSource params(int year, String kecamatanCode) {
        return new MapSqlParameterSource("year", year).addValue("kecamatan", kecamatanCode);
    }

    private static NotFoundException notFound(int year, String kecamatanCode) {
        return new NotFoundException("envelope.notFound", kecamatanCode, year);
    }
}
