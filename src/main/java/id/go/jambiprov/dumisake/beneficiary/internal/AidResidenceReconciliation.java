package id.go.jambiprov.dumisake.beneficiary.internal;

import id.go.jambiprov.dumisake.beneficiary.AidResidenceDifference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Whether every aid row still carries its person's desa and decile (V21_20), recounted by the database's
 * {@code aid_residence_differences()} over all aid: for operators (admins) who want to see that the copies hold.
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
}
