package id.go.jambiprov.dumisake;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

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
}
