package id.go.jambiprov.dumisake.programme;

import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.opd.OpdService;
import id.go.jambiprov.dumisake.programme.domain.Programme;
import id.go.jambiprov.dumisake.programme.domain.ProgrammeRepository;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** The catalogue of Dumisake sub-programmes. */
@Service
@Transactional
public class ProgrammeService {

    private static final String ENTITY = "Programme";

    private final ProgrammeRepository programmes;
    private final OpdService opds;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    ProgrammeService(ProgrammeRepository programmes, OpdService opds, AuditTrail audit, JdbcClient jdbc) {
        this.programmes = programmes;
        this.jdbc = jdbc;
        this.opds = opds;
        this.audit = audit;
    }

    /**
     * Every programme, by pillar and code. One plain query, in the caller's transaction if there is one: the
     * allocation list's filter shows them on every request (as OpdService.all()).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<ProgrammeView> all() {
        return jdbc.sql("""
                        select code, name, pillar, lead_opd_code, active, max_welfare_decile,
                               min_progress_for_next_tranche, version
                        from programme order by pillar, code""")
                .query((rs, row) -> new ProgrammeView(rs.getString("code"), rs.getString("name"),
                        Pillar.valueOf(rs.getString("pillar")), rs.getString("lead_opd_code"), rs.getBoolean("active"),
                        rs.getObject("max_welfare_decile", Integer.class), rs.getBigDecimal("min_progress_for_next_tranche"),
                        rs.getLong("version")))
                .list();
    }

    @Transactional(readOnly = true)
    public ProgrammeView get(String code) {
        return programmes.findById(code).map(ProgrammeService::view)
                .orElseThrow(() -> new NotFoundException("programme.notFound", code));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public ProgrammeView create(String code, String name, Pillar pillar, String leadOpdCode) {
        String normalisedCode = code.strip().toUpperCase(Locale.ROOT);
        if (!normalisedCode.matches("[A-Z0-9][A-Z0-9-]{1,29}")) {
            throw new BusinessRuleException("PROGRAMME_CODE_INVALID", "programme.codeInvalid");
        }
        if (programmes.existsById(normalisedCode)) {
            throw new BusinessRuleException("PROGRAMME_EXISTS", "programme.exists", normalisedCode);
        }
        requireUniqueName(name, null);
        opds.get(leadOpdCode);
        Programme programme = programmes.saveAndFlush(new Programme(normalisedCode, name.strip(), pillar, leadOpdCode));
        audit.record("PROGRAMME_CREATED", ENTITY, normalisedCode, null, view(programme));
        return view(programme);
    }

    /** Renames, moves or (de)activates a programme; a deactivated one takes no new allocation. */
    @PreAuthorize("hasRole('ADMIN')")
    public ProgrammeView change(String code, String name, Pillar pillar, String leadOpdCode, boolean active,
                                long expectedVersion) {
        Programme programme = programmes.findById(code)
                .orElseThrow(() -> new NotFoundException("programme.notFound", code));
        if (programme.getVersion() != expectedVersion) {
            throw new StaleVersionException(ENTITY, code);
        }
        requireUniqueName(name, code);
        opds.get(leadOpdCode);
        ProgrammeView before = view(programme);
        programme.change(name.strip(), pillar, leadOpdCode, active);
        programmes.flush();
        audit.record("PROGRAMME_CHANGED", ENTITY, code, before, view(programme));
        return view(programme);
    }

    /** Sets or (with null) lifts the highest welfare decile the programme's direct aid may reach. */
    @PreAuthorize("hasRole('ADMIN')")
    public ProgrammeView limitWelfareDecile(String code, Integer maxWelfareDecile) {
        if (maxWelfareDecile != null && (maxWelfareDecile < 1 || maxWelfareDecile > 10)) {
            throw new BusinessRuleException("DECILE_INVALID", "programme.decileInvalid");
        }
        Programme programme = programmes.findById(code)
                .orElseThrow(() -> new NotFoundException("programme.notFound", code));
        ProgrammeView before = view(programme);
        programme.limitWelfareDecile(maxWelfareDecile);
        programmes.flush();
        audit.record("PROGRAMME_DECILE_LIMITED", ENTITY, code, before, view(programme));
        return view(programme);
    }

    /**
     * Sets or (with null) lifts the physical progress (0–100 %) an allocation's latest progress report must show
     * before its tranche 2 or later is submitted.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public ProgrammeView requireProgressForNextTranche(String code, BigDecimal minProgress) {
        if (minProgress != null && (minProgress.signum() < 0 || minProgress.compareTo(BigDecimal.valueOf(100)) > 0
                || minProgress.stripTrailingZeros().scale() > 2)) {
            throw new BusinessRuleException("MIN_PROGRESS_INVALID", "progress.programme.minProgressInvalid");
        }
        Programme programme = programmes.findById(code)
                .orElseThrow(() -> new NotFoundException("programme.notFound", code));
        ProgrammeView before = view(programme);
        programme.requireProgressForNextTranche(minProgress);
        programmes.flush();
        audit.record("PROGRAMME_MIN_PROGRESS_SET", ENTITY, code, before, view(programme));
        return view(programme);
    }

    /** For allocations: the programme exists and takes new money. */
    @Transactional(readOnly = true)
    public ProgrammeView requireActive(String code) {
        ProgrammeView programme = get(code);
        if (!programme.active()) {
            throw new BusinessRuleException("PROGRAMME_INACTIVE", "programme.inactive", programme.name());
        }
        return programme;
    }

    private void requireUniqueName(String name, String exceptCode) {
        boolean taken = exceptCode == null ? programmes.existsByNameIgnoreCase(name.strip())
                : programmes.existsByNameIgnoreCaseAndCodeNot(name.strip(), exceptCode);
        if (taken) {
            throw new BusinessRuleException("PROGRAMME_NAME_TAKEN", "programme.nameTaken", name.strip());
        }
    }

    private static ProgrammeView view(Programme p) {
        return new ProgrammeView(p.getCode(), p.getName(), p.getPillar(), p.getLeadOpdCode(), p.isActive(),
                p.getMaxWelfareDecile(), p.getMinProgressForNextTranche(), p.getVersion());
    }
}
