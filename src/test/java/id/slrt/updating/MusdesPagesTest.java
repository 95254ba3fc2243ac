package id.slrt.updating;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import id.slrt.support.MutableClock;
import id.slrt.support.WebSession;
import id.slrt.support.WebSession.Page;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The deliberation and update-period pages: forms, errors shown inline, the "submit all" outcome, the banner. */
@IntegrationTest
class MusdesPagesTest {
    static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    LocalDate today() {
        return clock.instant().atZone(ZONE).toLocalDate();
    }

    @Test
    void anOperatorRecordsADeliberationAndSubmitsItsDraftsFromItsPage() {
        WebSession web = WebSession.login(port, "operator", Api.DEMO_PASSWORD);
        Page form = web.get("/updates/musdes/new");
        assertThat(form.status()).isEqualTo(200);

        Page invalid = web.post("/updates/musdes/new", form.csrf(), Map.of("kind", "MUSDES", "heldOn",
                today().plusDays(5).toString(), "place", "", "attendanceCount", "0", "chairedBy", "Kades"));
        assertThat(invalid.status()).as("errors are shown on the form").isEqualTo(200);
        assertThat(invalid.body()).contains("form-errors").contains("masa depan").contains("minimal 1");

        Page saved = web.post("/updates/musdes/new", form.csrf(), Map.of("kind", "MUSDES", "heldOn",
                today().toString(), "place", "Aula Kantor Desa", "attendanceCount", "35", "chairedBy", "Kades Rusli"));
        assertThat(saved.status()).isEqualTo(302);
        String path = saved.location().replaceFirst("^https?://[^/]+", "");
        assertThat(path).matches("/updates/musdes/[0-9a-f-]{36}");

        Page view = web.get(path);
        assertThat(view.body()).contains("Aula Kantor Desa").contains("submit-all");
        Page submitted = web.post(path + "/submit-requests", view.csrf(), Map.of());
        assertThat(submitted.status()).isEqualTo(302);
        assertThat(web.get(path).body()).as("nothing to submit is said, not hidden").contains("Tidak ada draf Anda");

        assertThat(web.get("/updates/musdes").body()).contains("Aula Kantor Desa");
        assertThat(web.get("/updates/periods").status()).as("periods are the district's").isEqualTo(403);
    }

    @Test
    void theDistrictSeesPeriodsWithTheBannerAndFormErrors() {
        clock.advance(Duration.ofDays(365L * 66));
        LocalDate today = today();
        String slrt = new Api(port).demoToken("slrt");
        new Api(port).post("/api/v1/update-periods", slrt, "{\"name\":\"Pemutakhiran Uji Halaman\",\"opensOn\":\""
                + today.minusDays(1) + "\",\"desaCutoff\":\"" + today.plusDays(4) + "\",\"kecamatanCutoff\":\""
                + today.plusDays(8) + "\",\"districtCutoff\":\"" + today.plusDays(12) + "\"}");

        WebSession web = WebSession.login(port, "slrt", Api.DEMO_PASSWORD);
        Page page = web.get("/updates/periods");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("period-banner").contains("Pemutakhiran Uji Halaman").contains("4 hari lagi");
        Page refused = web.post("/updates/periods", page.csrf(), Map.of("name", "Salah urutan", "opensOn",
                today.plusDays(100).toString(), "desaCutoff", today.plusDays(90).toString(), "kecamatanCutoff",
                today.plusDays(110).toString(), "districtCutoff", today.plusDays(120).toString()));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Batas desa tidak boleh sebelum tanggal dibuka");

        WebSession operator = WebSession.login(port, "operator", Api.DEMO_PASSWORD);
        assertThat(operator.get("/updates/musdes").body()).as("the banner is on the desa's page too")
                .contains("Pemutakhiran Uji Halaman");
    }
}
