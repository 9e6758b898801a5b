package id.go.jambiprov.dumisake.beneficiary;

import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.audit.AuditLog;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.ProgrammeService;
import id.go.jambiprov.dumisake.region.DesaSummary;
import id.go.jambiprov.dumisake.region.DesaType;
import id.go.jambiprov.dumisake.region.RegionService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;

import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.as;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.freshNik;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The beneficiary module alone, the regions and the allocations stood in for: a person registered through its
 * API is written with the sex and date of birth the NIK carries, in the operator's OPD, and audited; the same
 * NIK twice is refused. Each test rolls back.
 */
@ApplicationModuleTest
@Transactional
class BeneficiaryModuleTest {

    private static final String DESA = "15.01.01.2001";

    @MockitoBean
    Allocations allocations;
    @MockitoBean
    ProgrammeService programmes;
    @MockitoBean
    FiscalYearService fiscalYears;
    @MockitoBean
    RegionService regions;
    @MockitoBean
    AuditTrail audit;
    @MockitoBean
    AuditLog auditLog;

    @Autowired
    Beneficiaries beneficiaries;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPersonIsRegisteredWithWhatTheNikCarries() {
        when(regions.desa(DESA)).thenReturn(new DesaSummary(DESA, "Desa Uji", DesaType.DESA, "15.01.01",
                "Gunung Raya", "15.01", "Kabupaten Kerinci"));
        String nik = freshNik();

        as(operator("DISDIK"), () -> {
            beneficiaries.register(nik, "Siti Uji", DESA, "Jalan Uji 1", 2);
            return null;
        });

        Map<String, Object> row = jdbc.queryForMap(
                "select sex, date_of_birth, registered_opd, created_by from beneficiary where nik = ?", nik);
        assertThat(row).containsEntry("sex", "F").containsEntry("registered_opd", "DISDIK")
                .containsEntry("created_by", "op-disdik");
        assertThat(((Date) row.get("date_of_birth")).toLocalDate()).isEqualTo(LocalDate.of(1990, 7, 1));
        verify(audit).record(eq("BENEFICIARY_CREATED"), eq("Beneficiary"), anyLong(), any(), any());

        assertThatThrownBy(() -> as(operator("DISDIK"), () -> {
            beneficiaries.register(nik, "Siti Uji", DESA, "Jalan Uji 1", 2);
            return null;
        })).isInstanceOfSatisfying(BusinessRuleException.class,
                refused -> assertThat(refused.code()).isEqualTo("BENEFICIARY_EXISTS"));
    }
}
