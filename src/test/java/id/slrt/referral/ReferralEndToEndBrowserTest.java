package id.slrt.referral;

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

/**
 * The acceptance, end to end in Chromium: a citizen files on the public form and gets a code; an
 * operator acknowledges it and refers it to an agency, creating its link; the agency, through the link in a
 * browser without an account, accepts and records the outcome; the citizen's status page says it is resolved.
 */
@IntegrationTest
@EnabledIf("id.slrt.support.Browser#available")
class ReferralEndToEndBrowserTest {
    @LocalServerPort
    int port;
    @Autowired
    PublicLimits limits;

    @Test
    void aComplaintIsReferredAndTheAgencysOutcomeReachesTheCitizen() {
        limits.reset();
        String code;
        String linkPath;
        try (Browser citizen = new Browser(port)) {
            citizen.resize(360, 780);
            citizen.open("/pengaduan");
            new Select(citizen.find("#regionCode-level-0")).selectByValue("140901");
            new WebDriverWait(citizen.driver(), Duration.ofSeconds(10))
                    .ignoring(StaleElementReferenceException.class).until(d ->
                    !d.findElements(By.id("regionCode-level-1")).isEmpty());
            new Select(citizen.find("#regionCode-level-1")).selectByValue("1409011012");
            new WebDriverWait(citizen.driver(), Duration.ofSeconds(10))
                    .ignoring(StaleElementReferenceException.class).until(d ->
                    "1409011012".equals(d.findElement(By.id("regionCode")).getAttribute("value")));
            citizen.type("#complainantName", "Pak Darto");
            citizen.type("#complainantPhone", "0852 1234 9876");
            new Select(citizen.find("#category")).selectByValue("NEED_HEALTH");
            citizen.type("#description", "Anak sakit, kartu BPJS PBI tidak aktif.");
            citizen.click("#complaint-submit");
            citizen.waitUntilPathIs("/pengaduan/tanda-terima");
            code = citizen.text("#tracking-code");
            assertThat(code).matches("SLRT-\\w{5}-\\w{5}");

            // The operator of the desa takes it up and refers it to an agency without an account.
            String complaintId = complaintId(code);
            try (Browser operator = new Browser(port)) {
                operator.login("operator", Api.DEMO_PASSWORD);
                operator.waitUntilPathIs("/");
                operator.open("/complaints/" + complaintId);
                operator.click("#do-acknowledge");
                operator.waitForText("#status", "Ditanggapi");
                operator.click("#refer-to-agency");
                operator.waitUntilPathIs("/referrals/new");
                new Select(operator.find("#agencyCode")).selectByValue("BPJS_KES");
                operator.type("#requestedAction", "Mohon aktifkan kembali kepesertaan PBI-JK.");
                assertThat(operator.find("#issueLink").isSelected()).isTrue();
                operator.click("#referral-submit");
                operator.waitFor("#link-url");
                assertThat(operator.text("#referral-number")).startsWith("RJK/");
                assertThat(operator.text("#status")).isEqualTo("Dikirim");
                String url = operator.find("#link-url").getAttribute("value");
                linkPath = url.substring(url.indexOf("/rujukan/t/"));
                operator.screenshot("referral-detail-operator");
            }

            citizen.open("/pengaduan/status");
            citizen.type("#code", code);
            citizen.type("#phone", "9876");
            citizen.click("#status-submit");
            assertThat(citizen.text("#stage")).isEqualTo("Diteruskan ke instansi yang berwenang");

            // The agency opens its link in a browser with no account, accepts and reports the outcome.
            try (Browser agency = new Browser(port)) {
                agency.resize(360, 780);
                agency.open(linkPath);
                assertThat(agency.text("#status")).isEqualTo("Dikirim");
                assertThat(agency.text("#subject")).isEqualTo("Pak Darto");
                agency.click("#do-accept");
                agency.waitForText("#status", "Diterima lembaga");
                new Select(agency.find("#outcome-select")).selectByValue("RESOLVED");
                agency.type("#outcome-note", "Kepesertaan PBI-JK aktif kembali sejak hari ini.");
                agency.screenshot("referral-link-outcome-360");
                agency.click("#do-complete");
                agency.waitForText("#status", "Selesai");
                assertThat(agency.text("#outcome")).contains("Tertangani");
                assertThat(agency.driver().manage().getCookies()).as("the agency gets no session").isEmpty();
            }

            citizen.open("/pengaduan/status");
            citizen.type("#code", code);
            citizen.type("#phone", "9876");
            citizen.click("#status-submit");
            assertThat(citizen.text("#stage")).isEqualTo("Selesai ditangani");
            citizen.screenshot("referral-citizen-resolved-360");
        }
    }

    private String complaintId(String code) {
        Api api = new Api(port);
        String operator = api.demoToken("operator");
        for (JsonNode c : api.get("/api/v1/complaints?category=NEED_HEALTH&size=200&sort=newest", operator).json()
                .get("items")) {
            if (c.get("trackingCode").asString().equals(code)) {
                return c.get("id").asString();
            }
        }
        throw new AssertionError("complaint " + code + " not in the operator's list");
    }
}
