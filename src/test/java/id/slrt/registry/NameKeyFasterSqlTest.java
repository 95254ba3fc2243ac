package id.slrt.registry;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.platform.DbScope;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Migration V27 rewrote {@code slrt_name_key} for speed; it must return exactly what the V6 function
 * returned for every name, or the stored {@code member.name_key} values (and their GIN indexes) would
 * no longer match what the function computes. The V6 body, read from its migration file, is created
 * as a temporary function inside a transaction that is rolled back, and both are compared on many
 * generated names and on the corner cases listed below.
 */
@id.slrt.support.IntegrationTest
class NameKeyFasterSqlTest {
    private static final String V6 = "db/migration/V6__registry_reference_and_name_key.sql";

    /** Corner cases: empty, punctuation only, titles only, commas, K.H. spellings, degrees, doubles, Unicode. */
    private static final List<String> CORNERS = List.of("", " ", "   ", "\t", ".", ",", ",,,", "-.-", "'’`", " , ",
            "H.", "H", "Hj. Hj.", "H. Hj. Drs.", "Drs. H.", "Prof. Dr. Ir.", "R", "Raden", "Hajjah Haji",
            "K.H.", "K. H.", "k.h.", "K.H", "KH.", "K.H.Ahmad", "K. H. Ahmad Dahlan", "k.h.ahmad", "x K.H. y",
            "xK.H. y", "K.H.K.H.", "(K.H.) Ahmad", "Ahmad,", ", Ahmad", "Ahmad, S.Pd.", "Ahmad S.Pd",
            "Ahmad S.Pd.", "Ahmad S. Pd", "Ahmad S.Pd., M.Si.", "Ahmad S.Pd. M.Si.", "Siti A.Md", "Siti A.Md.  ",
            "Budi s.kom", "Budi M.Kes.", "Budi S.", "S.Pd", "a S.Pd", "x ,y", "Aaaaa Bbbb", "AAAA", "aAaA",
            "Muhammad Muhammad M M", "M. M. M.", "Md", "mm", "Annisa Nurrahmah", "Hasanuddin Abdullah",
            "Fattah  Jannah", "Tjoetjoe Oei", "Djojohadikusumo", "Yusuf Yoyo", "Sjahrir", "Dhani Thamrin",
            "Chairul Achmad Akhmad Ahmed", "Abd Abd.", "Abd", "bin", "binti", "bin bin binti", "Bin Ahmad",
            "Ahmad bin", "Ahmad binti Abdul", "Binti", "Bintang", "Ibin", "M", "MD Bin", "MHD", "Moch Moh Muh",
            "Mochammad Muchamad", "Muhammed Mohammed", "José Nuñez", "ÇAĞLAR", "Ⅳ", "ßtraße", "Zoë", "İlham",
            "Ma'ruf Amin", "O’Neil", "d`Arc", "Ahmad 😀", "Зоя", "中文", "  Ahmad   Yani  ", "\tAhmad\nYani",
            "Abd.Rahman", "Moh.Hatta", "M.Hatta", "Ahmad-Yani", "Ahmad..Yani", "Ahmad_yani", "Ahmad1 2Yani");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void theRewrittenFunctionReturnsWhatV6Returned() throws IOException {
        // names from the agreement test, plus strings over an alphabet chosen to hit every step
        Arbitrary<String> nameLike = Arbitraries.strings()
                .withChars("aAbBcCdDhHjJkKmMnNoOsStTuUyYeEiI .,'’`-ÀéñçÿßİĞ")
                .ofMaxLength(24);
        Arbitrary<String> words = Arbitraries.of("H.", "Hj", "K.H.", "k. h.", "Drs", "M.", "Mhd", "Moh.", "Abd", "bin",
                "binti", "Ahmad", "Achmad", "Aa", "Yy", "Tjoe", "S.Pd", ", S.E.", "M.Si.", ",", ".", "  ", "é", "ß")
                .list().ofMinSize(0).ofMaxSize(7).map(parts -> String.join(" ", parts));
        List<String> sample = NameKeySqlAgreementTest.sampleNames(6000);
        sample.addAll(Arbitraries.frequencyOf(Tuple.of(1, nameLike), Tuple.of(1, words))
                .sampleStream().limit(6000).collect(Collectors.toCollection(ArrayList::new)));
        sample.addAll(CORNERS);
        String v6 = v6Function();

        List<String> mismatches = new ArrayList<>();
        DbScope.callAs("1409", () -> tx.execute(status -> {
            String body = jdbc.sql("select prosrc from pg_proc where proname = 'slrt_name_key'")
                    .query(String.class).single();
            assertThat(v6).as("the V6 function is compared with a different body")
                    .doesNotContain(body.strip());
            jdbc.sql(v6).update();
            List<String[]> rows = jdbc.sql("""
                    select n, pg_temp.slrt_name_key_v6(n), slrt_name_key(n)
                    from unnest(?::text[]) with ordinality as t(n, i) order by i""")
                    .param(sample.toArray(String[]::new))
                    .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
            for (String[] row : rows) {
                if (!row[1].equals(row[2])) {
                    mismatches.add("'" + row[0] + "' v6='" + row[1] + "' now='" + row[2] + "'");
                }
            }
            assertThat(rows).hasSize(sample.size());
            status.setRollbackOnly();
            return null;
        }));
        assertThat(mismatches).as("first of %d mismatches", mismatches.size()).isEmpty();
    }

    /** The CREATE FUNCTION of migration V6, renamed to a temporary function. */
    private static String v6Function() throws IOException {
        String migration;
        try (InputStream in = new ClassPathResource(V6).getInputStream()) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int start = migration.indexOf("CREATE FUNCTION slrt_name_key(name text)");
        int end = migration.indexOf("$fn$;", start);
        assertThat(start).as("V6 defines slrt_name_key").isNotNegative();
        return migration.substring(start, end + "$fn$;".length())
                .replace("CREATE FUNCTION slrt_name_key(", "CREATE FUNCTION pg_temp.slrt_name_key_v6(");
    }
}
