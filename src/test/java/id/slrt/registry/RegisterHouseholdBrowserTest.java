package id.slrt.registry;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.support.Browser;
import id.slrt.support.IntegrationTest;
import id.slrt.support.TestNik;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
@EnabledIf("id.slrt.support.Browser#available")
class RegisterHouseholdBrowserTest {
    private static final String KEC = "140901";

    @LocalServerPort
    int port;

    @Test
    void operatorRegistersAFamilyAndAMistypedNikIsExplainedBesideItWithoutLosingTheRest() {
        String headNik = TestNik.nik(KEC, LocalDate.of(1979, 6, 12), false);
        String wifeNik = TestNik.nik(KEC, LocalDate.of(1983, 2, 3), true);
        String childNik = TestNik.nik(KEC, LocalDate.of(2008, 9, 30), false);
        try (Browser b = new Browser(port)) {
            b.login("operator", "demo12345");
            b.waitUntilPathIs("/");
            b.open("/households/new");
            b.type("#noKk", TestNik.kk(KEC, LocalDate.of(2014, 4, 1)));
            b.type("#address", "Jl. Sudirman No. 5");
            b.type("#rt", "003");
            b.type("#rw", "001");
            member(b, 0, "Joko Susilo", headNik, "1979-06-12", "L");
            String mistyped = wifeNik.substring(0, 15);
            member(b, 1, "Sri Wahyuni", mistyped, "1983-02-03", "P");
            member(b, 2, "Bayu Pratama", childNik, "2008-09-30", "L");

            // htmx checks the NIK as it is typed
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d ->
                    d.findElement(By.id("m1-nik-feedback")).getText().contains("16 digit"));

            b.click("#save-household");
            // the refused save comes back as a new page: wait for it rather than read the old one
            new WebDriverWait(b.driver(), Duration.ofSeconds(10))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("m1-nik")).getAttribute("class").contains("is-invalid"));
            WebElement feedback = b.find("#m1-nik-feedback");
            assertThat(feedback.getText()).isEqualTo("NIK harus 16 digit; yang diisi 15 digit.");
            assertThat(b.find("#m1-nik").getAttribute("class")).contains("is-invalid");
            // nothing typed is lost
            assertThat(b.find("#m1-nik").getAttribute("value")).isEqualTo(mistyped);
            assertThat(b.find("#m0-fullName").getAttribute("value")).isEqualTo("Joko Susilo");
            assertThat(b.find("#m2-fullName").getAttribute("value")).isEqualTo("Bayu Pratama");
            assertThat(b.find("#m2-birthDate").getAttribute("value")).isEqualTo("2008-09-30");
            assertThat(b.find("#address").getAttribute("value")).isEqualTo("Jl. Sudirman No. 5");

            b.type("#m1-nik", wifeNik);
            b.click("#save-household");
            b.waitUntilPathIs("/households/");
            assertThat(b.text(".alert-success")).isEqualTo("Keluarga sudah didaftarkan.");
            assertThat(b.driver().findElements(By.cssSelector("#members-table tbody tr"))).hasSize(3);

            b.open("/search?q=Djoko%20Soesilo");
            assertThat(b.text("#search-results")).contains("Joko Susilo").contains(headNik);
        }
    }

    private static void member(Browser b, int i, String name, String nik, String birthDate, String sex) {
        b.type("#m" + i + "-fullName", name);
        b.type("#m" + i + "-nik", nik);
        b.script("document.getElementById('m" + i + "-birthDate').value = '" + birthDate + "'");
        new Select(b.find("#m" + i + "-sex")).selectByValue(sex);
    }
}
