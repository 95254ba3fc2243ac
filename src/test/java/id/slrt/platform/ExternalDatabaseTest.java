package id.slrt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.SlrtApplication;
import id.slrt.support.Api;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * SLRT pointed through SLRT_DB_URL at a separate PostgreSQL server, the way an external database is
 * used in production: a non-superuser login that owns the database and may create roles.
 */
class ExternalDatabaseTest {

    @Test
    void runsOnAnExternalPostgresGivenBySlrtDbUrlAndStartsNoEmbeddedOne() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60)).start()) {
            try (Connection c = external.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("create role slrt_owner login password 'owner-secret' createrole");
                st.execute("create database slrt_ext owner slrt_owner");
            }
            String url = "jdbc:postgresql://localhost:" + external.getPort() + "/slrt_ext";
            try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SlrtApplication.class)
                    .profiles("test")
                    .run("--slrt.db.url=" + url, "--slrt.db.user=slrt_owner", "--slrt.db.password=owner-secret",
                            "--slrt.db.app-role=slrt_ext_app", "--server.port=0")) {
                assertThat(ctx.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
                int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
                Api api = new Api(port);
                String token = api.demoToken("admin");
                assertThat(api.get("/api/v1/users?size=1", token).json().get("total").asLong()).isEqualTo(9);
                assertThat(api.get("/api/v1/regions?parent=1409", null).json().size()).isGreaterThan(5);
            }
            try (Connection c = external.getDatabase("postgres", "slrt_ext").getConnection();
                 Statement st = c.createStatement()) {
                ResultSet rs = st.executeQuery("select count(*) from region");
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(38 + 514 + 7285 + 83762);
                rs = st.executeQuery("select tableowner from pg_tables where tablename = 'app_user'");
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("slrt_owner");
                rs = st.executeQuery("select rolbypassrls, rolcanlogin from pg_roles where rolname = 'slrt_ext_app'");
                rs.next();
                assertThat(rs.getBoolean(1)).isFalse();
                assertThat(rs.getBoolean(2)).isFalse();
            }
        }
    }
}
