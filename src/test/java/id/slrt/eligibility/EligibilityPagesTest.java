package id.slrt.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import id.slrt.support.WebSession;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The pages as each role sees them: the rule editor is for district editors, a desa operator sees the
 * cases of their own desa only and turns one into a draft proposal with one confirmed click, and the
 * editor's live part shows an error with its position.
 */
@IntegrationTest
class EligibilityPagesTest {
    static final String DESA = "1409011012";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aDesaOperatorSeesTheCasesOfTheirDesaAndProposesOneWithAClick() {
        Api api = new Api(port);
        Crafted crafted = new Crafted(jdbc, tx);
        crafted.program("UJI_PAGE");
        String slrt = api.demoToken("slrt");
        assertThat(api.post("/api/v1/eligibility/rules/UJI_PAGE", slrt,
                "{\"name\":\"Sangat miskin\",\"text\":\"household.desil <= 1\"}").status()).isEqualTo(201);
        UUID h = crafted.household(DESA, 1);
        crafted.member(h, DESA, "Kepala Halaman Uji", LocalDate.of(1970, 1, 1), "ACTIVE");
        String runId = api.post("/api/v1/eligibility/runs", slrt,
                "{\"region\":\"" + DESA + "\",\"programs\":[\"UJI_PAGE\"]}").json().get("id").asString();
        for (int i = 0; i < 300; i++) {
            JsonNode run = api.get("/api/v1/eligibility/runs/" + runId, slrt).json();
            if (!run.get("status").asString().equals("RUNNING")) {
                break;
            }
            sleep();
        }

        WebSession operator = WebSession.login(port, "operator", Api.DEMO_PASSWORD);
        WebSession.Page page = operator.get("/eligibility/runs/" + runId + "?program=UJI_PAGE");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Kepala Halaman Uji").contains("✓ Sangat miskin: household.desil &lt;= 1")
                .contains("Usulkan program").contains("data-confirm");
        // The other click: a referral of the household, its reason filled from the case for staff to check.
        Matcher refer = Pattern.compile("href=\"(/referrals/new\\?household=" + h + "[^\"]*)\"").matcher(page.body());
        assertThat(refer.find()).as("a referral link for the case").isTrue();
        WebSession.Page form = operator.get(refer.group(1).replace("&amp;", "&"));
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("memenuhi kriteria UJI_PAGE tetapi belum menerima");
        WebSession.Page acted = operator.post("/eligibility/runs/" + runId + "/cases/UJI_PAGE/" + h + "/request",
                page.csrf(), Map.of("back", "/eligibility/runs/" + runId + "?program=UJI_PAGE"));
        assertThat(acted.status()).isEqualTo(302);
        assertThat(acted.location()).contains("/eligibility/runs/" + runId);
        WebSession.Page after = operator.get("/eligibility/runs/" + runId + "?program=UJI_PAGE");
        assertThat(after.body()).contains("Draf usulan").contains("acted-link").contains("case-request");
        assertThat(operator.get("/eligibility/runs/" + runId + "/export?format=xlsx&program=UJI_PAGE").status())
                .isEqualTo(200);
        assertThat(operator.get("/eligibility/rules").status()).as("rules are for district editors").isEqualTo(403);

        WebSession other = WebSession.login(port, "operator2", Api.DEMO_PASSWORD);
        assertThat(other.get("/eligibility/runs/" + runId + "?program=UJI_PAGE").body())
                .doesNotContain("Kepala Halaman Uji");
    }

    @Test
    void theEditorsLivePartPointsAtAnErrorAndCountsPerDesa() {
        UUID h = new Crafted(jdbc, tx).household(DESA, 5);
        assertThat(h).isNotNull();
        WebSession admin = WebSession.login(port, "admin", Api.DEMO_PASSWORD);
        WebSession.Page rules = admin.get("/eligibility/rules");
        assertThat(rules.status()).isEqualTo(200);
        assertThat(rules.body()).contains("program-PKH").contains("Komponen PKH").contains("Contoh");
        WebSession.Page broken = admin.post("/eligibility/rules/preview", rules.csrf(),
                Map.of("text", "household.floor = 'TANAH' and\nhousehold.roof = 'EMAS'"));
        assertThat(broken.body()).contains("rule-errors").contains("Baris 2, kolom 18")
                .contains("nilai &#39;EMAS&#39; tidak dikenal untuk household.roof")
                .contains("household.roof = &#39;EMAS&#39;\n                 ^^^^^^").doesNotContain("preview-table");
        WebSession.Page fine = admin.post("/eligibility/rules/preview", rules.csrf(),
                Map.of("text", "household.desil <= 10", "region", "140901"));
        assertThat(fine.body()).contains("preview-table").contains("Pasar Lubuk Jambi").doesNotContain("Pasar Teluk");
        assertThat(WebSession.login(port, "supervisor", Api.DEMO_PASSWORD).get("/eligibility/rules").status())
                .isEqualTo(403);
    }

    @Test
    void anInclusionCaseAppliedThroughTheWorkflowEndsWhatTheHouseholdReceives() {
        Api api = new Api(port);
        Crafted crafted = new Crafted(jdbc, tx);
        crafted.program("UJI_END");
        String slrt = api.demoToken("slrt");
        assertThat(api.post("/api/v1/eligibility/rules/UJI_END", slrt,
                "{\"name\":\"Desil\",\"text\":\"household.desil <= 4\"}").status()).isEqualTo(201);
        UUID h = crafted.household(DESA, 9);
        crafted.member(h, DESA, "Kepala Mampu", LocalDate.of(1975, 3, 3), "ACTIVE");
        crafted.participation(h, DESA, "UJI_END", "ACTIVE");
        String runId = api.post("/api/v1/eligibility/runs", slrt,
                "{\"region\":\"" + DESA + "\",\"programs\":[\"UJI_END\"]}").json().get("id").asString();
        for (int i = 0; i < 300 && api.get("/api/v1/eligibility/runs/" + runId, slrt).json().get("status").asString()
                .equals("RUNNING"); i++) {
            sleep();
        }
        String operator = api.demoToken("operator");
        Api.Response acted = api.post("/api/v1/eligibility/runs/" + runId + "/cases/UJI_END/" + h + "/request", operator, "{}");
        assertThat(acted.status()).as(acted.body()).isEqualTo(201);
        String request = acted.json().get("requestId").asString();
        assertThat(api.post("/api/v1/change-requests/" + request + "/submit", operator, "{}").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/change-requests/" + request + "/verify", api.demoToken("supervisor"), "{}").status())
                .isEqualTo(200);
        Api.Response applied = api.post("/api/v1/change-requests/" + request + "/apply", slrt, "{}");
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        JsonNode programs = api.get("/api/v1/households/" + h, slrt).json().get("programs");
        assertThat(programs).hasSize(1);
        assertThat(programs.get(0).get("status").asString()).isEqualTo("ENDED");
        assertThat(programs.get(0).get("until").isNull()).isFalse();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
