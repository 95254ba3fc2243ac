package id.slrt.portal;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.support.Browser;
import id.slrt.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Chromium on a phone-sized window: a citizen, not logged in, answers the "which programs fit me"
 * questions and sees PKH and PBI-JK with how to apply.
 */
@IntegrationTest
@EnabledIf("id.slrt.support.Browser#available")
class FitProgramsBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void aCitizenOnAPhoneFindsPkhAndPbiJkWithHowToApply() {
        try (Browser b = new Browser(port)) {
            b.resize(360, 740);
            b.open("/program");
            b.click("#fit-link");
            b.waitUntilPathIs("/program/cocok");
            b.type("#age", "32");
            b.type("#members", "4");
            b.click("#q-toddler");
            b.click("#q-sd");
            b.click("#q-poor-1");
            b.click("#q-dtks-UNKNOWN");
            b.click("#fit-submit");

            b.waitFor("#fit-results");
            assertThat(b.path()).startsWith("/program/cocok?").contains("toddler=1").doesNotContain("JSESSIONID");
            assertThat(b.text("#fit-PKH h3")).contains("Program Keluarga Harapan").contains("Mungkin cocok");
            assertThat(b.text("#fit-PKH .fit-reasons")).contains("anak usia 0–6 tahun").contains("anak sekolah");
            assertThat(b.text("#fit-PKH .how-to-apply")).contains("Puskesos").contains("DTKS/DTSEN");
            assertThat(b.text("#fit-PBI_JK h3")).contains("PBI-JK");
            assertThat(b.text("#fit-PBI_JK .how-to-apply")).contains("BPJS Kesehatan");
            assertThat(b.text("#fit-KIP h3")).as("a primary school child of a poor family").contains("KIP");
            assertThat(b.text("#fit-notices")).contains("keputusan akhir berdasarkan DTKS/DTSEN");
            assertThat((Long) b.script("return document.documentElement.scrollWidth"))
                    .as("nothing sticks out of a 360 px screen").isLessThanOrEqualTo(360L);
            assertThat(b.driver().findElement(By.id("q-toddler")).isSelected()).as("the answers stay on the form").isTrue();
            assertThat(b.driver().manage().getCookies()).as("no session, no cookie").isEmpty();
            b.screenshot("portal-fit-phone");

            b.click("#fit-PKH h3 a");
            b.waitUntilPathIs("/program/PKH");
            assertThat(b.text("#program-documents")).contains("Kartu Keluarga");
            assertThat(b.text(".unverified-amounts")).contains("pastikan ke Dinas Sosial");
        }
    }
}
