package id.slrt.region;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class RegionApiTest {
    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void withoutParentListsEveryProvince() {
        Api.Response r = api.get("/api/v1/regions", null);
        assertThat(r.status()).isEqualTo(200);
        JsonNode list = r.json();
        assertThat(list.size()).isEqualTo(38);
        assertThat(codes(list)).contains("11", "14", "75", "94");
        assertThat(list.get(0).get("name").asString()).isEqualTo("Aceh");
        assertThat(list.get(0).get("kind").asString()).isEqualTo("Provinsi");
    }

    @Test
    void listsTheDesaOfAKecamatan() {
        Api.Response r = api.get("/api/v1/regions?parent=140901", null);
        assertThat(r.status()).isEqualTo(200);
        List<String> codes = codes(r.json());
        assertThat(codes).hasSize(24).allMatch(c -> c.startsWith("140901") && c.length() == 10);
        assertThat(codes).contains("1409011012");
        JsonNode first = r.json().get(0);
        assertThat(first.get("level").asInt()).isEqualTo(4);
        // 7th digit 1 = kelurahan, 2 = desa
        assertThat(r.json().findValuesAsString("kind")).contains("Kelurahan", "Desa");
    }

    @Test
    void oneRegionComesWithItsAncestorsProvinceFirst() {
        Api.Response r = api.get("/api/v1/regions/1409011012", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("name").asString()).isEqualTo("Pasar Lubuk Jambi");
        assertThat(codes(r.json().get("ancestors"))).containsExactly("14", "1409", "140901");
    }

    @Test
    void unknownParentIsA400NamingTheField() {
        Api.Response r = api.get("/api/v1/regions?parent=149999", null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("parent");
        assertThat(r.json().get("errors").get(0).get("code").asString()).isEqualTo("region.unknown");
    }

    @Test
    void malformedCodeIsA400AndUnknownCodeA404() {
        Api.Response bad = api.get("/api/v1/regions/14.09", null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
        Api.Response unknown = api.get("/api/v1/regions/1499", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asString()).isEqualTo("urn:slrt:problem:not-found");
    }

    private static List<String> codes(JsonNode list) {
        List<String> codes = new ArrayList<>();
        list.forEach(n -> codes.add(n.get("code").asString()));
        return codes;
    }
}
