package id.go.jambiprov.dumisake.opd;

import id.go.jambiprov.dumisake.opd.domain.Opd;
import id.go.jambiprov.dumisake.opd.domain.OpdRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Read access to the provincial agencies. */
@Service
@Transactional(readOnly = true)
public class OpdService {

    private final OpdRepository opds;
    private final JdbcClient jdbc;

    OpdService(OpdRepository opds, JdbcClient jdbc) {
        this.opds = opds;
        this.jdbc = jdbc;
    }

    /**
     * Every agency, by code. One plain query, in the caller's transaction if there is one: the filters of the
     * list pages show the agencies on every request, and an entity query in a transaction of its own was a
     * visible share of such a page.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<OpdSummary> all() {
        return jdbc.sql("select code, name, opd_type, dumisake_role, active from opd order by code")
                .query((rs, row) -> new OpdSummary(rs.getString("code"), rs.getString("name"), rs.getString("opd_type"),
                        rs.getString("dumisake_role"), rs.getBoolean("active")))
                .list();
    }

    public OpdSummary get(String code) {
        return opds.findById(code).map(OpdService::summary).orElseThrow(() -> new OpdNotFoundException(code));
    }

    private static OpdSummary summary(Opd opd) {
        return new OpdSummary(opd.getCode(), opd.getName(), opd.getOpdType(), opd.getDumisakeRole(), opd.isActive());
    }
}
