package id.slrt.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import id.slrt.support.MutableClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Rules and runs over the API, on households crafted for each test in desa no other test uses, with
 * programs of their own: rule errors are refused pointing at them, a run finds exactly the expected
 * exclusion and inclusion cases with the clauses that decided, keeps its rule versions after an edit,
 * shows a supervisor only their kecamatan, and turns a case into a draft change request once.
 */
@IntegrationTest
class EligibilityRunTest {
    static final String DESA = "1409012016";
    static final String OTHER_KEC_DESA = "1409022014";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MutableClock clock;

    Api api;
    Crafted crafted;

    Api api() {
        if (api == null) {
            api = new Api(port);
            crafted = new Crafted(jdbc, tx);
        }
        return api;
    }

    String rule(String token, String program, String name, String text, Integer base) {
        String body = "{\"name\":\"" + name + "\",\"text\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"")
                .replace("\n", "\\n") + "\",\"active\":true,\"baseVersion\":" + base + "}";
        Api.Response r = api().post("/api/v1/eligibility/rules/" + program, token, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    JsonNode runAndWait(String token, String region, String... programs) {
        String list = String.join("\",\"", programs);
        Api.Response started = api().post("/api/v1/eligibility/runs", token,
                "{\"region\":\"" + region + "\",\"programs\":[\"" + list + "\"]}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asString();
        for (int i = 0; i < 600; i++) {
            JsonNode run = api().get("/api/v1/eligibility/runs/" + id, token).json();
            if (!run.get("status").asString().equals("RUNNING")) {
                assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("DONE");
                return run;
            }
            sleep();
        }
        throw new AssertionError("run did not end");
    }

    Map<UUID, JsonNode> cases(String token, String runId, String program) {
        Map<UUID, JsonNode> out = new HashMap<>();
        JsonNode page = api().get("/api/v1/eligibility/runs/" + runId + "/cases?size=200&program=" + program, token).json();
        for (JsonNode c : page.get("items")) {
            out.put(UUID.fromString(c.get("householdId").asString()), c);
        }
        return out;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aRuleWithASyntaxOrTypeErrorIsRefusedWithAMessageThatPointsAtIt() {
        String admin = api().demoToken("admin");
        crafted.program("UJI_ERR");
        Api.Response syntax = api().post("/api/v1/eligibility/rules/UJI_ERR", admin,
                "{\"name\":\"Salah\",\"text\":\"household.desil <= 4\\nand any member (age >= )\",\"active\":true}");
        assertThat(syntax.status()).isEqualTo(400);
        assertThat(syntax.contentType()).startsWith("application/problem+json");
        JsonNode e = syntax.json();
        assertThat(e.get("type").asString()).isEqualTo("urn:slrt:problem:rule-invalid");
        JsonNode first = e.get("errors").get(0);
        assertThat(first.get("field").asString()).isEqualTo("text");
        assertThat(first.get("line").asInt()).isEqualTo(2);
        assertThat(first.get("column").asInt()).isEqualTo(24);
        assertThat(first.get("excerpt").asString()).isEqualTo("and any member (age >= )\n                       ^");
        assertThat(first.get("message").asString()).startsWith("Baris 2, kolom 24:").contains("')'")
                .contains("sebuah nilai");

        Api.Response type = api().post("/api/v1/eligibility/rules/UJI_ERR", admin,
                "{\"name\":\"Salah\",\"text\":\"any member (disability = 'BERAT') and household.desil <= 'EMPAT'\"}", "en");
        assertThat(type.status()).isEqualTo(400);
        JsonNode errors = type.json().get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("message").asString()).isEqualTo("Line 1, column 26: the value 'BERAT' is not a code"
                + " of disability. Known: NONE, FISIK, SENSORIK_NETRA, SENSORIK_RUNGU_WICARA, INTELEKTUAL, MENTAL, GANDA.");
        assertThat(errors.get(1).get("message").asString()).startsWith("Line 1, column 58: household.desil is a number")
                .contains("'EMPAT'");
        assertThat(errors.get(1).get("excerpt").asString()).endsWith("\n" + " ".repeat(57) + "^^^^^^^");

        assertThat(api().get("/api/v1/eligibility/rules/UJI_ERR", admin).json().get("rules")).isEmpty();
        JsonNode check = api().post("/api/v1/eligibility/check", admin, "{\"text\":\"age >= 60\"}").json();
        assertThat(check.get("valid").asBoolean()).isFalse();
        assertThat(check.get("errors").get(0).get("code").asString())
                .isEqualTo("eligibility.rule.error.member-field-outside");
        assertThat(api().post("/api/v1/eligibility/check", admin, "{\"text\":\"any member (age >= 60)\"}").json()
                .get("valid").asBoolean()).isTrue();
        assertThat(api().post("/api/v1/eligibility/rules/UJI_ERR", api().demoToken("supervisor"),
                "{\"name\":\"x\",\"text\":\"household.desil <= 4\"}").status()).isEqualTo(403);
    }

    @Test
    void aRunFindsTheExpectedCasesWithTheClausesThatDecidedAndKeepsItsRuleVersionsAfterAnEdit() {
        String slrt = api().demoToken("slrt");
        crafted.program("UJI_RUN");
        LocalDate today = clock.instant().atZone(java.time.ZoneId.of("Asia/Jakarta")).toLocalDate();
        String desilRule = rule(slrt, "UJI_RUN", "Desil", "household.desil <= 4", null);
        rule(slrt, "UJI_RUN", "Lansia atau anak", "# komponen\nany member (age >= 70)\nor count members (age between 6 and 18) >= 2", null);

        UUID elderlyPoor = household(3, List.of(today.minusYears(75)), null);
        UUID elderlyPoorReceiving = household(3, List.of(today.minusYears(75)), "ACTIVE");
        UUID elderlyRichReceiving = household(8, List.of(today.minusYears(75)), "ACTIVE");
        UUID twoPupils = household(3, List.of(today.minusYears(40), today.minusYears(10), today.minusYears(12)), null);
        UUID proposed = household(3, List.of(today.minusYears(75)), "PROPOSED");
        UUID unknownDesilReceiving = household(null, List.of(today.minusYears(75)), "ACTIVE");
        UUID elderDied = household(2, List.of(today.minusYears(30)), null);
        crafted.member(elderDied, DESA, "Almarhum", today.minusYears(80), "DIED");
        UUID onePupilReceiving = household(2, List.of(today.minusYears(40), today.minusYears(7)), "ACTIVE");

        JsonNode run = runAndWait(slrt, DESA, "UJI_RUN");
        String runId = run.get("id").asString();
        Map<UUID, JsonNode> cases = cases(slrt, runId, "UJI_RUN");
        assertThat(cases.get(elderlyPoor).get("kind").asString()).isEqualTo("EXCLUSION");
        assertThat(cases.get(elderlyPoor).get("reason").asString())
                .isEqualTo("✓ Desil: household.desil <= 4 · ✓ Lansia atau anak: any member (age >= 70)");
        assertThat(cases.get(twoPupils).get("kind").asString()).isEqualTo("EXCLUSION");
        assertThat(cases.get(twoPupils).get("reason").asString())
                .isEqualTo("✓ Desil: household.desil <= 4 · ✓ Lansia atau anak: count members (age between 6 and 18) >= 2");
        assertThat(cases.get(elderlyRichReceiving).get("kind").asString()).isEqualTo("INCLUSION");
        assertThat(cases.get(elderlyRichReceiving).get("reason").asString()).isEqualTo("✗ Desil: household.desil <= 4");
        assertThat(cases.get(unknownDesilReceiving).get("kind").asString()).as("an unknown desil is not <= 4")
                .isEqualTo("INCLUSION");
        assertThat(cases.get(onePupilReceiving).get("reason").asString()).isEqualTo("✗ Lansia atau anak: any member"
                + " (age >= 70) or count members (age between 6 and 18) >= 2");
        assertThat(cases.get(onePupilReceiving).get("headName").asString()).startsWith("Kepala");
        assertThat(cases).doesNotContainKeys(elderlyPoorReceiving, proposed, elderDied);
        JsonNode counts = run.get("counts").get("UJI_RUN");
        assertThat(counts.get("exclusion").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(counts.get("inclusion").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(run.get("rules")).hasSize(2);

        // the rule is edited: the past run keeps the version it used, a new run uses the new one
        rule(slrt, "UJI_RUN", "Desil", "household.desil <= 9", 1);
        JsonNode before = api().get("/api/v1/eligibility/runs/" + runId, slrt).json();
        JsonNode used = null;
        for (JsonNode u : before.get("rules")) {
            if (u.get("name").asString().equals("Desil")) {
                used = u;
            }
        }
        assertThat(used.get("version").asInt()).isEqualTo(1);
        assertThat(used.get("text").asString()).isEqualTo("household.desil <= 4");
        assertThat(used.get("id").asString()).isEqualTo(desilRule);
        assertThat(cases(slrt, runId, "UJI_RUN").get(elderlyRichReceiving).get("reason").asString())
                .isEqualTo("✗ Desil: household.desil <= 4");
        JsonNode versions = api().get("/api/v1/eligibility/rules/UJI_RUN/versions?name=Desil", slrt).json();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(2);

        JsonNode again = runAndWait(slrt, DESA, "UJI_RUN");
        Map<UUID, JsonNode> now = cases(slrt, again.get("id").asString(), "UJI_RUN");
        assertThat(now).doesNotContainKey(elderlyRichReceiving);
        assertThat(now.get(unknownDesilReceiving).get("kind").asString()).isEqualTo("INCLUSION");

        // a stale edit is refused
        assertThat(api().post("/api/v1/eligibility/rules/UJI_RUN", slrt,
                "{\"name\":\"Desil\",\"text\":\"household.desil <= 5\",\"baseVersion\":1}").status()).isEqualTo(409);
    }

    @Test
    void aCaseBecomesADraftProgramProposalOrEndingOnceAndASupervisorSeesOnlyTheirKecamatan() {
        String slrt = api().demoToken("slrt");
        crafted.program("UJI_ACT");
        program = "UJI_ACT";
        LocalDate today = LocalDate.of(2026, 6, 1);
        rule(slrt, "UJI_ACT", "Desil", "household.desil <= 4", null);
        UUID excluded = household(2, List.of(today.minusYears(40)), null);
        UUID included = household(9, List.of(today.minusYears(40)), "ACTIVE");
        UUID elsewhere = crafted.household(OTHER_KEC_DESA, 1);
        crafted.member(elsewhere, OTHER_KEC_DESA, "Kepala Lain", today.minusYears(50), "ACTIVE");

        JsonNode run = runAndWait(slrt, "1409", "UJI_ACT");
        String runId = run.get("id").asString();
        assertThat(run.get("stepsTotal").asInt()).as("kecamatan by kecamatan").isGreaterThan(1);

        Map<UUID, JsonNode> forSupervisor = cases(api().demoToken("supervisor"), runId, "UJI_ACT");
        assertThat(forSupervisor).containsKeys(excluded, included).doesNotContainKey(elsewhere);
        assertThat(forSupervisor.values()).allMatch(c -> c.get("regionCode").asString().startsWith("140901"));
        Map<UUID, JsonNode> forSupervisor2 = cases(api().demoToken("supervisor2"), runId, "UJI_ACT");
        assertThat(forSupervisor2).containsKey(elsewhere).doesNotContainKeys(excluded, included);
        assertThat(api().get("/api/v1/eligibility/runs/" + runId + "/cases?region=140902", api().demoToken("supervisor"))
                .status()).isEqualTo(400);

        Api.Response proposal = api().post("/api/v1/eligibility/runs/" + runId + "/cases/UJI_ACT/" + excluded + "/request",
                slrt, "{}");
        assertThat(proposal.status()).as(proposal.body()).isEqualTo(201);
        JsonNode request = api().get("/api/v1/change-requests/" + proposal.json().get("requestId").asString(), slrt).json();
        assertThat(request.toString()).contains("PROGRAM").contains("program.UJI_ACT.household").contains("PROPOSED");
        assertThat(api().post("/api/v1/eligibility/runs/" + runId + "/cases/UJI_ACT/" + excluded + "/request", slrt, "{}")
                .status()).as("one click, one request").isEqualTo(409);

        Api.Response ending = api().post("/api/v1/eligibility/runs/" + runId + "/cases/UJI_ACT/" + included + "/request",
                slrt, "{}");
        assertThat(ending.status()).as(ending.body()).isEqualTo(201);
        JsonNode endRequest = api().get("/api/v1/change-requests/" + ending.json().get("requestId").asString(), slrt).json();
        assertThat(endRequest.toString()).contains("program.UJI_ACT.household").contains("ENDED")
                .doesNotContain("updating.program-not-received");
        assertThat(cases(slrt, runId, "UJI_ACT").get(included).get("requestNumber").asString())
                .isEqualTo(ending.json().get("number").asString());
        assertThat(api().post("/api/v1/eligibility/runs/" + runId + "/cases/UJI_ACT/" + included + "/request",
                api().demoToken("supervisor"), "{}").status()).as("a supervisor is no maker").isEqualTo(403);

        Api.Response csv = api().get("/api/v1/eligibility/runs/" + runId + "/cases/export?format=csv&program=UJI_ACT",
                api().demoToken("supervisor"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains(excluded.toString()).doesNotContain(elsewhere.toString())
                .contains("✓ Desil: household.desil <= 4");
    }

    @Test
    void thePreviewCountsMatchingHouseholdsPerDesaAndTheNewPathsAreInTheOpenApiDocument() {
        String admin = api().demoToken("admin");
        UUID poor = household(1, List.of(LocalDate.of(1950, 1, 1)), null);
        JsonNode preview = api().post("/api/v1/eligibility/preview", admin,
                "{\"text\":\"household.desil <= 1 and any member (age >= 70)\",\"region\":\"" + DESA + "\"}").json();
        assertThat(preview.get("rows")).hasSize(1);
        assertThat(preview.get("rows").get(0).get("regionCode").asString()).isEqualTo(DESA);
        long matching = preview.get("matching").asLong();
        assertThat(matching).isGreaterThanOrEqualTo(1);
        household(1, List.of(LocalDate.of(1940, 1, 1)), null);
        assertThat(api().post("/api/v1/eligibility/preview", admin,
                "{\"text\":\"household.desil <= 1 and any member (age >= 70)\",\"region\":\"" + DESA + "\"}").json()
                .get("matching").asLong()).isEqualTo(matching + 1);
        assertThat(poor).isNotNull();
        assertThat(api().post("/api/v1/eligibility/preview", admin, "{\"text\":\"household.desil <=\"}").status())
                .isEqualTo(400);
        assertThat(api().post("/api/v1/eligibility/preview", admin, "{\"text\":\"household.desil <= 4\",\"region\":\"3201\"}")
                .status()).isEqualTo(400);

        JsonNode doc = api().get("/v3/api-docs", null).json();
        List<String> paths = new ArrayList<>();
        doc.get("paths").properties().forEach(e -> paths.add(e.getKey()));
        assertThat(paths).contains("/api/v1/eligibility/rules", "/api/v1/eligibility/rules/{program}",
                "/api/v1/eligibility/rules/{program}/versions", "/api/v1/eligibility/check", "/api/v1/eligibility/preview",
                "/api/v1/eligibility/runs", "/api/v1/eligibility/runs/{id}", "/api/v1/eligibility/runs/{id}/cases",
                "/api/v1/eligibility/runs/{id}/cases/export",
                "/api/v1/eligibility/runs/{id}/cases/{program}/{household}/request");
    }

    /** A household in the test desa with a head and further members of these birth dates, and a participation. */
    String program = "UJI_RUN";

    UUID household(Integer desil, List<LocalDate> births, String participation) {
        api();
        UUID h = crafted.household(DESA, desil);
        for (int i = 0; i < births.size(); i++) {
            crafted.member(h, DESA, i == 0 ? "Kepala " + h.toString().substring(0, 6) : "Anak " + i, births.get(i), "ACTIVE");
        }
        if (participation != null) {
            crafted.participation(h, DESA, program, participation);
        }
        return h;
    }
}
