package id.slrt.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * One PostgreSQL: embedded (zonky, real server binaries, data under {@code SLRT_DATA_DIR/pg}) unless
 * {@code SLRT_DB_URL} names an external one. Flyway logs in as the owner; the application pool
 * switches to the application role, which has no BYPASSRLS and no DELETE rights.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {
    private static final Logger log = LoggerFactory.getLogger(DatabaseConfig.class);

    record Endpoint(String url, String user, String password) {
    }

    static class EmbeddedMode implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("slrt.db.url");
            return url == null || url.isBlank();
        }
    }

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedMode.class)
    EmbeddedPostgres embeddedPostgres(SlrtProperties props) throws IOException, SQLException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                // zonky turns durability off for tests; real data needs it on.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("timezone", "UTC");
        if (!props.db().embedded().ephemeral()) {
            Path pgDir = props.dataDir().resolve("pg").toAbsolutePath().normalize();
            Files.createDirectories(pgDir);
            stopOrphanedPostmaster(pgDir);
            builder.setDataDirectory(pgDir.toFile()).setCleanDataDirectory(false);
        }
        EmbeddedPostgres pg = builder.start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("select 1 from pg_database where datname = 'slrt'");
            if (!rs.next()) {
                st.execute("create database slrt");
            }
        }
        return pg;
    }

    /** After a kill -9 the old postmaster may still hold the data directory; stop it politely. */
    private static void stopOrphanedPostmaster(Path pgDir) throws IOException {
        File pidFile = pgDir.resolve("postmaster.pid").toFile();
        if (!pidFile.exists()) {
            return;
        }
        String first = Files.readAllLines(pidFile.toPath()).stream().findFirst().orElse("").trim();
        if (!first.matches("\\d+")) {
            return;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(first));
        if (handle.isPresent() && handle.get().isAlive()
                && handle.get().info().command().map(cmd -> cmd.endsWith("/postgres")).orElse(false)) {
            log.warn("Stopping orphaned PostgreSQL (pid {}) left from an earlier run", first);
            handle.get().destroy();
            handle.get().onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        }
    }

    @Bean
    Endpoint databaseEndpoint(SlrtProperties props, ObjectProvider<EmbeddedPostgres> embedded) {
        if (props.db().external()) {
            return new Endpoint(props.db().url(), props.db().user(), props.db().password());
        }
        EmbeddedPostgres pg = embedded.getObject();
        return new Endpoint(pg.getJdbcUrl("postgres", "slrt"), "postgres", "");
    }

    @Bean
    @Primary
    HikariDataSource dataSource(Endpoint endpoint, SlrtProperties props) {
        HikariDataSource ds = new HikariDataSource();
        ds.setPoolName("slrt");
        ds.setJdbcUrl(endpoint.url());
        if (!endpoint.user().isBlank()) {
            ds.setUsername(endpoint.user());
        }
        ds.setPassword(endpoint.password());
        ds.setMaximumPoolSize(10);
        // Plan every statement for the scope it runs in. Row-level security makes the best plan depend on
        // slrt.scope (a desa reads its few rows through the scope index, the district scans a list index);
        // server-side prepared statements, which the driver uses from a statement's fifth run on, keep the
        // first scope's plan for every later one: a desa operator's complaint list cost 100 ms on the
        // manager's plan instead of 1 ms (bench/README.md, "Pengaduan"). Planning each time costs far less.
        ds.addDataSourceProperty("prepareThreshold", "0");
        // Every connection works as the application role: row-level security applies to it.
        ds.setConnectionInitSql("SET ROLE " + quoteIdent(props.db().appRole()));
        return ds;
    }

    @Bean
    @FlywayDataSource
    DataSource flywayDataSource(Endpoint endpoint) {
        SimpleDriverDataSource ds = new SimpleDriverDataSource();
        ds.setDriverClass(org.postgresql.Driver.class);
        ds.setUrl(endpoint.url());
        if (!endpoint.user().isBlank()) {
            ds.setUsername(endpoint.user());
        }
        ds.setPassword(endpoint.password());
        return ds;
    }

    static String quoteIdent(String ident) {
        if (!ident.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new StartupProblem("SLRT_DB_APP_ROLE '" + ident + "' bukan nama peran PostgreSQL yang sah (huruf kecil, angka, _).",
                    "SLRT_DB_APP_ROLE '" + ident + "' is not a valid PostgreSQL role name (lower-case letters, digits, _).");
        }
        return "\"" + ident + "\"";
    }
}
