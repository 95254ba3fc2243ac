package id.slrt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Modules only use each other's public top-level types; the diagrams in docs/modules are regenerated. */
class ModularityTest {
    private static final Path DOCS = Path.of("docs/modules");
    private final ApplicationModules modules = ApplicationModules.of(SlrtApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    /**
     * Documenter writes diagram lines in a different order on each run; a diagram is replaced only
     * when its content really changed, so a build does not leave docs/ modified for nothing.
     */
    @Test
    void writesTheModuleDiagramsToDocs() throws IOException {
        Path fresh = Files.createTempDirectory("modules");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(fresh.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        Files.createDirectories(DOCS);
        try (Stream<Path> files = Files.list(fresh)) {
            for (Path file : files.toList()) {
                Path target = DOCS.resolve(file.getFileName());
                if (!Files.exists(target) || !sameLines(file, target)) {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static boolean sameLines(Path a, Path b) throws IOException {
        List<String> x = Files.readAllLines(a).stream().sorted().toList();
        List<String> y = Files.readAllLines(b).stream().sorted().toList();
        return x.equals(y);
    }
}
