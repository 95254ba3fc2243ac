package id.slrt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.SlrtApplication;
import id.slrt.support.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** A second start on the same data directory keeps everything, and does not seed twice. */
class RestartKeepsDataTest {
    @TempDir
    Path dataDir;

    @Test
    void aUserCreatedBeforeARestartIsStillThereAfterIt() {
        String username = "survivor";
        try (ConfigurableApplicationContext first = start()) {
            Api api = api(first);
            String admin = api.demoToken("admin");
            assertThat(api.post("/api/v1/users", admin, "{\"username\":\"" + username
                    + "\",\"fullName\":\"Tetap Ada\",\"role\":\"MANAGER\",\"regionCode\":\"1409\",\"password\":\"survive-1234\"}")
                    .status()).isEqualTo(201);
        }
        assertThat(Files.exists(dataDir.resolve("pg/postgresql.conf"))).isTrue();
        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second);
            String token = api.token(username, "survive-1234");
            JsonNode users = api.get("/api/v1/users?size=200", token).json();
            assertThat(users.get("items").findValuesAsString("username")).contains(username);
            assertThat(users.get("total").asLong()).isEqualTo(10);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SlrtApplication.class).profiles("test")
                .run("--slrt.db.embedded.ephemeral=false", "--slrt.data-dir=" + dataDir, "--server.port=0");
    }

    private static Api api(ConfigurableApplicationContext ctx) {
        return new Api(((WebServerApplicationContext) ctx).getWebServer().getPort());
    }
}
