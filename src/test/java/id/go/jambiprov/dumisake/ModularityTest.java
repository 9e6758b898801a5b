package id.go.jambiprov.dumisake;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
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

    /** Controllers only take requests apart and put pages together: what they show comes through services. */
    @Test
    void noControllerTouchesARepositoryOrSql() {
        noClasses().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .orShould().dependOnClassesThat().areAssignableTo(JdbcOperations.class)
                .orShould().dependOnClassesThat().areAssignableTo(NamedParameterJdbcOperations.class)
                .check(new ClassFileImporter().importPackages("id.go.jambiprov.dumisake"));
    }

    /** The web shell (layout, errors, security) is below the capabilities: only the accounts it signs in. */
    @Test
    void theWebShellDependsOnNoCapabilityButAccounts() {
        assertThat(modules.getModuleByName("web").orElseThrow().getDependencies(modules).stream()
                .map(dependency -> dependency.getTargetModule().getIdentifier().toString()).distinct())
                .allMatch(name -> name.equals("account") || name.equals("shared"));
    }

    /** The envelopes are the allocation capability's: fiscal years announce themselves by events and know no envelope. */
    @Test
    void fiscalYearsKnowNothingOfAllocations() {
        assertThat(modules.getModuleByName("programme").orElseThrow().getDependencies(modules)
                .containsModuleNamed("allocation")).isFalse();
    }

    /** The demo data sits on top: it uses the capabilities' APIs, and no capability may rely on it. */
    @Test
    void noCapabilityDependsOnTheDemoData() {
        assertThat(modules.stream()
                .filter(module -> module.getDependencies(modules).containsModuleNamed("demo"))
                .map(module -> module.getIdentifier().toString())).isEmpty();
    }
}
