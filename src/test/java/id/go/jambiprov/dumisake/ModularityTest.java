package id.go.jambiprov.dumisake;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the capabilities apart: no cycles, and no capability reaches into another one's internal
 * packages (domain, web, api). Also writes the module documentation to target/spring-modulith-docs.
 */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(DumisakeApplication.class);

    @Test
    void capabilitiesKeepTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }

    /** The envelopes are the allocation capability's: fiscal years announce themselves by events and know no envelope. */
    @Test
    void fiscalYearsKnowNothingOfAllocations() {
        assertThat(modules.getModuleByName("programme").orElseThrow().getDependencies(modules)
                .containsModuleNamed("allocation")).isFalse();
    }
}
