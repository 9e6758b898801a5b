package id.go.jambiprov.dumisake;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the capabilities apart: no cycles, and no capability reaches into another one's internal
 * packages (internal, domain, web, api), and each keeps to the modules it declares. Also writes docs/modules.
 */
class ModularityTest {

    private static final Path DOCS = Path.of("docs", "modules");

    private final ApplicationModules modules = ApplicationModules.of(DumisakeApplication.class);

    @Test
    void capabilitiesKeepTheirBoundaries() {
        modules.verify();
    }

    /**
     * Writes docs/modules: the module diagrams (PlantUML) and canvases (each module's API, beans and events) of
     * the documenter, and README.md with the same graph as Mermaid, which the repository's web view draws.
     */
    @Test
    void writesModuleDocumentation() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
        Files.writeString(DOCS.resolve("README.md"), mermaid());
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path diagram : files.filter(file -> file.toString().endsWith(".puml")).toList()) {
                Files.write(diagram, relationsInOrder(Files.readAllLines(diagram)));
            }
        }
    }

    /** The documenter writes a diagram's relations in no fixed order: sorted, the files change only with the code. */
    private static List<String> relationsInOrder(List<String> lines) {
        List<String> sorted = new ArrayList<>(lines);
        int start = 0;
        while (start < sorted.size()) {
            int end = start;
            while (end < sorted.size() && sorted.get(end).startsWith("Rel(")) {
                end++;
            }
            if (end > start) {
                Collections.sort(sorted.subList(start, end));
            }
            start = end + 1;
        }
        return sorted;
    }

    private String mermaid() {
        StringBuilder graph = new StringBuilder("""
                # Modules

                Written by `ModularityTest` from the code (do not edit). Solid arrows: uses the module's API;
                dotted: listens to its events. Every module also uses `shared`, left out here.

                ```mermaid
                graph TD
                """);
        List<ApplicationModule> all = modules.stream().filter(module -> !module.getName().equals("shared"))
                .sorted(Comparator.comparing(ApplicationModule::getName)).toList();
        for (ApplicationModule module : all) {
            graph.append("    %s[\"%s<br/><small>%s</small>\"]%n".formatted(module.getName(), module.getDisplayName(),
                    module.getName()));
        }
        for (ApplicationModule module : all) {
            module.getDirectDependencies(modules).uniqueModules().map(ApplicationModule::getName).sorted()
                    .filter(target -> !target.equals("shared"))
                    .forEach(target -> graph.append("    %s --> %s%n".formatted(module.getName(), target)));
        }
        for (ApplicationModule listener : all) {
            listener.getEventsListenedTo(modules).stream()
                    .map(event -> modules.getModuleByType(event.getName()).map(ApplicationModule::getName)
                            .orElseThrow() + " -. " + event.getSimpleName() + " .-> " + listener.getName())
                    .sorted().distinct().forEach(edge -> graph.append("    ").append(edge).append('\n'));
        }
        return graph.append("```\n").toString();
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
