package id.slrt.registry;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.platform.DbScope;
import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import id.slrt.support.TestNik;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The token dictionary that name search starts from stays equal to the names in the registry. */
@IntegrationTest
class NameTokenDictionaryTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void countsFollowInsertsAndRenames() {
        // Other tests fill other districts too, so the check is on the change, word by word.
        Map<String, Long> before = dictionary();
        Api api = new Api(port);
        String operator = api.demoToken("operator");
        String kec = RegistryApiTest.KEC;
        JsonNode created = api.post("/api/v1/households", operator, RegistryApiTest.household(
                TestNik.kk(kec, LocalDate.of(2017, 7, 7)),
                RegistryApiTest.member(TestNik.nik(kec, LocalDate.of(1966, 6, 6), false), "Qomaruddin Zakariya",
                        "1966-06-06", "L", "KEPALA"))).json();
        Map<String, Long> inserted = dictionary();
        assertThat(inserted.get("QOMARUDIN")).isEqualTo(before.getOrDefault("QOMARUDIN", 0L) + 1);
        assertThat(inserted.get("ZAKARIJA")).isEqualTo(before.getOrDefault("ZAKARIJA", 0L) + 1);

        JsonNode h = created.get("household");
        JsonNode m = created.get("members").get(0);
        Api.Response renamed = api.put("/api/v1/households/" + h.get("id").asString(), operator, "{\"version\":0,\"regionCode\":\""
                + h.get("regionCode").asString() + "\",\"noKk\":\"" + h.get("noKk").asString() + "\",\"members\":[{\"id\":\""
                + m.get("id").asString() + "\",\"version\":0," + RegistryApiTest.member(m.get("nik").asString(),
                "Qomarudin Zakaria Putra", "1966-06-06", "L", "KEPALA").substring(1) + "]}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        Map<String, Long> after = dictionary();
        assertThat(after.get("QOMARUDIN")).isEqualTo(inserted.get("QOMARUDIN"));
        assertThat(after.getOrDefault("ZAKARIJA", 0L)).isEqualTo(inserted.get("ZAKARIJA") - 1);
        assertThat(after.get("ZAKARIA")).isEqualTo(inserted.getOrDefault("ZAKARIA", 0L) + 1);
        assertThat(after.get("PUTRA")).isEqualTo(inserted.getOrDefault("PUTRA", 0L) + 1);
    }

    @Test
    void theDictionaryMatchesTheNamesOfTheDistrict() {
        // Everything visible in this district is counted; other districts may add more, never less.
        Map<String, Long> dictionary = dictionary();
        recount().forEach((word, people) -> assertThat(dictionary.get(word)).as(word).isGreaterThanOrEqualTo(people));
    }

    private Map<String, Long> dictionary() {
        return DbScope.callAs("1409", () -> tx.execute(s -> {
            Map<String, Long> map = new TreeMap<>();
            jdbc.sql("select token, people from name_token where people > 0")
                    .query((rs, n) -> map.put(rs.getString(1), rs.getLong(2))).list();
            return map;
        }));
    }

    private Map<String, Long> recount() {
        return DbScope.callAs("1409", () -> tx.execute(s -> {
            Map<String, Long> map = new TreeMap<>();
            jdbc.sql("select tok, count(*) from member, unnest(string_to_array(name_key, ' ')) tok where tok <> '' group by tok")
                    .query((rs, n) -> map.put(rs.getString(1), rs.getLong(2))).list();
            return map;
        }));
    }
}
