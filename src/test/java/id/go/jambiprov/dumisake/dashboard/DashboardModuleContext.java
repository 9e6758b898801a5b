package id.go.jambiprov.dumisake.dashboard;

import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.audit.AuditLog;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.opd.OpdService;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.progress.ProgressReports;
import id.go.jambiprov.dumisake.region.RegionService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard module alone, its neighbours stood in for: the tests of its read models share this one context
 * (the same stand-ins make the same cached context). Each test rolls back, so the disbursements' kept days (V22_36),
 * which are added at commit, are added at the end of each statement instead.
 */
@ApplicationModuleTest
@Transactional
public abstract class DashboardModuleContext {

    @MockitoBean
    protected Allocations allocations;
    @MockitoBean
    protected AuditTrail audit;
    @MockitoBean
    protected AuditLog auditLog;
    @MockitoBean
    protected OpdService opds;
    @MockitoBean
    protected FiscalYearService fiscalYears;
    @MockitoBean
    protected RegionService regions;
    @MockitoBean
    protected ProgressReports progress;

    @Autowired
    private JdbcTemplate keptDays;

    @BeforeEach
    void keptDaysAddedAsTheyAreWritten() {
        keptDays.execute("set constraints disbursement_day_at_commit immediate");
    }
}
