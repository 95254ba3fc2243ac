package id.slrt.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.slrt.SlrtApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Settings a newcomer gets wrong end start-up with one clear line in both languages, no stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class StartupProblemTest {
    @TempDir
    Path tmp;

    @Test
    void portInUse(CapturedOutput output) throws IOException {
        try (ServerSocket busy = new ServerSocket(0)) {
            StartupProblem p = startExpectingProblem(output, "--server.port=" + busy.getLocalPort());
            assertThat(p.indonesian()).contains("port " + busy.getLocalPort() + " sudah dipakai").contains("SERVER_PORT");
            assertThat(p.english()).contains("already in use");
        }
    }

    @Test
    void unwritableDataDirectory(CapturedOutput output) throws IOException {
        Path file = Files.writeString(tmp.resolve("not-a-directory"), "x");
        StartupProblem p = startExpectingProblem(output, "--slrt.data-dir=" + file.resolve("data"));
        assertThat(p.indonesian()).contains("tidak dapat ditulisi").contains("SLRT_DATA_DIR");
        assertThat(p.english()).contains("not writable");
    }

    @Test
    void wrongDatabaseUrl(CapturedOutput output) {
        StartupProblem p = startExpectingProblem(output, "--slrt.db.url=jdbc:mysql://localhost/slrt");
        assertThat(p.english()).contains("SLRT_DB_URL").contains("jdbc:postgresql://");
    }

    @Test
    void unreachableDatabase(CapturedOutput output) throws IOException {
        int freePort;
        try (ServerSocket s = new ServerSocket(0)) {
            freePort = s.getLocalPort();
        }
        StartupProblem p = startExpectingProblem(output, "--slrt.db.url=jdbc:postgresql://127.0.0.1:" + freePort + "/slrt");
        assertThat(p.indonesian()).contains("tidak dapat terhubung");
        assertThat(p.english()).contains("cannot connect").contains("check host, port");
    }

    @Test
    void malformedDistrict(CapturedOutput output) {
        StartupProblem p = startExpectingProblem(output, "--slrt.district=14-09");
        assertThat(p.english()).contains("not a 4-digit kabupaten/kota code");
    }

    @Test
    void unknownDistrictIsFoundAfterTheMigrations(CapturedOutput output) {
        StartupProblem p = startExpectingProblem(output, "--slrt.district=1499");
        assertThat(p.indonesian()).contains("SLRT_DISTRICT '1499'");
        assertThat(p.english()).contains("not a known Kemendagri kabupaten/kota code");
    }

    private StartupProblem startExpectingProblem(CapturedOutput output, String... args) {
        SpringApplication app = new SpringApplication(SlrtApplication.class);
        app.setAdditionalProfiles("test");
        app.addListeners(new Preflight());
        List<String> all = new ArrayList<>(List.of(args));
        if (all.stream().noneMatch(a -> a.startsWith("--slrt.data-dir="))) {
            all.add("--slrt.data-dir=" + tmp.resolve("data"));
        }
        if (all.stream().noneMatch(a -> a.startsWith("--server.port="))) {
            all.add("--server.port=0"); // 8080 may be taken by a running SLRT on this machine
        }
        int before = output.getErr().length();
        Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(() -> app.run(all.toArray(String[]::new))).satisfies(t -> thrown[0] = t);
        StartupProblem problem = StartupProblem.find(thrown[0]);
        assertThat(problem).as("start-up failure is a StartupProblem: " + thrown[0]).isNotNull();
        String err = output.getErr().substring(before);
        assertThat(err.lines().filter(l -> l.startsWith("SLRT tidak dapat dimulai: ")).toList())
                .containsExactly(problem.line());
        assertThat(problem.line()).contains(" | SLRT cannot start: ");
        assertThat(err).doesNotContain("\tat ").doesNotContain("Exception");
        return problem;
    }
}
