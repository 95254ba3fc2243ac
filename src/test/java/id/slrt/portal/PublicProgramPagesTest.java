package id.slrt.portal;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.support.IntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public program pages: no log-in, no session, nothing personal, and the answers point at PKH and PBI-JK. */
@IntegrationTest
class PublicProgramPagesTest {
    /** Sixteen digits in a row: what a NIK or a KK number looks like. */
    static final Pattern NIK_LIKE = Pattern.compile("(?<!\\d)\\d{16}(?!\\d)");
    static final String POOR_FAMILY_WITH_TODDLER = "/program/cocok?sent=1&age=34&members=4&toddler=1&poor=1&dtks=UNKNOWN";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theProgramListNeedsNoLogInAndShowsTheSeededPrograms() {
        HttpResponse<String> r = get("/program");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Program Keluarga Harapan (PKH)", "Kartu Indonesia Pintar", "BLT Dana Desa",
                "href=\"/program/cocok\"");
        assertThat(r.body()).as("no staff navigation for the public").doesNotContain("href=\"/households\"");
    }

    @Test
    void theListSearchesByNameAndPurposeAndBySectorName() {
        assertThat(get("/program?q=sekolah").body()).contains("data-code=\"KIP\"").doesNotContain("data-code=\"BPNT\"");
        assertThat(get("/program?q=kesehatan").body()).as("the sector's name finds its programs")
                .contains("data-code=\"PBI_JK\"");
        assertThat(get("/program?sector=HOUSING").body()).contains("data-code=\"RS_RTLH\"")
                .doesNotContain("data-code=\"PKH\"");
        assertThat(get("/program?q=zzzz-tidak-ada").body()).contains("id=\"no-programs\"");
    }

    @Test
    void aProgramPageShowsBenefitsAsPublishedDocumentsAndHowToApply() {
        String page = get("/program/PKH").body();
        assertThat(page).contains("Rp3.000.000", "per tahun", "Puskesos", "Kartu Keluarga")
                .contains("Besaran seperti yang diumumkan 2020–2024 dan belum diverifikasi; pastikan ke Dinas Sosial.");
        assertThat(get("/program/BST").body()).as("an ended program says so").contains("id=\"program-ended\"");
        assertThat(get("/program/TIDAK_ADA").statusCode()).isEqualTo(404);
    }

    @Test
    void theAnswersNameCandidateProgramsWithHowToApplyAndThePlainCaveat() {
        HttpResponse<String> r = get(POOR_FAMILY_WITH_TODDLER);
        assertThat(r.statusCode()).isEqualTo(200);
        String page = r.body();
        assertThat(page).contains("id=\"fit-PKH\"", "id=\"fit-PBI_JK\"", "class=\"how-to-apply\"")
                .contains("Tanyakan ke Puskesos / Dinas Sosial; keputusan akhir berdasarkan DTKS/DTSEN.")
                .contains("Langkah pertama: pastikan keluarga terdaftar di DTKS/DTSEN.");
        assertThat(page).as("the ended BST is never suggested").doesNotContain("id=\"fit-BST\"");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page).as("the answers stay on the form").contains("id=\"q-toddler\" name=\"toddler\" value=\"1\" checked")
                .doesNotContain("id=\"q-sd\" name=\"sd\" value=\"1\" checked");
        assertThat(get("/program/cocok?sent=1&age=300&members=0").body()).contains("id=\"fit-errors\"")
                .doesNotContain("id=\"fit-results\"");
    }

    @Test
    void publicPagesMakeNoSessionAndCarryNothingPersonal() {
        for (String path : List.of("/program", "/program?q=rumah", "/program/PKH", "/program/cocok",
                POOR_FAMILY_WITH_TODDLER)) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().allValues("Set-Cookie")).as(path + " sets no cookie").isEmpty();
            assertThat(NIK_LIKE.matcher(r.body()).find()).as(path + " shows no NIK-like number").isFalse();
            assertThat(r.body()).as(path + " carries no CSRF token").doesNotContain("_csrf");
        }
    }

    @Test
    void englishIsChosenWithLangAndOnlyTheLanguageCookieIsSet() {
        HttpResponse<String> r = get(POOR_FAMILY_WITH_TODDLER + "&lang=en");
        assertThat(r.body()).contains("Which programs might fit me?", "id=\"fit-PKH\"",
                "the final decision is made from DTKS/DTSEN");
        assertThat(r.headers().allValues("Set-Cookie")).singleElement().asString().startsWith("slrt_lang=en");
        assertThat(r.body()).as("the language links keep the answers").contains("toddler=1&amp;poor=1&amp;dtks=UNKNOWN&amp;lang=id");
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
