package id.go.jambiprov.dumisake.opd;

import id.go.jambiprov.dumisake.opd.domain.Opd;
import id.go.jambiprov.dumisake.opd.domain.OpdRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Read access to the provincial agencies. */
@Service
@Transactional(readOnly = true)
public class OpdService {

    private final OpdRepository opds;

    OpdService(OpdRepository opds) {
        this.opds = opds;
    }

    public List<OpdSummary> all() {
        return opds.findAllByOrderByCode().stream().map(OpdService::summary).toList();
    }

    public OpdSummary get(String code) {
        return opds.findById(code).map(OpdService::summary).orElseThrow(() -> new OpdNotFoundException(code));
    }

    private static OpdSummary summary(Opd opd) {
        return new OpdSummary(opd.getCode(), opd.getName(), opd.getOpdType(), opd.getDumisakeRole(), opd.isActive());
    }
}
