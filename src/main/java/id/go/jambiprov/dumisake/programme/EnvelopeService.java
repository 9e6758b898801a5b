package id.go.jambiprov.dumisake.programme;

import id.go.jambiprov.dumisake.shared.NotFoundException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * The kecamatan envelopes. Their {@code allocated} total is kept by the database on every allocation
 * write (see V4), so it is read here and never written from Java.
 */
@Service
@Transactional(readOnly = true)
public class EnvelopeService {

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

    EnvelopeService(NamedParameterJdbcTemplate jdbc) {
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

    /**
     * The envelope, locked until the caller's transaction ends: every allocation writer of this envelope
     * queues here, on any application instance, so that its check of the remaining amount stays true
     * until it commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public EnvelopeView lockForUpdate(int year, String kecamatanCode) {
        return jdbc.query(SELECT + " where e.fiscal_year = :year and e.kecamatan_code = :kecamatan for update of e",
                params(year, kecamatanCode), ROW).stream().findFirst().orElseThrow(() -> notFound(year, kecamatanCode));
    }

    /** Locks several envelopes in one fixed order (by code), so that two bulk writers cannot deadlock. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<EnvelopeView> lockForUpdate(int year, List<String> kecamatanCodes) {
        if (kecamatanCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.query(SELECT + " where e.fiscal_year = :year and e.kecamatan_code in (:codes)"
                        + " order by e.kecamatan_code for update of e",
                new MapSqlParameterSource("year", year).addValue("codes", kecamatanCodes), ROW);
    }

    private static MapSqlParameterSource params(int year, String kecamatanCode) {
        return new MapSqlParameterSource("year", year).addValue("kecamatan", kecamatanCode);
    }

    private static NotFoundException notFound(int year, String kecamatanCode) {
        return new NotFoundException("envelope.notFound", kecamatanCode, year);
    }
}
