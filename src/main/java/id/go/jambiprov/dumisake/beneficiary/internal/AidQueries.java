package id.go.jambiprov.dumisake.beneficiary.internal;

import id.go.jambiprov.dumisake.account.OpdScope;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.beneficiary.AidView;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The aid records as lists read them (NIK masked), and the facts about aid that recording and importing
 * check: whether a person received a programme's aid already, and what an allocation has given.
 */
@Service
@Transactional(readOnly = true)
public class AidQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final Allocations allocations;

    AidQueries(NamedParameterJdbcTemplate jdbc, Allocations allocations) {
        this.jdbc = jdbc;
        this.allocations = allocations;
    }

    /** The aid of one allocation the caller may see (another OPD's allocation is "not found"). */
    public List<AidView> aidOfAllocation(long allocationId) {
        allocations.get(allocationId);
        return jdbc.query(AID_SELECT + " where x.allocation_id = :allocation order by x.aid_date desc, x.id desc",
                new MapSqlParameterSource("allocation", allocationId), AID_ROW);
    }

    /** The aid of a fiscal year as lists show it (NIK masked), an operator's OPD only, oldest first. */
    public List<AidView> aidOfYear(int year) {
        MapSqlParameterSource params = new MapSqlParameterSource("year", year);
        return jdbc.query(AID_SELECT + " where x.fiscal_year = :year" + OpdScope.sql("x.opd_code", params)
                + " order by x.aid_date, x.id", params, AID_ROW);
    }

    /**
     * Whether the caller may see any aid of the year (of a person whose name starts with {@code namePrefix}, when
     * given): one indexed look-up, where {@link #aidOfYear} would read the whole year.
     */
    public boolean anyAidOfYear(int year, String namePrefix) {
        MapSqlParameterSource params = new MapSqlParameterSource("year", year);
        String name = "";
        if (namePrefix != null) {
            name = " and b.name like :prefix";
            params.addValue("prefix", namePrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from aid x"
                + " join beneficiary b on b.id = x.beneficiary_id where x.fiscal_year = :year" + name
                + OpdScope.sql("x.opd_code", params) + ")", params, Boolean.class));
    }

    /** All aid one person received, across OPDs and years. */
    public List<AidView> aidOf(long beneficiaryId) {
        return jdbc.query(AID_SELECT + " where x.beneficiary_id = :beneficiary order by x.aid_date desc, x.id desc",
                new MapSqlParameterSource("beneficiary", beneficiaryId), AID_ROW);
    }

    /** People with aid from two or more programmes in one fiscal year, for the expert team. */
    public List<MultiProgrammeRow> multiProgramme(int year) {
        return jdbc.query("""
                        select b.id, b.nik, b.name, d.name as desa_name, c.name as kecamatan_name, x.fiscal_year,
                               string_agg(distinct p.name, ', ') as programmes, count(*) as aid_count
                        from aid x join beneficiary b on b.id = x.beneficiary_id
                        join programme p on p.code = x.programme_code
                        join desa d on d.code = b.desa_code join kecamatan c on c.code = d.kecamatan_code
                        where x.fiscal_year = :year and x.status <> 'CANCELLED'
                        group by b.id, d.name, c.name, x.fiscal_year
                        having count(distinct x.programme_code) > 1
                        order by c.name, d.name, b.name""", new MapSqlParameterSource("year", year),
                (rs, n) -> new MultiProgrammeRow(rs.getLong("id"), Nik.mask(rs.getString("nik")), rs.getString("name"),
                        rs.getString("desa_name"), rs.getString("kecamatan_name"), rs.getInt("fiscal_year"),
                        rs.getString("programmes"), rs.getLong("aid_count")));
    }

    AidView aid(long id) {
        return jdbc.query(AID_SELECT + " where x.id = :id", new MapSqlParameterSource("id", id), AID_ROW).get(0);
    }

    /** Whether the person has the programme's aid in the year (cancelled aid does not count). */
    boolean hasAid(long beneficiaryId, String programmeCode, int year) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                        select exists (select 1 from aid where beneficiary_id = :beneficiary and programme_code = :programme
                                       and fiscal_year = :year and status <> 'CANCELLED')""",
                new MapSqlParameterSource("beneficiary", beneficiaryId).addValue("programme", programmeCode)
                        .addValue("year", year), Boolean.class));
    }

    /** What the allocation has given as aid so far (cancelled aid does not count). */
    BigDecimal aided(long allocationId) {
        return jdbc.queryForObject("select coalesce(sum(amount), 0) from aid where allocation_id = :id"
                + " and status <> 'CANCELLED'", new MapSqlParameterSource("id", allocationId), BigDecimal.class);
    }

    /** The names of the other programmes the person has aid from in the year, for the warning after recording. */
    List<String> otherProgrammes(long beneficiaryId, int year, String programmeCode) {
        return jdbc.queryForList("""
                        select distinct p.name from aid x join programme p on p.code = x.programme_code
                        where x.beneficiary_id = :beneficiary and x.fiscal_year = :year and x.status <> 'CANCELLED'
                          and x.programme_code <> :programme order by p.name""",
                new MapSqlParameterSource("beneficiary", beneficiaryId).addValue("year", year)
                        .addValue("programme", programmeCode), String.class);
    }

    private static final String AID_SELECT = """
            select x.id, x.beneficiary_id, x.nik, b.name as beneficiary_name, d.name as desa_name, x.allocation_id,
                   a.title as allocation_title, x.programme_code, p.name as programme_name, x.fiscal_year, x.opd_code,
                   x.amount, x.description, x.aid_date, x.status, x.created_by, x.cancel_reason, x.cancelled_by,
                   x.version
            from aid x
            join beneficiary b on b.id = x.beneficiary_id
            join desa d on d.code = b.desa_code
            join allocation a on a.id = x.allocation_id
            join programme p on p.code = x.programme_code
            """;

    private static final RowMapper<AidView> AID_ROW = (rs, n) -> new AidView(rs.getLong("id"),
            rs.getLong("beneficiary_id"), Nik.mask(rs.getString("nik")), rs.getString("beneficiary_name"),
            rs.getString("desa_name"), rs.getLong("allocation_id"), rs.getString("allocation_title"),
            rs.getString("programme_code"), rs.getString("programme_name"), rs.getInt("fiscal_year"),
            rs.getString("opd_code"), rs.getBigDecimal("amount"), rs.getString("description"),
            rs.getObject("aid_date", LocalDate.class), rs.getString("status"), rs.getString("created_by"),
            rs.getString("cancel_reason"), rs.getString("cancelled_by"), rs.getLong("version"));
}
