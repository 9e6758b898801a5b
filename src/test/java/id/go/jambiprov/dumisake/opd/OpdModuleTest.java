package id.go.jambiprov.dumisake.opd;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The OPD module alone answers who the agencies are: the master data of Flyway, nothing from other modules. */
@ApplicationModuleTest
class OpdModuleTest {

    @Autowired
    OpdService opds;

    @Test
    void listsTheAgenciesThatRunDumisake() {
        assertThat(opds.all()).hasSize(23).extracting(OpdSummary::code).contains("DISDIK", "DINKES", "BAPPEDA");
        assertThat(opds.get("DISDIK").name()).isEqualTo("Dinas Pendidikan Provinsi Jambi");
    }

    @Test
    void anUnknownCodeIsNotFound() {
        assertThatThrownBy(() -> opds.get("TIDAK-ADA")).isInstanceOf(OpdNotFoundException.class);
    }
}
