package id.slrt.updating;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.platform.TestPhotos;
import id.slrt.support.Api;
import id.slrt.support.Browser;
import id.slrt.support.IntegrationTest;
import id.slrt.support.TestNik;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * End to end in Chromium: a desa operator proposes a new member with a photo, the supervisor returns it
 * with a reason, the operator fixes and resubmits, the supervisor verifies, the SLRT operator applies,
 * and the household page shows the member with the history entry.
 */
@IntegrationTest
@EnabledIf("id.slrt.support.Browser#available")
class ProposeMemberBrowserTest {
    static final String KEC = "140901";

    @LocalServerPort
    int port;

    @Test
    void aNewMemberTravelsFromTheDesaThroughTheKecamatanToTheRegistry() throws Exception {
        String householdId = household();
        String nik = TestNik.nik(KEC, LocalDate.of(2025, 2, 14), false);
        Path photo = Files.createTempFile("akta-", ".jpg");
        Files.write(photo, TestPhotos.photoWithExif());
        try (Browser b = new Browser(port)) {
            b.login("operator", "demo12345");
            b.waitUntilPathIs("/");
            b.open("/households/" + householdId);
            b.click("#propose-change");
            b.click("#propose-ADD_MEMBER");
            b.waitUntilPathIs("/updates/new");
            b.type("#f-new-0-fullName", "Rizky Ramadan");
            b.type("#f-new-0-nik", nik);
            b.type("#f-new-0-birthPlace", "Teluk Kuantan");
            b.script("document.getElementById('f-new-0-birthDate').value = '2025-02-14'");
            new Select(b.find("#f-new-0-sex")).selectByValue("L");
            new Select(b.find("#f-new-0-relationship")).selectByValue("ANAK");
            b.type("#reason", "Kelahiran anak kedua");
            b.click("#save-request");
            b.find("#request-heading");
            String requestPath = b.path();
            b.waitForText("#request-status", "Draf");

            new Select(b.find("#evidenceType")).selectByValue("AKTA_KELAHIRAN");
            b.find("#evidence-file").sendKeys(photo.toAbsolutePath().toString());
            b.click("#evidence-upload");
            assertThat(b.text(".exif-date")).contains("20-11-2026 10:15");
            assertThat(b.text(".exif-gps")).contains("-0.52").contains("101.55");
            // the photo is shown inline
            b.waitUntilTrue("var i = document.querySelector('.evidence-image'); return i.complete && i.naturalWidth === 320;");
            b.click("#submit-request");
            b.waitForText("#request-status", "Diajukan");

            switchUser(b, "supervisor");
            b.open(requestPath);
            b.type("#why-new-0-fullName", "Nama di akta: Rizki Ramadhan");
            b.type("#return-reason", "Samakan dengan akta kelahiran");
            b.click("#return-request");
            b.waitForText("#request-status", "Dikembalikan");

            switchUser(b, "operator");
            b.open("/updates?inbox=returned");
            b.click("#requests-table a[href='" + requestPath + "']");
            assertThat(b.text("#returned-reason")).contains("Samakan dengan akta kelahiran");
            assertThat(b.text(".returned-field")).contains("Rizki Ramadhan");
            b.click("#edit-request");
            b.type("#f-new-0-fullName", "Rizki Ramadhan");
            b.click("#save-request");
            b.click("#submit-request");
            b.waitForText("#request-status", "Diajukan");

            switchUser(b, "supervisor");
            b.open("/updates?inbox=to-verify");
            b.click("#requests-table a[href='" + requestPath + "']");
            b.click("#verify-request");
            b.waitForText("#request-status", "Terverifikasi");

            switchUser(b, "slrt");
            b.open(requestPath);
            b.click("#apply-request");
            b.driver().switchTo().alert().accept();
            b.waitForText("#request-status", "Diterapkan");
            assertThat(b.driver().findElements(org.openqa.selenium.By.cssSelector(".timeline-event")))
                    .extracting(e -> e.getAttribute("data-action"))
                    .containsExactly("CREATED", "FILE_ADDED", "SUBMITTED", "RETURNED", "EDITED", "SUBMITTED", "VERIFIED",
                            "APPLIED");

            b.click("#household-link");
            assertThat(b.text("#members-table")).contains("Rizki Ramadhan");
            String number = requestPath.substring("/updates/".length());
            assertThat(b.text("#history")).contains("Rizki Ramadhan").contains("UP-");
            b.screenshot("updating-applied-household");
        }
    }

    private static void switchUser(Browser b, String username) {
        b.driver().manage().deleteAllCookies();
        b.login(username, "demo12345");
        b.waitUntilPathIs("/");
    }

    private String household() {
        Api api = new Api(port);
        String body = "{\"regionCode\":\"1409011012\",\"noKk\":\"" + TestNik.kk(KEC, LocalDate.of(2018, 7, 7))
                + "\",\"address\":\"Jl. Proklamasi 9\",\"members\":["
                + UpdatingWorkflowTest.member(TestNik.nik(KEC, LocalDate.of(1990, 1, 5), false), "Fajar Siddiq",
                "1990-01-05", "L", "KEPALA") + ","
                + UpdatingWorkflowTest.member(TestNik.nik(KEC, LocalDate.of(1992, 4, 9), true), "Wulandari",
                "1992-04-09", "P", "ISTRI_SUAMI") + "]}";
        JsonNode h = api.post("/api/v1/households", api.demoToken("operator"), body).json();
        return h.get("household").get("id").asString();
    }
}
