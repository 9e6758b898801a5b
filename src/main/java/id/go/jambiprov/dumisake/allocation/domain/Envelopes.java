package id.go.jambiprov.dumisake.allocation.domain;

import id.go.jambiprov.dumisake.shared.NotFoundException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/**
 * The envelopes as aggregates, read only under their row lock. Every writer of allocations takes its envelopes
 * here, on any application instance, so that what {@link Envelope} decides stays true until the writer commits;
 * several envelopes are always locked in one order (by kecamatan code), so that two writers cannot deadlock.
 * The running total {@code allocated} is moved by the database with each allocation row, never written here;
 * {@code realised} is written here, as {@link Envelope#realise} moved it.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class Envelopes {

    private static final RowMapper<Envelope> ROW = (rs, n) -> new Envelope(rs.getInt("fiscal_year"),
            rs.getString("kecamatan_code"), rs.getString("kecamatan_name"), rs.getBigDecimal("pagu"),
            rs.getBigDecimal("allocated"), rs.getBigDecimal("realised"));

    private final NamedParameterJdbcTemplate jdbc;

    Envelopes(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The envelope of one kecamatan, locked until the transaction ends. */
    public Envelope lock(int year, String kecamatanCode) {
        return lock(year, List.of(kecamatanCode)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("envelope.notFound", kecamatanCode, year));
    }

    /** The envelopes of these kecamatan (those that exist), locked by code until the transaction ends. */
    public List<Envelope> lock(int year, Collection<String> kecamatanCodes) {
        if (kecamatanCodes.isEmpty()) {
            return List.of();
        }
        return locked(" and e.kecamatan_code in (:codes)",
                new MapSqlParameterSource("year", year).addValue("codes", kecamatanCodes));
    }

    /** Every envelope of the year, locked by code until the transaction ends: no allocation slips in meanwhile. */
    public List<Envelope> lockYear(int year) {
        return locked("", new MapSqlParameterSource("year", year));
    }

    /** One envelope per kecamatan of the province for a year just opened. */
    public void open(int year, BigDecimal pagu) {
        jdbc.update("insert into envelope (fiscal_year, kecamatan_code, pagu) select :year, code, :pagu from kecamatan",
                new MapSqlParameterSource("year", year).addValue("pagu", pagu));
    }

    /** Writes the pagu that {@link Envelope#repriceAll} gave every envelope of the year, in one statement. */
    public void savePagu(int year, BigDecimal pagu) {
        jdbc.update("update envelope set pagu = :pagu where fiscal_year = :year",
                new MapSqlParameterSource("year", year).addValue("pagu", pagu));
    }

    /** Writes what {@link Envelope#realise} left these envelopes realised, in one batch. */
    public void saveRealised(Collection<Envelope> changed) {
        jdbc.batchUpdate("""
                        update envelope set realised = :realised
                        where fiscal_year = :year and kecamatan_code = :kecamatan""",
                changed.stream().map(envelope -> new MapSqlParameterSource("realised", envelope.realised())
                        .addValue("year", envelope.year()).addValue("kecamatan", envelope.kecamatanCode()))
                        .toArray(MapSqlParameterSource[]::new));
    }

    private List<Envelope> locked(String condition, MapSqlParameterSource params) {
        return jdbc.query("""
                select e.fiscal_year, e.kecamatan_code, c.name as kecamatan_name, e.pagu, e.allocated, e.realised
                from envelope e join kecamatan c on c.code = e.kecamatan_code
                where e.fiscal_year = :year""" + condition + " order by e.kecamatan_code for update of e", params, ROW);
    }
}
