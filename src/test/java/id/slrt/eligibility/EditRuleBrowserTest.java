package id.slrt.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.support.Api;
import id.slrt.support.Browser;
import id.slrt.support.IntegrationTest;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In Chromium: an administrator writes a rule, sees the per-desa preview count, narrows the rule and
 * sees the count change without leaving the page, sees a mistake pointed at under the text, and saves
 * two versions that both stay listed.
 */
@IntegrationTest
@EnabledIf("id.slrt.support.Browser#available")
class EditRuleBrowserTest {
    static final String DESA = "1409012018";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void anAdminEditsARuleAndSeesThePerDesaPreviewChange() {
        Crafted crafted = new Crafted(jdbc, tx);
        crafted.program("UJI_SEL");
        // a poor household without elderly: counted by the first text, not by the narrower second one
        UUID young = crafted.household(DESA, 2);
        crafted.member(young, DESA, "Kepala Muda", LocalDate.of(1995, 5, 5), "ACTIVE");
        try (Browser b = new Browser(port)) {
            b.login("admin", Api.DEMO_PASSWORD);
            b.open("/eligibility/rules");
            b.click("#new-rule-UJI_SEL");
            b.waitUntilPathIs("/eligibility/rules/UJI_SEL/edit");
            b.type("#rule-name", "Desil rendah");
            b.type("#rule-text", "household.desil <= 4");
            b.waitFor("#preview-matching");
            long broad = Long.parseLong(b.text("#preview-matching"));
            assertThat(broad).isGreaterThanOrEqualTo(1);
            assertThat(b.text("#preview-table")).contains("Luai");

            b.find("#rule-text").sendKeys(" and any member (age >= 60)");
            waitUntil(b, () -> !b.text("#preview-matching").equals(String.valueOf(broad)));
            long narrow = Long.parseLong(b.text("#preview-matching"));
            assertThat(narrow).as("the preview follows the text").isLessThan(broad);
            b.screenshot("eligibility-rule-preview");

            b.find("#rule-text").sendKeys(" and");
            b.waitFor("#rule-errors");
            assertThat(b.text("#rule-errors .rule-error")).startsWith("Baris 1, kolom 52:").contains("aturan berakhir");
            assertThat(b.text("#rule-errors .rule-excerpt")).endsWith("^");
            b.find("#rule-text").sendKeys(Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE);
            waitUntil(b, () -> b.driver().findElements(By.id("rule-errors")).isEmpty()
                    && !b.driver().findElements(By.id("preview-matching")).isEmpty());
            assertThat(b.text("#preview-matching")).isEqualTo(String.valueOf(narrow));

            b.click("#rule-save");
            b.waitFor("#notice");
            assertThat(b.text("#notice")).contains("Versi 1");
            b.type("#rule-text", "household.desil <= 3");
            b.click("#rule-save");
            b.waitForText("#notice", "Versi 2 aturan disimpan; versi lama tetap tersimpan.");
            assertThat(b.text("#version-1")).contains("household.desil <= 4 and any member (age >= 60)");
            assertThat(b.text("#version-2")).contains("household.desil <= 3");

            b.resize(360, 740);
            b.open("/eligibility/rules/UJI_SEL/edit?name=Desil%20rendah");
            b.waitFor("#preview-matching");
            assertThat((Long) b.script("return document.documentElement.scrollWidth"))
                    .as("nothing sticks out of a 360 px screen").isLessThanOrEqualTo(360L);
            b.screenshot("eligibility-rule-phone");
        }
    }

    private static void waitUntil(Browser b, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(b.driver(), java.time.Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.TimeoutException.class)
                .until(d -> condition.getAsBoolean());
    }

}
