package id.slrt.program;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import id.slrt.support.WebSession;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The administrators' catalogue pages: list, edit form, a stale save shown as a conflict with both versions. */
@IntegrationTest
class ProgramAdminPagesTest {
    static final String CODE = "GURU_MENGAJI";

    @LocalServerPort
    int port;

    @Test
    void onlyAnAdministratorOpensTheCataloguePages() {
        assertThat(WebSession.login(port, "slrt", Api.DEMO_PASSWORD).get("/admin/programs").status()).isEqualTo(403);
        WebSession admin = WebSession.login(port, "admin", Api.DEMO_PASSWORD);
        WebSession.Page list = admin.get("/admin/programs");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("id=\"program-PKH\"", "id=\"program-BST\"", "href=\"/admin/programs\"");
    }

    @Test
    void aSaveFromAStaleFormShowsTheConflictAndKeepsTheNewerVersion() {
        WebSession admin = WebSession.login(port, "admin", Api.DEMO_PASSWORD);
        WebSession.Page form = admin.get("/admin/programs/" + CODE);
        assertThat(form.status()).isEqualTo(200);
        String version = form.input("version");

        WebSession.Page saved = admin.post("/admin/programs/" + CODE, form.csrf(), fields(version, "Kontak A " + version));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/admin/programs/" + CODE);
        assertThat(program().get("contact").asString()).isEqualTo("Kontak A " + version);

        WebSession.Page stale = admin.post("/admin/programs/" + CODE, form.csrf(), fields(version, "Kontak B " + version));
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).contains("id=\"conflict\"", "id=\"conflict-differences\"", "Kontak A " + version,
                "Kontak B " + version);
        assertThat(program().get("contact").asString()).as("the newer version stays").isEqualTo("Kontak A " + version);
    }

    @Test
    void aWrongAmountComesBackToTheFormAsTyped() {
        WebSession admin = WebSession.login(port, "admin", Api.DEMO_PASSWORD);
        WebSession.Page form = admin.get("/admin/programs/" + CODE);
        Map<String, String> f = fields(form.input("version"), "Kontak");
        f.put("benefit[0].amount", "tiga ratus ribu");
        WebSession.Page refused = admin.post("/admin/programs/" + CODE, form.csrf(), f);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"form-errors\"", "value=\"tiga ratus ribu\"",
                "Tulis besaran dengan angka saja");
    }

    /** The program as it is, through the form's fields, with another contact. */
    private Map<String, String> fields(String version, String contact) {
        JsonNode p = program();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("version", version);
        for (String name : new String[]{"name", "purpose", "audience", "benefitNote", "howToApply", "whereToApply",
                "scope", "sector"}) {
            f.put(name, p.has(name) ? p.get(name).asString() : "");
        }
        f.put("contact", contact);
        StringBuilder docs = new StringBuilder();
        p.get("documents").forEach(d -> docs.append(d.asString()).append('\n'));
        f.put("documents", docs.toString());
        for (int i = 0; i < p.get("benefits").size(); i++) {
            JsonNode b = p.get("benefits").get(i);
            f.put("benefit[" + i + "].label", b.get("label").asString());
            f.put("benefit[" + i + "].amount", b.has("amountRp") ? b.get("amountRp").asString() : "");
            f.put("benefit[" + i + "].per", b.has("per") ? b.get("per").asString() : "");
            f.put("benefit[" + i + "].validFrom", b.get("validFrom").asString());
        }
        f.put("published", "true");
        return f;
    }

    private JsonNode program() {
        return new Api(port).get("/api/v1/programs/" + CODE, new Api(port).demoToken("admin")).json();
    }
}
