package id.slrt.program;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The program catalogue over the API: seeded, public to read, edited by administrators only, never blindly. */
@IntegrationTest
class ProgramCatalogueApiTest {
    /** The program these tests edit; nothing else relies on its texts. */
    static final String EDITED = "GURU_MENGAJI";

    @LocalServerPort
    int port;

    @Test
    void theSeededCatalogueIsReadableWithoutLogIn() {
        Api api = new Api(port);
        Api.Response list = api.get("/api/v1/programs?size=50", null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(codes(list.json())).contains("PKH", "BPNT", "PBI_JK", "KIP", "ATENSI", "ASLUT", "ASPDB", "KUBE",
                "RS_RTLH", "BLT_DD", EDITED);

        JsonNode pkh = api.get("/api/v1/programs/PKH", null).json();
        assertThat(pkh.get("scope").asString()).isEqualTo("NATIONAL");
        assertThat(pkh.get("sector").asString()).isEqualTo("SOCIAL_ECONOMY");
        assertThat(pkh.get("audience").asString()).contains("DTKS").contains("60");
        JsonNode toddler = pkh.get("benefits").get(1);
        assertThat(toddler.get("label").asString()).contains("0–6");
        assertThat(toddler.get("amountRp").asLong()).isEqualTo(3_000_000L);
        assertThat(toddler.get("per").asString()).isEqualTo("YEAR");
        assertThat(toddler.get("validFrom").asString()).isEqualTo("2020-01-01");
        assertThat(toddler.get("verified").asBoolean()).as("seeded amounts are unverified").isFalse();
        assertThat(pkh.get("documents").size()).isGreaterThan(1);
        assertThat(pkh.get("howToApply").asString()).contains("Puskesos");

        JsonNode local = api.get("/api/v1/programs/BLT_DD", null).json();
        assertThat(local.get("scope").asString()).isEqualTo("LOCAL");
        assertThat(local.get("benefits").get(0).get("amountRp").asLong()).isEqualTo(300_000L);
    }

    @Test
    void theListFiltersBySectorAndSearchesText() {
        Api api = new Api(port);
        assertThat(codes(api.get("/api/v1/programs?sector=HEALTH", null).json())).contains("PBI_JK")
                .doesNotContain("PKH", "KIP");
        assertThat(codes(api.get("/api/v1/programs?q=rumah%20tidak%20layak", null).json())).containsExactly("RS_RTLH");
        assertThat(codes(api.get("/api/v1/programs?q=tidak-ada-program-begini", null).json())).isEmpty();
    }

    @Test
    void anAdministratorEditsAProgramAndTheChangeIsAudited() {
        Api api = new Api(port);
        String admin = api.demoToken("admin");
        ObjectNode form = formOf(api.get("/api/v1/programs/" + EDITED, admin).json());
        int version = form.get("version").asInt();
        form.put("contact", "Bagian Kesra Setda, telepon (0760) 000000 — uji " + version);

        Api.Response saved = api.put("/api/v1/programs/" + EDITED, admin, form.toString());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("version").asInt()).isEqualTo(version + 1);
        assertThat(saved.json().get("updatedBy").asString()).isEqualTo("admin");
        assertThat(api.get("/api/v1/programs/" + EDITED, null).json().get("contact").asString())
                .contains("uji " + version);

        JsonNode audit = api.get("/api/v1/audit?entityType=program&entityId=" + EDITED + "&action=PROGRAM_UPDATED",
                admin).json();
        assertThat(audit.get("items").get(0).get("changes").toString()).contains("contact").contains("uji " + version);
    }

    @Test
    void anEditBasedOnAStaleVersionIsRefusedAndChangesNothing() {
        Api api = new Api(port);
        String admin = api.demoToken("admin");
        ObjectNode first = formOf(api.get("/api/v1/programs/" + EDITED, admin).json());
        ObjectNode second = first.deepCopy();
        first.put("benefitNote", "Diubah oleh jendela pertama");
        assertThat(api.put("/api/v1/programs/" + EDITED, admin, first.toString()).status()).isEqualTo(200);

        second.put("benefitNote", "Diubah oleh jendela kedua yang basi");
        Api.Response stale = api.put("/api/v1/programs/" + EDITED, admin, second.toString());
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("type").asString()).endsWith("conflict");
        assertThat(api.get("/api/v1/programs/" + EDITED, null).json().get("benefitNote").asString())
                .isEqualTo("Diubah oleh jendela pertama");
    }

    @Test
    void onlyAnAdministratorMayChangeTheCatalogue() {
        Api api = new Api(port);
        ObjectNode form = formOf(api.get("/api/v1/programs/" + EDITED, null).json());
        form.put("name", "Diambil alih");
        assertThat(api.put("/api/v1/programs/" + EDITED, null, form.toString()).status()).isEqualTo(401);
        for (String user : List.of("operator", "slrt", "manajer")) {
            assertThat(api.put("/api/v1/programs/" + EDITED, api.demoToken(user), form.toString()).status())
                    .as(user).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/programs/" + EDITED, null).json().get("name").asString())
                .isEqualTo("Insentif guru mengaji");
    }

    @Test
    void anInvalidEditNamesTheFieldsAtFault() {
        Api api = new Api(port);
        String admin = api.demoToken("admin");
        ObjectNode form = formOf(api.get("/api/v1/programs/" + EDITED, admin).json());
        form.put("name", " ");
        form.put("activeFrom", "2024-01-01");
        form.put("activeUntil", "2023-12-31");
        ((ObjectNode) form.get("benefits").get(0)).put("amountRp", -5);
        Api.Response r = api.put("/api/v1/programs/" + EDITED, admin, form.toString());
        assertThat(r.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("name", "activeUntil", "benefits[0].amountRp");
    }

    @Test
    void anUnpublishedProgramIsHiddenFromThePublicButNotFromTheAdministrator() {
        Api api = new Api(port);
        String admin = api.demoToken("admin");
        ObjectNode form = formOf(api.get("/api/v1/programs/" + EDITED, admin).json());
        form.put("published", false);
        JsonNode hidden = api.put("/api/v1/programs/" + EDITED, admin, form.toString()).json();
        try {
            assertThat(api.get("/api/v1/programs/" + EDITED, null).status()).isEqualTo(404);
            assertThat(codes(api.get("/api/v1/programs?size=50", null).json())).doesNotContain(EDITED);
            assertThat(api.get("/api/v1/programs/" + EDITED, admin).status()).isEqualTo(200);
            assertThat(codes(api.get("/api/v1/programs?size=50&includeUnpublished=true", admin).json())).contains(EDITED);
            assertThat(codes(api.get("/api/v1/programs?size=50&includeUnpublished=true", null).json()))
                    .as("only an administrator sees unpublished programs").doesNotContain(EDITED);
        } finally {
            ObjectNode back = formOf(hidden);
            back.put("published", true);
            assertThat(api.put("/api/v1/programs/" + EDITED, admin, back.toString()).status()).isEqualTo(200);
        }
    }

    static ObjectNode formOf(JsonNode program) {
        ObjectNode form = ((ObjectNode) program).deepCopy();
        form.remove(List.of("code", "updatedAt", "updatedBy"));
        return form;
    }

    static List<String> codes(JsonNode page) {
        List<String> codes = new ArrayList<>();
        page.get("items").forEach(p -> codes.add(p.get("code").asString()));
        return codes;
    }
}
