package id.slrt.updating.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The demo's first look at pemutakhiran: requests in each state, made through the workflow as the demo users. */
@IntegrationTest
class DemoRequestsTest {
    @LocalServerPort
    int port;
    @Autowired
    DemoRequests demo;

    @Test
    void theDemoShowsRequestsInEveryStateWithRealTimelines() {
        Api api = new Api(port);
        String operator = api.demoToken("operator");
        for (int i = 0; i < 5; i++) { // the test registry is small: make sure the demo desa has five families
            String kec = "140901";
            api.post("/api/v1/households", operator, "{\"regionCode\":\"1409011012\",\"noKk\":\""
                    + id.slrt.support.TestNik.kk(kec, java.time.LocalDate.of(2011, 1, 1 + i))
                    + "\",\"address\":\"Jl. Demo " + i + "\",\"rt\":\"001\",\"members\":[{\"nik\":\""
                    + id.slrt.support.TestNik.nik(kec, java.time.LocalDate.of(1970, 1, 1 + i), false)
                    + "\",\"fullName\":\"Demo Kepala " + (char) ('A' + i) + "\",\"birthPlace\":\"Teluk Kuantan\","
                    + "\"birthDate\":\"1970-01-0" + (1 + i) + "\",\"sex\":\"L\",\"relationship\":\"KEPALA\"}]}");
        }
        // a family on which the first demo proposal (RT 007) would change nothing, sorted before the others:
        // the demo must pass it by instead of failing on it, whatever other families the desa holds
        api.post("/api/v1/households", operator, "{\"regionCode\":\"1409011012\",\"noKk\":\""
                + id.slrt.support.TestNik.kk("140901", java.time.LocalDate.of(2001, 1, 1))
                + "\",\"address\":\"Jl. Demo RT\",\"rt\":\"007\",\"members\":[{\"nik\":\""
                + id.slrt.support.TestNik.nik("140901", java.time.LocalDate.of(1969, 1, 1), false)
                + "\",\"fullName\":\"Demo Kepala RT\",\"birthPlace\":\"Teluk Kuantan\","
                + "\"birthDate\":\"1969-01-01\",\"sex\":\"L\",\"relationship\":\"KEPALA\"}]}");
        assertThat(demo.seed()).isEqualTo(5);
        JsonNode mine = api.get("/api/v1/change-requests?inbox=mine&size=200&sort=number", operator).json();
        List<String> statuses = new ArrayList<>();
        mine.get("items").forEach(r -> {
            if (r.get("subject").asString().startsWith("KK ")) {
                statuses.add(r.get("status").asString());
            }
        });
        assertThat(statuses).contains("APPLIED", "VERIFIED", "RETURNED", "SUBMITTED", "DRAFT");
        JsonNode toApply = api.get("/api/v1/change-requests?inbox=to-apply&size=200", api.demoToken("slrt")).json();
        assertThat(toApply.get("total").asLong()).isPositive();
        String applied = null;
        for (JsonNode r : mine.get("items")) {
            if ("APPLIED".equals(r.get("status").asString())) {
                applied = r.get("id").asString();
            }
        }
        JsonNode events = api.get("/api/v1/change-requests/" + applied, operator).json().get("events");
        assertThat(events.findValuesAsString("actor")).contains("operator", "supervisor", "slrt");
    }
}
