package id.slrt.registry;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.platform.DbScope;
import id.slrt.shared.Ids;
import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import id.slrt.support.TestNik;
import id.slrt.support.WebSession;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The registry pages over real HTTP sessions: scoping by id, the conflict page, bank-account checks. */
@IntegrationTest
class RegistryPagesTest {
    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    RegistryService registry;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.transaction.support.TransactionTemplate tx;
    Api api;
    JsonNode created;
    String id;

    @BeforeEach
    void aHouseholdOfTheOperatorsDesa() {
        api = new Api(port);
        String kec = RegistryApiTest.KEC;
        created = api.post("/api/v1/households", api.demoToken("operator"), RegistryApiTest.household(
                TestNik.kk(kec, LocalDate.of(2016, 6, 6)),
                RegistryApiTest.member(TestNik.nik(kec, LocalDate.of(1970, 1, 5), false), "Syamsul Bahri", "1970-01-05", "L", "KEPALA"),
                RegistryApiTest.member(TestNik.nik(kec, LocalDate.of(1972, 5, 6), true), "Rosmawati", "1972-05-06", "P", "ISTRI_SUAMI")))
                .json();
        id = created.get("household").get("id").asString();
    }

    @Test
    void anotherDesasOperatorGets404ForTheHouseholdPageTheEditFormAndAPost() {
        WebSession other = WebSession.login(port, "operator2", "demo12345");
        assertThat(other.get("/households/" + id).status()).isEqualTo(404);
        assertThat(other.get("/households/" + id + "/edit").status()).isEqualTo(404);
        String csrf = other.get("/households/new").csrf();
        WebSession.Page post = other.post("/households/" + id + "/edit", csrf, editForm("Bukan Pemiliknya", 0));
        assertThat(post.status()).isEqualTo(404);
        WebSession.Page own = WebSession.login(port, "operator", "demo12345").get("/households/" + id);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains("Syamsul Bahri").doesNotContain("Bukan Pemiliknya");
    }

    @Test
    void aStaleEditGetsTheConflictPageWithBothVersionsAndNothingIsOverwritten() {
        WebSession first = WebSession.login(port, "operator", "demo12345");
        WebSession second = WebSession.login(port, "fasilitator", "demo12345");
        WebSession.Page form1 = first.get("/households/" + id + "/edit");
        WebSession.Page form2 = second.get("/households/" + id + "/edit");
        assertThat(first.post("/households/" + id + "/edit", form1.csrf(), editForm("Syamsul Bahri Lubis", 0)).status())
                .isEqualTo(302);
        WebSession.Page conflict = second.post("/households/" + id + "/edit", form2.csrf(), editForm("Samsul Bahri", 0));
        assertThat(conflict.status()).isEqualTo(200);
        assertThat(conflict.body()).contains("Data sudah diubah orang lain")
                .contains("Samsul Bahri").contains("Syamsul Bahri Lubis").contains("id=\"mine\"").contains("id=\"theirs\"");
        JsonNode now = api.get("/api/v1/households/" + id, api.demoToken("operator")).json();
        assertThat(now.get("members").get(0).get("fullName").asString()).isEqualTo("Syamsul Bahri Lubis");
        WebSession.Page page = first.get("/households/" + id);
        assertThat(page.body()).contains("Syamsul Bahri").contains("→").contains("Syamsul Bahri Lubis");
    }

    @Test
    void aBankAccountWithALetterIsRefusedOnThePageNamingTheProblem() {
        WebSession s = WebSession.login(port, "operator", "demo12345");
        String csrf = s.get("/households/" + id).csrf();
        String headId = created.get("members").get(0).get("id").asString();
        WebSession.Page refused = s.post("/households/" + id + "/bank-accounts", csrf,
                Map.of("memberId", headId, "bank", "BRI", "accountNumber", "12340100O12350"));
        assertThat(refused.status()).isEqualTo(302);
        String body = s.get("/households/" + id).body();
        assertThat(body).contains("Nomor rekening hanya boleh berisi angka").contains("value=\"12340100O12350\"");
        s.post("/households/" + id + "/bank-accounts", csrf,
                Map.of("memberId", headId, "bank", "BRI", "accountNumber", "123401000123501"));
        assertThat(s.get("/households/" + id).body()).contains("123401000123501").contains("Rekening sudah ditambahkan.");
    }

    @Test
    void aHouseholdWithTwoKindsOfProblemCountsOnceInItsDesa() {
        String desa = created.get("household").get("regionCode").asString();
        long before = households(desa);
        DbScope.runAs(desa, () -> tx.executeWithoutResult(st -> {
            for (String code : new String[] {"nik.length", "bank-account.letters"}) {
                jdbc.sql("insert into quality_issue (id, household_id, region_code, code, severity, open, found_at) "
                                + "values (?, ?::uuid, ?, ?, 'ERROR', true, now())")
                        .params(Ids.newId(), id, desa, code).update();
            }
        }));
        assertThat(households(desa)).isEqualTo(before + 1);
    }

    private long households(String desa) {
        return DbScope.callAs(desa, () -> registry.qualityByDesa(desa)).stream()
                .filter(q -> q.regionCode().equals(desa)).mapToLong(QualityDesa::households).sum();
    }

    @Test
    void onlyRolesThatRegisterSeeTheEditingControls() {
        assertThat(WebSession.login(port, "operator", "demo12345").get("/households/" + id).body())
                .contains("id=\"edit-household\"").contains("id=\"add-programs\"");
        String supervisor = WebSession.login(port, "supervisor", "demo12345").get("/households/" + id).body();
        assertThat(supervisor).contains("Syamsul Bahri").doesNotContain("id=\"edit-household\"")
                .doesNotContain("id=\"add-programs\"").doesNotContain("id=\"add-bank\"");
    }

    @Test
    void aProgramIsAddedFromTheHouseholdPage() {
        WebSession s = WebSession.login(port, "operator", "demo12345");
        String csrf = s.get("/households/" + id).csrf();
        assertThat(s.post("/households/" + id + "/programs", csrf, Map.of("program", "BPNT", "since", "2024-02-01"))
                .status()).isEqualTo(302);
        String page = s.get("/households/" + id).body();
        assertThat(page).contains("Bantuan Pangan Non Tunai").contains("sejak 01-02-2024").contains("Perubahan sudah disimpan.");
    }

    private Map<String, String> editForm(String headName, int version) {
        Map<String, String> f = new HashMap<>();
        JsonNode h = created.get("household");
        f.put("version", String.valueOf(version));
        f.put("regionCode", h.get("regionCode").asString());
        f.put("noKk", h.get("noKk").asString());
        f.put("address", "Jl. Baru");
        int i = 0;
        for (JsonNode m : created.get("members")) {
            String p = "members[" + i++ + "].";
            f.put(p + "id", m.get("id").asString());
            f.put(p + "version", m.get("version").asString());
            f.put(p + "nik", m.get("nik").asString());
            f.put(p + "fullName", m.get("relationship").asString().equals("KEPALA") ? headName : m.get("fullName").asString());
            f.put(p + "birthDate", m.get("birthDate").asString());
            f.put(p + "sex", m.get("sex").asString());
            f.put(p + "relationship", m.get("relationship").asString());
        }
        return f;
    }
}
