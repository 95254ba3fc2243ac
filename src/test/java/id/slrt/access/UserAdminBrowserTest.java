package id.slrt.access;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.support.Browser;
import id.slrt.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
@EnabledIf("id.slrt.support.Browser#available")
class UserAdminBrowserTest {
    @LocalServerPort
    int port;

    @Test
    void adminCreatesDesaOperatorWithThePickerAndTheOperatorSeesTheirDesa() {
        String username = "opdesa" + System.nanoTime() % 100000;
        try (Browser b = new Browser(port)) {
            b.login("admin", "demo12345");
            b.waitUntilPathIs("/");
            assertThat(b.text("h1")).contains("Kuantan Singingi");

            b.open("/admin/users");
            b.click("#new-user");
            b.type("#username", username);
            b.type("#fullName", "Siti Rahmah");
            new Select(b.find("#role")).selectByValue("OPERATOR_DESA");
            new Select(b.find("#regionCode-level-0")).selectByValue("140902");
            // htmx swaps in the next level: the desa of Kecamatan Kuantan Tengah
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#regionCode-level-1")));
            Select desa = new Select(b.find("#regionCode-level-1"));
            desa.selectByValue("1409022001");
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(d ->
                    "1409022001".equals(d.findElement(By.cssSelector("input[name=regionCode]")).getAttribute("value")));
            String desaName = new Select(b.find("#regionCode-level-1")).getFirstSelectedOption().getText();
            b.type("#password", "rahasia-awal-1");
            b.click("#save-user");

            assertThat(b.text(".alert-success")).contains(username);
            assertThat(b.find("#regionCode-level-1").getAttribute("value")).isEqualTo("1409022001");
            b.click("#userMenu");
            b.click("#logout");
            assertThat(b.text(".alert-info")).isNotBlank();

            b.login(username, "rahasia-awal-1");
            b.waitUntilPathIs("/account/password");
            b.type("#currentPassword", "rahasia-awal-1");
            b.type("#newPassword", "kata-sandi-baru-2");
            b.type("#confirmPassword", "kata-sandi-baru-2");
            b.click("#password-submit");
            b.waitUntilPathIs("/");
            assertThat(b.text("#workplace-heading")).isEqualTo("Puskesos Desa " + desaName);
            assertThat(b.text("#workplace-path")).contains("Kuantan Tengah");
            assertThat(b.driver().findElements(By.cssSelector("a[href='/admin/users']"))).isEmpty();

            b.open("/admin/users");
            assertThat(b.text("h1")).isEqualTo("Akses ditolak");

            b.resize(360, 740);
            b.open("/");
            Number scrollWidth = (Number) b.script("return document.documentElement.scrollWidth");
            assertThat(scrollWidth.intValue()).isLessThanOrEqualTo(360);
            b.screenshot("operator-home-360");
        }
    }

    @Test
    void wrongPasswordShowsAClearIndonesianMessageAndEnglishOnRequest() {
        try (Browser b = new Browser(port)) {
            b.login("admin", "not-the-password");
            assertThat(b.text("#login-error")).isEqualTo("Nama pengguna atau kata sandi salah.");
            b.click("#lang-en");
            b.type("#username", "admin");
            b.type("#password", "still-wrong");
            b.click("#login-submit");
            assertThat(b.text("#login-error")).isEqualTo("Wrong user name or password.");
            b.login("admin", "demo12345");
            b.waitUntilPathIs("/");
            assertThat(b.text("#admin-summary h2")).isEqualTo("Active users by role");
            b.click("#lang-id");
            assertThat(b.text("#admin-summary h2")).isEqualTo("Pengguna aktif per peran");
        }
    }
}
