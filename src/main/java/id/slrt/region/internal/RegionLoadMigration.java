package id.slrt.region.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.postgresql.PGConnection;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the shipped Kemendagri codes (src/main/resources/reference/regions, MIT, see its README)
 * with COPY on first start. A later decree arrives as a new migration.
 */
@Component
public class RegionLoadMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("3");
    }

    @Override
    public String getDescription() {
        return "region load kemendagri 300.2.2-2430 2025";
    }

    @Override
    public Integer getChecksum() {
        return 2430;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        PGConnection pg = context.getConnection().unwrap(PGConnection.class);
        StringBuilder rows = new StringBuilder(4 << 20);
        appendLevel(rows, "provinces.csv", 1, false);
        appendLevel(rows, "regencies.csv", 2, true);
        appendLevel(rows, "districts.csv", 3, true);
        appendLevel(rows, "villages.csv", 4, true);
        copy(pg, "COPY region (code, parent_code, level, name) FROM STDIN WITH (FORMAT csv)", rows.toString());
        copy(pg, "COPY region_historical (code, name, last_seen_in) FROM STDIN WITH (FORMAT csv, HEADER true)",
                read("historical_codes.csv"));
    }

    private static void appendLevel(StringBuilder out, String file, int level, boolean hasParent) throws IOException {
        try (BufferedReader in = reader(file)) {
            in.readLine(); // header
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                int first = line.indexOf(',');
                String code = line.substring(0, first);
                String rest = line.substring(first + 1);
                String parent = "";
                if (hasParent) {
                    int second = rest.indexOf(',');
                    parent = rest.substring(0, second);
                    rest = rest.substring(second + 1);
                }
                // rest is the name, already CSV-quoted when it needs to be
                out.append(code).append(',').append(parent).append(',').append(level).append(',').append(rest).append('\n');
            }
        }
    }

    private static String read(String file) throws IOException {
        try (BufferedReader in = reader(file)) {
            StringBuilder sb = new StringBuilder();
            in.lines().forEach(l -> sb.append(l).append('\n'));
            return sb.toString();
        }
    }

    private static BufferedReader reader(String file) throws IOException {
        return new BufferedReader(new InputStreamReader(
                new ClassPathResource("reference/regions/" + file).getInputStream(), StandardCharsets.UTF_8));
    }

    private static void copy(PGConnection pg, String sql, String data) throws SQLException, IOException {
        pg.getCopyAPI().copyIn(sql, new StringReader(data));
    }
}
