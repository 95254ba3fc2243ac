package id.slrt.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.complaint.web.PublicLimits;
import id.slrt.support.Api;
import id.slrt.support.Browser;
import id.slrt.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
@EnabledIf("id.slrt.support.Browser#available")
class FileComplaintBrowserTest {
    @LocalServerPort
    int port;
    @Autowired
    PublicLimits limits;

    @Test
    void aCitizenFilesOnAPhoneGetsACodeAndFollowsTheStage() {
        limits.reset();
        try (Browser b = new Browser(port)) {
            b.resize(360, 780);
            b.open("/pengaduan");
            new Select(b.find("#regionCode-level-0")).selectByValue("140901");
            new WebDriverWait(b.driver(), Duration.ofSeconds(10))
                    .ignoring(StaleElementReferenceException.class).until(d ->
                    !d.findElements(By.id("regionCode-level-1")).isEmpty()
                            && d.findElement(By.id("regionCode")).getAttribute("value").equals("140901"));
            new Select(b.find("#regionCode-level-1")).selectByValue("1409011012");
            new WebDriverWait(b.driver(), Duration.ofSeconds(10))
                    .ignoring(StaleElementReferenceException.class).until(d ->
                    "1409011012".equals(d.findElement(By.id("regionCode")).getAttribute("value")));
            b.type("#complainantName", "Ibu Suryani");
            b.type("#complainantPhone", "0852 7000 4321");
            new Select(b.find("#category")).selectByValue("NEED_HOUSING");
            b.type("#description", "Atap rumah roboh setelah hujan deras.");
            assertThat(fitsWidth(b)).as("no sideways scrolling at 360 px").isTrue();
            b.screenshot("complaint-public-form-360");
            b.click("#complaint-submit");

            b.waitUntilPathIs("/pengaduan/tanda-terima");
            String code = b.text("#tracking-code");
            assertThat(code).matches("SLRT-\\w{5}-\\w{5}");
            assertThat(b.find("#receipt-pdf").getAttribute("href")).contains("tanda-terima.pdf");
            assertThat(fitsWidth(b)).as("no sideways scrolling at 360 px").isTrue();

            b.open("/pengaduan/status");
            b.type("#code", code);
            b.type("#phone", "4321");
            b.click("#status-submit");
            assertThat(b.text("#stage")).isEqualTo("Diterima, menunggu ditanggapi petugas");
            b.screenshot("complaint-public-status-360");
            assertThat(fitsWidth(b)).as("the stage fits at 360 px").isTrue();

            Api api = new Api(port);
            String operator = api.demoToken("operator");
            String id = null;
            for (JsonNode c : api.get("/api/v1/complaints?category=NEED_HOUSING&size=200&sort=newest", operator).json()
                    .get("items")) {
                if (c.get("trackingCode").asString().equals(code)) {
                    id = c.get("id").asString();
                }
            }
            assertThat(id).isNotNull();
            api.post("/api/v1/complaints/" + id + "/acknowledge", operator, "{}");

            b.open("/pengaduan/status?lang=en");
            b.type("#code", code);
            b.type("#phone", "4321");
            b.click("#status-submit");
            assertThat(b.text("#stage")).isEqualTo("Acknowledged by staff");
        }
    }

    private static boolean fitsWidth(Browser b) {
        return (Boolean) b.script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth");
    }
}
