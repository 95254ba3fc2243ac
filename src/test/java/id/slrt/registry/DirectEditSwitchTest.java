package id.slrt.registry;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import id.slrt.support.TestNik;
import id.slrt.support.WebSession;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** A district that lets only the SLRT operator change the registry directly: villages propose instead. */
@IntegrationTest
@TestPropertySource(properties = "slrt.registry.direct-edit-roles=OPERATOR_SLRT")
class DirectEditSwitchTest {
    static final String KEC = "140901";

    @LocalServerPort
    int port;

    @Test
    void villagesProposeWhileTheDistrictStillEditsDirectly() {
        Api api = new Api(port);
        String body = RegistryApiTest.household(TestNik.kk(KEC, LocalDate.of(2015, 1, 2)),
                RegistryApiTest.member(TestNik.nik(KEC, LocalDate.of(1980, 3, 4), false), "Umar", "1980-03-04", "L",
                        "KEPALA"));
        Api.Response refused = api.post("/api/v1/households", api.demoToken("operator"), body);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("usulan pemutakhiran");
        Api.Response direct = api.post("/api/v1/households", api.demoToken("slrt"), body);
        assertThat(direct.status()).as(direct.body()).isEqualTo(201);
        String id = direct.json().get("household").get("id").asString();

        WebSession operator = WebSession.login(port, "operator", Api.DEMO_PASSWORD);
        WebSession.Page page = operator.get("/households/" + id);
        assertThat(page.body()).doesNotContain("id=\"edit-household\"").contains("propose-CORRECT");
        assertThat(operator.post("/households/" + id + "/edit", page.csrf(), Map.of()).status()).isEqualTo(403);
        assertThat(operator.get("/households").body()).contains("propose-new-household");
        Api.Response proposal = api.post("/api/v1/change-requests", api.demoToken("operator"),
                "{\"kind\":\"CORRECT\",\"householdId\":\"" + id + "\",\"proposed\":{\"household.rt\":\"007\"},"
                        + "\"reason\":\"RT salah\"}");
        assertThat(proposal.status()).as(proposal.body()).isEqualTo(201);
    }
}
