package id.slrt.registry;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.platform.DbScope;
import id.slrt.support.IntegrationTest;
import java.sql.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The name key is computed by Java (search queries) and by SQL (the stored member.name_key column):
 * for thousands of generated names — realistic pieces with titles, degrees, old spellings and noise,
 * and arbitrary Unicode — both must agree exactly.
 */
@IntegrationTest
class NameKeySqlAgreementTest {
    static final List<String> PIECES = List.of("H.", "Hj.", "Drs.", "Dra.", "dr.", "K.H.", "K. H.", "Prof.",
            "Ir.", "R.", "Tgk.", "Moh.", "M.", "Mhd", "Muhammad", "Mochamad", "Achmad", "Abd.", "Abdul", "bin", "binti",
            "Soekarno", "Djoko", "Tjahjo", "Chairul", "Sjahrir", "Njoman", "Yusuf", "Jusuf", "Fathurrahman", "Dhani",
            "Ma'ruf", "Siti", "Aminah", "Wayan", "I", "Ni", "Putu", "Gede", "S.Pd.", "S.Pd", ", S.E.", ", M.Si.",
            "A.Md", "José", "Nuñez", "Zoë", "van", "O'Neil", "-", ".", ",", "  ", "Ahmad,", "ßtraße", "ÇAĞLAR", "Ⅳ");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    /** Names as the test generates them: realistic pieces, two pieces glued, arbitrary Unicode (6:2:2). */
    static List<String> sampleNames(int count) {
        Arbitrary<String> realistic = Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(6)
                .map(parts -> String.join(" ", parts));
        Arbitrary<String> glued = Combinators.combine(Arbitraries.of(PIECES), Arbitraries.of(PIECES))
                .as((a, b) -> a + b);
        // PostgreSQL text cannot hold NUL, so names never contain it
        Arbitrary<String> anything = Arbitraries.strings().ofMaxLength(30).filter(s -> s.indexOf(0) < 0);
        Arbitrary<String> names = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, realistic), net.jqwik.api.Tuple.of(2, glued), net.jqwik.api.Tuple.of(2, anything));
        List<String> sample = names.sampleStream().limit(count).collect(Collectors.toCollection(ArrayList::new));
        return sample;
    }

    @Test
    void javaAndSqlComputeTheSameKey() {
        List<String> sample = sampleNames(4000);
        sample.addAll(List.of("", " ", "M.Hatta", "K.H.Ahmad", "Drs.", "S.Pd", "a S.Pd", "x ,y", "bin", "M", "Hj. Hj."));

        List<String> sqlKeys = DbScope.callAs("1409", () -> tx.execute(s -> jdbc
                .sql("select slrt_name_key(n) from unnest(?::text[]) with ordinality as t(n, i) order by i")
                .param(sample.toArray(String[]::new))
                .query(String.class).list()));
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < sample.size(); i++) {
            String java = Names.key(sample.get(i));
            if (!java.equals(sqlKeys.get(i))) {
                mismatches.add("'" + sample.get(i) + "' java='" + java + "' sql='" + sqlKeys.get(i) + "'");
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(sqlKeys).as("the sample exercises the folding").contains("MUHAMAD HATA", "AHMAD", "");
    }
}
