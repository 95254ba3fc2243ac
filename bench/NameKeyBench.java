import java.io.FileReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Name key in SQL (issue 7): the V6 body of slrt_name_key against the current one (V27), on the same
 * database at the same time. Creates schema nk_bench with the V6 function under another name, 1M names
 * from the member CSV (as generated, and "messy": titles, degrees, bin/binti, commas added), times
 * {@code select count(f(n))} for both, then COPYs the CSV into three copies of the member table: without
 * the generated column, with it computed by V6, with it computed by the current function. Drops the
 * schema at the end. Connects as postgres to the embedded server of the given data directory.
 *
 * <pre>
 * java -cp ~/.m2/repository/org/postgresql/postgresql/42.7.14/postgresql-42.7.14.jar bench/NameKeyBench.java \
 *   DATA_DIR/pg MEMBERS_CSV [repeats]
 * </pre>
 */
public class NameKeyBench {
    static final String COLUMNS = "id, household_id, region_code, nik, full_name, birth_place, birth_date, sex,"
            + " relationship, marital_status, occupation, disability, mother_name, status, quality, version,"
            + " created_at, created_by, updated_at, updated_by";

    public static void main(String[] args) throws Exception {
        Path pg = Path.of(args[0]);
        String csv = args[1];
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String port = Files.readAllLines(pg.resolve("postmaster.pid")).get(3).trim();
        String v6 = Files.readString(Path.of("src/main/resources/db/migration/V6__registry_reference_and_name_key.sql"));
        int start = v6.indexOf("CREATE FUNCTION slrt_name_key(name text)");
        String v6Function = v6.substring(start, v6.indexOf("$fn$;", start) + 5)
                .replace("CREATE FUNCTION slrt_name_key(", "CREATE FUNCTION nk_bench.slrt_name_key_v6(");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/slrt", "postgres", "");
                Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS nk_bench CASCADE");
            st.execute("CREATE SCHEMA nk_bench");
            st.execute(v6Function);
            st.execute("SET max_parallel_workers_per_gather = 0");
            st.execute("CREATE TABLE nk_bench.raw (" + COLUMNS.replace(",", " text,") + " text)");
            copy(c, "nk_bench.raw (" + COLUMNS + ")", csv);
            st.execute("CREATE TABLE nk_bench.plain AS SELECT full_name AS n FROM nk_bench.raw");
            st.execute("""
                    CREATE TABLE nk_bench.messy AS
                    SELECT (ARRAY['', 'H. ', 'Hj. ', 'Drs. ', 'K.H. ', 'Moh. ', '', 'dr. ', 'M. '])[1 + i % 9] || n
                           || (ARRAY['', '', ', S.Pd.', ' S.Pd', '', ' bin Ahmad', '', '', ' S.Pd., M.Si.', ' Tjahjo'])[1 + i % 10] AS n
                    FROM (SELECT n, row_number() OVER () AS i FROM nk_bench.plain) x""");
            st.execute("VACUUM ANALYZE nk_bench.plain");
            st.execute("VACUUM ANALYZE nk_bench.messy");
            for (String t : List.of("plain", "messy")) {
                st.execute("SELECT count(*) FROM nk_bench." + t);
                double base = median(repeats, () -> time(st, "SELECT count(n) FROM nk_bench." + t));
                double old = median(repeats, () -> time(st, "SELECT count(nk_bench.slrt_name_key_v6(n)) FROM nk_bench." + t));
                double now = median(repeats, () -> time(st, "SELECT count(slrt_name_key(n)) FROM nk_bench." + t));
                long differ = count(st, "SELECT count(*) FROM nk_bench." + t
                        + " WHERE nk_bench.slrt_name_key_v6(n) IS DISTINCT FROM slrt_name_key(n)");
                System.out.printf("names %-5s 1M: scan %.2f s, V6 %.2f s (%.1f us/name), now %.2f s (%.1f us/name),"
                        + " old/new %.2f (function only %.2f), keys differing %d%n", t, base, old, (old - base),
                        now, (now - base), old / now, (old - base) / (now - base), differ);
            }
            st.execute("CREATE TABLE nk_bench.t_none (LIKE member INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
            st.execute("CREATE TABLE nk_bench.t_v6 (LIKE member INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
            st.execute("ALTER TABLE nk_bench.t_v6 DROP COLUMN name_key, ADD COLUMN name_key text"
                    + " GENERATED ALWAYS AS (nk_bench.slrt_name_key_v6(full_name)) STORED");
            st.execute("CREATE TABLE nk_bench.t_now (LIKE member INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED)");
            double[] copies = new double[3];
            String[] tables = {"t_none", "t_v6", "t_now"};
            for (int i = 0; i < 3; i++) {
                String table = "nk_bench." + tables[i];
                copies[i] = median(repeats, () -> {
                    st.execute("TRUNCATE " + table);
                    long t0 = System.nanoTime();
                    copy(c, table + " (" + COLUMNS + ")", csv);
                    return (System.nanoTime() - t0) / 1e9;
                });
            }
            long differ = count(st, "SELECT count(*) FROM nk_bench.t_v6 o JOIN nk_bench.t_now n USING (id)"
                    + " WHERE o.name_key IS DISTINCT FROM n.name_key");
            System.out.printf("COPY 1M members: no name_key %.2f s, name_key by V6 %.2f s, by now %.2f s;"
                    + " old/new %.2f, name_key's own cost old/new %.2f (%.1f vs %.1f s), stored keys differing %d%n",
                    copies[0], copies[1], copies[2], copies[1] / copies[2],
                    (copies[1] - copies[0]) / (copies[2] - copies[0]), copies[1] - copies[0], copies[2] - copies[0],
                    differ);
            st.execute("DROP SCHEMA nk_bench CASCADE");
        }
    }

    interface Timed {
        double run() throws Exception;
    }

    static double median(int repeats, Timed timed) throws Exception {
        List<Double> runs = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            runs.add(timed.run());
        }
        Collections.sort(runs);
        return runs.get(runs.size() / 2);
    }

    static double time(Statement st, String sql) throws SQLException {
        long t0 = System.nanoTime();
        st.execute(sql);
        return (System.nanoTime() - t0) / 1e9;
    }

    static long count(Statement st, String sql) throws SQLException {
        try (var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void copy(Connection c, String target, String csv) throws Exception {
        try (Reader in = new FileReader(csv, java.nio.charset.StandardCharsets.UTF_8)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + target + " FROM STDIN (FORMAT csv, HEADER)", in);
        }
    }
}
