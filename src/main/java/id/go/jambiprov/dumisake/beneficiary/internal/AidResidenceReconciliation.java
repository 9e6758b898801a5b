package id.go.jambiprov.dumisake.beneficiary.internal;

import id.go.jambiprov.dumisake.beneficiary.AidReachDifference;
import id.go.jambiprov.dumisake.beneficiary.AidResidenceDifference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Whether every aid row still carries its person's desa and decile (V21_20), recounted by the database's
 * {@code aid_residence_differences()} over all aid, and whether the kept reach the targeting figures read (V22_1)
 * equals a recount of the aid rows ({@code aid_reach_differences()}): for operators (admins) who want to see that
 * the copies hold.
 */
@Service
@Transactional(readOnly = true)
public class AidResidenceReconciliation {

    private final JdbcTemplate jdbc;

    AidResidenceReconciliation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<AidResidenceDifference> differences() {
        return jdbc.query("select * from aid_residence_differences()", (rs, n) -> new AidResidenceDifference(
                rs.getLong("aid_id"), rs.getLong("beneficiary_id"), rs.getString("kept_desa_code"),
                rs.getString("desa_code"), (Integer) rs.getObject("kept_decile", Integer.class),
                (Integer) rs.getObject("welfare_decile", Integer.class)));
    }

    /** The kept reach's cells that differ from the aid rows, of one fiscal year or, with null, of all. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<AidReachDifference> reachDifferences(Integer year) {
        return jdbc.query("select * from aid_reach_differences(?)", (rs, n) -> new AidReachDifference(
                rs.getInt("fiscal_year"), rs.getString("opd_code"), rs.getString("programme_code"),
                rs.getString("kabupaten_kota_code"), (Integer) rs.getObject("decile", Integer.class),
                rs.getLong("kept_people"), rs.getLong("people"), rs.getBigDecimal("kept_amount"),
                rs.getBigDecimal("amount")), year);
    }
}
