package id.slrt.registry;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import id.slrt.support.TestNik;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class RegistryApiTest {
    static final String DESA = "1409011012"; // operator's desa, Kecamatan Kuantan Mudik (140901)
    static final String KEC = "140901";

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    RegistryService registry;
    Api api;
    String operator;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        operator = api.demoToken("operator");
    }

    static String member(String nik, String name, String birth, String sex, String rel) {
        return "{\"nik\":\"" + nik + "\",\"fullName\":\"" + name + "\",\"birthPlace\":\"Teluk Kuantan\",\"birthDate\":\""
                + birth + "\",\"sex\":\"" + sex + "\",\"relationship\":\"" + rel + "\",\"maritalStatus\":\"KAWIN\"}";
    }

    static String household(String kk, String... members) {
        return "{\"regionCode\":\"" + DESA + "\",\"noKk\":\"" + kk + "\",\"address\":\"Jl. Lintas Tengah\",\"rt\":\"001\","
                + "\"rw\":\"002\",\"dusun\":\"Dusun I\",\"members\":[" + String.join(",", members) + "]}";
    }

    String family(String head, String wife, String child) {
        return household(TestNik.kk(KEC, LocalDate.of(2015, 5, 20)),
                member(TestNik.nik(KEC, LocalDate.of(1980, 3, 4), false), head, "1980-03-04", "L", "KEPALA"),
                member(TestNik.nik(KEC, LocalDate.of(1984, 7, 9), true), wife, "1984-07-09", "P", "ISTRI_SUAMI"),
                member(TestNik.nik(KEC, LocalDate.of(2010, 1, 15), false), child, "2010-01-15", "L", "ANAK"));
    }

    @Test
    void operatorRegistersAHouseholdWithThreeMembers() {
        Api.Response r = api.post("/api/v1/households", operator, family("Ahmad Yani", "Siti Aminah", "Budi"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode h = r.json();
        assertThat(h.get("members")).hasSize(3);
        assertThat(h.get("household").get("regionCode").asString()).isEqualTo(DESA);
        assertThat(h.get("household").get("quality").asString()).isEqualTo("OK");
    }

    @Test
    void theHouseholdListPagesSortsAndFiltersWithinTheScope() {
        api.post("/api/v1/households", operator, family("Zainal Abidin", "Zubaidah", "Zulkifli"));
        JsonNode page = api.get("/api/v1/households?size=5&sort=head&desc=false", operator).json();
        assertThat(page.get("total").asLong()).isPositive();
        assertThat(page.get("items")).hasSizeLessThanOrEqualTo(5);
        page.get("items").forEach(h -> assertThat(h.get("regionCode").asString()).isEqualTo(DESA));
        JsonNode byKk = api.get("/api/v1/households?size=200&sort=kk&desc=true", operator).json();
        java.util.List<String> kks = byKk.get("items").findValuesAsString("noKk");
        assertThat(kks).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        JsonNode errors = api.get("/api/v1/households?quality=ERROR&size=200", api.demoToken("slrt")).json();
        errors.get("items").forEach(h -> assertThat(h.get("quality").asString()).isEqualTo("ERROR"));
        JsonNode pkh = api.get("/api/v1/households?program=PKH&size=1", api.demoToken("slrt")).json();
        assertThat(pkh.get("total").asLong()).as("demo data has PKH households").isPositive();
        assertThat(new id.slrt.support.WebSession(port).get("/households").status()).as("pages need a log-in").isEqualTo(302);
        id.slrt.support.WebSession s = id.slrt.support.WebSession.login(port, "operator", "demo12345");
        assertThat(s.get("/households?sort=members&desc=true").body()).contains("households-table").contains("Zainal Abidin");
        assertThat(s.get("/quality").status()).isEqualTo(200);
        assertThat(s.get("/search?q=Zainal").body()).contains("Zainal Abidin");
    }

    @Test
    void housingIndicatorsAreCodesNotFreeText() {
        String body = family("Hasan", "Aisyah", "Fikri").replace("\"dusun\":\"Dusun I\",",
                "\"dusun\":\"Dusun I\",\"floorType\":\"TANAH\",\"roofType\":\"genteng merah\",");
        Api.Response r = api.post("/api/v1/households", operator, body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsString("field")).containsExactly("roofType");
        Api.Response ok = api.post("/api/v1/households", operator, body.replace("genteng merah", "GENTENG"));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.json().get("household").get("floorType").asString()).isEqualTo("TANAH");
    }

    @Test
    void invalidNikIsRefusedNamingTheMemberField() {
        String body = household(TestNik.kk(KEC, LocalDate.of(2015, 5, 20)),
                member(TestNik.nik(KEC, LocalDate.of(1980, 3, 4), false), "Ahmad", "1980-03-04", "L", "KEPALA"),
                member("1.40901E+15", "Siti", "1984-07-09", "P", "ISTRI_SUAMI"));
        Api.Response r = api.post("/api/v1/households", operator, body);
        assertThat(r.status()).isEqualTo(400);
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("members[1].nik");
        assertThat(error.get("code").asString()).isEqualTo("nik.scientific-notation");
    }

    @Test
    void desaOperatorCannotReadOrUpdateAnotherDesasHouseholdById() {
        JsonNode created = api.post("/api/v1/households", operator, family("Rahmat", "Nurhayati", "Dedi")).json();
        String id = created.get("household").get("id").asString();
        String other = api.demoToken("operator2");
        assertThat(api.get("/api/v1/households/" + id, other).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/households/" + id + "/history", other).status()).isEqualTo(404);
        String memberId = created.get("members").get(0).get("id").asString();
        assertThat(api.get("/api/v1/members/" + memberId, other).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/members/" + memberId, operator).json().get("fullName").asString()).isEqualTo("Rahmat");
        assertThat(api.get("/api/v1/households/" + id, api.demoToken("mitra")).status()).as("partners never read the registry")
                .isEqualTo(403);
        Api.Response put = api.put("/api/v1/households/" + id, other, family("Diganti", "Orang", "Lain")
                .replace("{\"regionCode\"", "{\"version\":0,\"regionCode\""));
        assertThat(put.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/households/" + id, operator).json().get("members").get(0).get("fullName").asString())
                .isEqualTo("Rahmat");
        // the supervisor of the kecamatan sees it; the desa operator's search never shows it to operator2
        assertThat(api.get("/api/v1/households/" + id, api.demoToken("supervisor")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/search?q=Rahmat", other).json().findValuesAsString("householdId")).doesNotContain(id);
    }

    @Test
    void aStaleEditIsRefusedAndTheHistoryKeepsOldAndNewValues() {
        JsonNode created = api.post("/api/v1/households", operator, family("Usman", "Halimah", "Rudi")).json();
        String id = created.get("household").get("id").asString();
        JsonNode head = created.get("members").get(0);
        String edit = editBody(created, "Usman Harun");
        Api.Response first = api.put("/api/v1/households/" + id, operator, edit);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        Api.Response stale = api.put("/api/v1/households/" + id, operator, editBody(created, "Usman Lain"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("type").asString()).isEqualTo("urn:slrt:problem:conflict");
        JsonNode now = api.get("/api/v1/households/" + id, operator).json();
        assertThat(now.get("members").get(0).get("fullName").asString()).isEqualTo("Usman Harun");

        JsonNode history = api.get("/api/v1/households/" + id + "/history", operator).json();
        JsonNode update = null;
        for (JsonNode e : history) {
            if (e.get("action").asString().equals("UPDATED") && e.get("entityId").asString().equals(head.get("id").asString())) {
                update = e;
            }
        }
        assertThat(update).isNotNull();
        assertThat(update.get("actor").asString()).isEqualTo("operator");
        assertThat(update.get("changes").asString()).contains("\"from\": \"Usman\"").contains("\"to\": \"Usman Harun\"");
    }

    @Test
    void searchFindsOldSpellingsAndMuhammadVariants() {
        api.post("/api/v1/households", operator, family("Soekarno", "Fatmawati", "Guntur Soekarnoputra"));
        api.post("/api/v1/households", operator, family("Muhammad Hatta", "Rahmi Rachim", "Meutia Farida"));
        JsonNode sukarno = api.get("/api/v1/search?q=Sukarno", operator).json();
        assertThat(sukarno.findValuesAsString("fullName")).contains("Soekarno");
        JsonNode hatta = api.get("/api/v1/search?q=Moh.%20Hatta", operator).json();
        assertThat(hatta.get(0).get("fullName").asString()).isEqualTo("Muhammad Hatta");
        JsonNode typo = api.get("/api/v1/search?q=Mohamad%20Hata&birthYear=1980", operator).json();
        assertThat(typo.findValuesAsString("fullName")).contains("Muhammad Hatta");
        String nik = api.get("/api/v1/search?q=Fatmawati", operator).json().get(0).get("nik").asString();
        assertThat(api.get("/api/v1/people?nik=" + nik, operator).json().get(0).get("fullName").asString()).isEqualTo("Fatmawati");
        assertThat(api.get("/api/v1/search?q=" + nik, operator).json().get(0).get("fullName").asString()).isEqualTo("Fatmawati");
    }

    @Test
    void ppksConditionsAndProgramsAreAddedAtTheRightLevelAndEndedNotDeleted() {
        JsonNode created = api.post("/api/v1/households", operator, family("Sukardi", "Warni", "Ujang")).json();
        String id = created.get("household").get("id").asString();
        String child = created.get("members").get(2).get("id").asString();
        Api.Response wrongLevel = api.post("/api/v1/households/" + id + "/ppks", operator, "{\"category\":\"PD\"}");
        assertThat(wrongLevel.status()).isEqualTo(400);
        assertThat(wrongLevel.json().get("errors").get(0).get("code").asString()).isEqualTo("ppks.needs-person");
        assertThat(api.post("/api/v1/households/" + id + "/ppks", operator,
                "{\"category\":\"PD\",\"memberId\":\"" + child + "\",\"since\":\"2020-01-01\"}").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/households/" + id + "/ppks", operator, "{\"category\":\"FM\"}").status()).isEqualTo(200);
        JsonNode withPkh = api.post("/api/v1/households/" + id + "/programs", operator,
                "{\"program\":\"PKH\",\"since\":\"2023-03-01\"}").json();
        assertThat(withPkh.get("programs").findValuesAsString("code")).containsExactly("PKH");
        Api.Response again = api.post("/api/v1/households/" + id + "/programs", operator, "{\"program\":\"PKH\"}");
        assertThat(again.json().get("errors").get(0).get("code").asString()).isEqualTo("program.already-active");
        String pkh = withPkh.get("programs").get(0).get("id").asString();
        JsonNode ended = api.post("/api/v1/households/" + id + "/programs/" + pkh + "/end", operator,
                "{\"date\":\"2025-12-31\"}").json();
        assertThat(ended.get("programs").get(0).get("status").asString()).isEqualTo("ENDED");
        assertThat(ended.get("ppks").findValuesAsString("code")).containsExactlyInAnyOrder("PD", "FM");
        assertThat(api.get("/api/v1/households?program=PKH&size=200", operator).json().get("items")
                .findValuesAsString("id")).doesNotContain(id);
        assertThat(api.get("/api/v1/households?ppks=PD&size=200", operator).json().get("items")
                .findValuesAsString("id")).contains(id);
        assertThat(api.get("/api/v1/households/" + id + "/history", operator).json().findValuesAsString("entityType"))
                .contains("ppks_condition", "program_participation");
        assertThat(api.post("/api/v1/households/" + id + "/programs", api.demoToken("operator2"), "{\"program\":\"BPNT\"}")
                .status()).isEqualTo(404);
    }

    @Test
    void nameSearchStaysInsideTheCallersScope() {
        api.post("/api/v1/households", operator, family("Kuswantoro Prawiro", "Endang Lestari", "Wisnu"));
        assertThat(api.get("/api/v1/search?q=Kuswantoro%20Prawiro", operator).json().findValuesAsString("fullName"))
                .contains("Kuswantoro Prawiro");
        assertThat(api.get("/api/v1/search?q=Kuswantoro%20Prawiro", api.demoToken("supervisor")).json()
                .findValuesAsString("fullName")).contains("Kuswantoro Prawiro");
        JsonNode other = api.get("/api/v1/search?q=Kuswantoro%20Prawiro", api.demoToken("operator2")).json();
        assertThat(other.findValuesAsString("fullName")).doesNotContain("Kuswantoro Prawiro");
        other.forEach(hit -> assertThat(hit.get("regionCode").asString()).startsWith("1409021016"));
    }

    @Test
    void aDuplicateNikElsewhereIsNamedWithoutRevealingIt() {
        String nik = TestNik.nik(KEC, LocalDate.of(1975, 2, 2), false);
        String first = household(TestNik.kk(KEC, LocalDate.of(2012, 1, 1)), member(nik, "Kasim", "1975-02-02", "L", "KEPALA"));
        assertThat(api.post("/api/v1/households", operator, first).status()).isEqualTo(201);
        String otherDesa = first.replace(DESA, "1409021016").replace("Kasim", "Kasim Lagi");
        Api.Response dup = api.post("/api/v1/households", api.demoToken("operator2"), otherDesa);
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.json().get("errors").findValuesAsString("code")).contains("nik.duplicate-elsewhere");
        assertThat(dup.body()).doesNotContain("Kasim\"").doesNotContain(DESA);
    }

    @Test
    void aStoredDuplicateFindingNamesTheOtherDesaOnlyToWhoeverMaySeeIt() {
        Issue stored = Issue.error("members[0].nik", "nik.duplicate-visible",
                api.post("/api/v1/households", operator, family("Tarmizi", "Yusnidar", "Rafli")).json()
                        .get("household").get("id").asString(), "Pasar Lubuk Jambi");
        assertThat(id.slrt.platform.DbScope.callAs("1409011012", () -> registry.forViewer(stored)).code())
                .isEqualTo("nik.duplicate-visible");
        assertThat(id.slrt.platform.DbScope.callAs("1409021016", () -> registry.forViewer(stored)).code())
                .isEqualTo("nik.duplicate-elsewhere");
    }

    private static String editBody(JsonNode created, String newHeadName) {
        JsonNode h = created.get("household");
        StringBuilder members = new StringBuilder();
        for (JsonNode m : created.get("members")) {
            if (!members.isEmpty()) {
                members.append(',');
            }
            String name = m.get("relationship").asString().equals("KEPALA") ? newHeadName : m.get("fullName").asString();
            members.append("{\"id\":\"").append(m.get("id").asString()).append("\",\"version\":")
                    .append(m.get("version").asInt()).append(',')
                    .append(member(m.get("nik").asString(), name, m.get("birthDate").asString(), m.get("sex").asString(),
                            m.get("relationship").asString()).substring(1));
        }
        return "{\"version\":" + h.get("version").asInt() + ",\"regionCode\":\"" + h.get("regionCode").asString()
                + "\",\"noKk\":\"" + h.get("noKk").asString() + "\",\"address\":\"Jl. Baru\",\"members\":[" + members + "]}";
    }
}
