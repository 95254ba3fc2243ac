package id.slrt.updating;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.platform.TestPhotos;
import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import id.slrt.support.TestNik;
import id.slrt.support.WebSession;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The pemutakhiran pages and evidence as each role meets them. */
@IntegrationTest
class UpdatingPagesTest {
    static final String KEC = "140901";

    @LocalServerPort
    int port;
    Api api;
    String operator;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        operator = api.demoToken("operator");
    }

    JsonNode household() {
        String body = "{\"regionCode\":\"1409011012\",\"noKk\":\"" + TestNik.kk(KEC, LocalDate.of(2019, 3, 3))
                + "\",\"address\":\"Jl. Pahlawan 3\",\"members\":["
                + UpdatingWorkflowTest.member(TestNik.nik(KEC, LocalDate.of(1970, 2, 2), false), "Sutan Sjahrir",
                "1970-02-02", "L", "KEPALA") + "]}";
        return api.post("/api/v1/households", operator, body).json();
    }

    String draft(String householdId) {
        return api.post("/api/v1/change-requests", operator, "{\"kind\":\"CORRECT\",\"householdId\":\"" + householdId
                + "\",\"proposed\":{\"household.address\":\"Jl. Pahlawan 30\"},\"reason\":\"Nomor rumah\"}")
                .json().get("id").asString();
    }

    @Test
    void evidencePhotosKeepTheirExifDateAndPlaceAndOnlyImagesOrPdfAreAccepted() {
        String id = draft(household().get("household").get("id").asString());
        Api.Response photo = api.upload("/api/v1/change-requests/" + id + "/files", operator,
                Map.of("evidenceType", "FOTO_RUMAH"), "rumah.jpg", TestPhotos.photoWithExif(), "image/jpeg");
        assertThat(photo.status()).as(photo.body()).isEqualTo(201);
        assertThat(photo.json().get("takenAt").asString()).startsWith("2026-11-20T10:15");
        assertThat(photo.json().get("latitude").asDouble()).isBetween(-0.53, -0.51);
        assertThat(photo.json().get("longitude").asDouble()).isBetween(101.54, 101.56);

        Api.Response text = api.upload("/api/v1/change-requests/" + id + "/files", operator,
                Map.of("evidenceType", "KTP"), "ktp.jpg", "not really a photo".getBytes(StandardCharsets.UTF_8),
                "image/jpeg");
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.json().get("detail").asString()).contains("ktp.jpg");

        String fileId = photo.json().get("id").asString();
        assertThat(api.get("/api/v1/change-requests/" + id + "/files/" + fileId, operator).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/change-requests/" + id + "/files/" + fileId, api.demoToken("operator2")).status())
                .as("another desa does not see the evidence").isEqualTo(404);
        assertThat(api.get("/api/v1/change-requests/" + id + "/files", operator).json()).hasSize(1);
        assertThat(api.get("/api/v1/change-requests/" + id, operator).json().get("events").findValuesAsString("action"))
                .contains("FILE_ADDED");
    }

    @Test
    void eachRoleSeesItsInboxAndTheRequestPage() {
        JsonNode h = household();
        String hid = h.get("household").get("id").asString();
        String id = draft(hid);
        api.post("/api/v1/change-requests/" + id + "/submit", operator, "{}");
        String number = api.get("/api/v1/change-requests/" + id, operator).json().get("request").get("number").asString();

        WebSession supervisor = WebSession.login(port, "supervisor", Api.DEMO_PASSWORD);
        WebSession.Page inbox = supervisor.get("/updates");
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.body()).contains("id=\"tab-to-verify\"").contains(number).contains("bulk-submit");
        WebSession.Page detail = supervisor.get("/updates/" + id);
        assertThat(detail.body()).contains("Jl. Pahlawan 30").contains("verify-request").contains("return-request")
                .doesNotContain("apply-request");

        WebSession manager = WebSession.login(port, "manajer", Api.DEMO_PASSWORD);
        assertThat(manager.get("/updates?inbox=all&q=" + number).body()).contains(number).doesNotContain("bulk-submit");
        WebSession.Page managerDetail = manager.get("/updates/" + id);
        assertThat(managerDetail.body()).doesNotContain("verify-request");
        assertThat(manager.post("/updates/" + id + "/verify", managerDetail.csrf(), Map.of()).status())
                .as("the manager only watches").isEqualTo(403);

        String draftOnly = draft(hid);
        String draftNumber = api.get("/api/v1/change-requests/" + draftOnly, operator).json().get("request").get("number")
                .asString();
        assertThat(api.get("/api/v1/change-requests?inbox=all&q=" + draftNumber, api.demoToken("supervisor")).json()
                .get("total").asLong()).as("another's draft is not shown until submitted").isZero();
        assertThat(api.get("/api/v1/change-requests?inbox=all&q=" + draftNumber, operator).json().get("total").asLong())
                .isEqualTo(1);

        WebSession other = WebSession.login(port, "supervisor2", Api.DEMO_PASSWORD);
        assertThat(other.get("/updates/" + id).status()).isEqualTo(404);
        assertThat(other.get("/updates?inbox=to-verify&q=" + number).body()).contains("requests-empty");

        WebSession op = WebSession.login(port, "operator", Api.DEMO_PASSWORD);
        for (String kind : new String[] {"ADD_MEMBER", "REMOVE_MEMBER", "CORRECT", "MOVE_HOUSEHOLD", "PPKS", "PROGRAM",
                "DTKS_REMOVAL", "SPLIT", "MERGE"}) {
            WebSession.Page form = op.get("/updates/new?kind=" + kind + "&household=" + hid);
            assertThat(form.status()).as(kind).isEqualTo(200);
            assertThat(form.body()).as(kind).contains("id=\"request-form\"");
        }
        assertThat(op.get("/updates/new?kind=NEW_HOUSEHOLD").body()).contains("f-new-3-fullName");
        assertThat(op.get("/households/" + hid).body()).contains("propose-ADD_MEMBER");
    }

    @Test
    void theOpenApiDocumentDescribesEveryPemutakhiranEndpoint() {
        JsonNode doc = api.get("/v3/api-docs", null).json();
        java.util.List<String> paths = new java.util.ArrayList<>();
        doc.get("paths").properties().forEach(e -> paths.add(e.getKey()));
        assertThat(paths).contains("/api/v1/change-requests", "/api/v1/change-requests/{id}",
                "/api/v1/change-requests/{id}/submit", "/api/v1/change-requests/{id}/verify",
                "/api/v1/change-requests/{id}/return", "/api/v1/change-requests/{id}/apply",
                "/api/v1/change-requests/{id}/reject", "/api/v1/change-requests/{id}/files",
                "/api/v1/change-requests/bulk", "/api/v1/musdes", "/api/v1/update-periods", "/api/v1/siksng-batches",
                "/api/v1/siksng-batches/{id}/result", "/api/v1/updating/monitoring");
        assertThat(doc.get("paths").get("/api/v1/change-requests/{id}/apply").get("post").get("summary").asString())
                .contains("decide");
    }

    @Test
    void aProposalMadeOnThePageKeepsOnlyTheChangedFieldsAndAMissingReasonKeepsWhatWasTyped() {
        String hid = household().get("household").get("id").asString();
        WebSession op = WebSession.login(port, "operator", Api.DEMO_PASSWORD);
        WebSession.Page form = op.get("/updates/new?kind=CORRECT&household=" + hid);
        String address = form.input("f-household-address");
        assertThat(address).isEqualTo("Jl. Pahlawan 3");
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("kind", "CORRECT");
        fields.put("household", hid);
        fields.put("f.household.address", "Jl. Pahlawan 33");
        fields.put("f.household.rt", "");
        fields.put("reason", "");
        WebSession.Page refused = op.post("/updates/new", form.csrf(), fields);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("form-failure").contains("Jl. Pahlawan 33");

        fields.put("reason", "Nomor rumah salah");
        WebSession.Page saved = op.post("/updates/new", refused.csrf(), fields);
        assertThat(saved.status()).isEqualTo(302);
        String id = saved.location().substring(saved.location().lastIndexOf('/') + 1);
        JsonNode proposed = api.get("/api/v1/change-requests/" + id, operator).json().get("request").get("proposed");
        assertThat(proposed.properties()).extracting(Map.Entry::getKey).containsExactly("household.address");
    }
}
