package id.slrt.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import id.slrt.support.TestNik;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The import pages: upload through the form, the job page polling its progress, the summary with error rows. */
@IntegrationTest
class ImportPagesTest {
    @LocalServerPort
    int port;

    @Test
    void anOperatorUploadsAFileAndTheJobPageShowsItsErrorRowsAndTheQuarantine() throws Exception {
        String base = "http://localhost:" + port;
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=operator&password=" + Api.DEMO_PASSWORD + "&_csrf="
                        + csrf(login))).build(), HttpResponse.BodyHandlers.ofString());
        String list = get(browser, base + "/imports");
        Matcher action = Pattern.compile("id=\"upload-form\"[^>]*action=\"([^\"]+)\"").matcher(list);
        assertThat(action.find()).as("the upload form").isTrue();
        assertThat(list).contains("id=\"import-file\"");

        LocalDate birth = LocalDate.of(1983, 10, 2);
        String csv = "NO_KK;NIK;Nama Warga;TGL_LAHIR;JK;HUB_KELUARGA;KODE_WILAYAH\n"
                + TestNik.kk("140901", LocalDate.of(2016, 1, 5)) + ";" + TestNik.nik("140901", birth, false)
                + ";Oktavianus;02-10-1983;L;1;1409011012\n"
                + TestNik.kk("140901", LocalDate.of(2016, 1, 5)) + ";1.40901E+15;Paijo;03-10-1983;L;1;1409011012\n";
        String boundary = "----slrt" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"halaman.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(URI.create(base
                        + action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        String job = posted.headers().firstValue("Location").orElseThrow();
        assertThat(job).matches(".*/imports/[0-9a-f-]{36}");

        String jobUrl = job.startsWith("http") ? job : base + job;
        String preview = get(browser, jobUrl);
        assertThat(preview).contains("id=\"preview-table\"").contains("id=\"mapping-table\"").contains("Oktavianus")
                .contains("id=\"existing-UPDATE\"").doesNotContain("id=\"summary\"");
        assertThat(selected(preview, "field-2")).as("Nama Warga is not a known header").isEmpty();
        String fields = "NO_KK,NIK,NAMA,TGL_LAHIR,JENIS_KELAMIN,HUB_KELUARGA,KODE_WILAYAH";
        HttpResponse<String> remapped = post(browser, jobUrl + "/mapping", "field=" + fields + "&existing=UPDATE&_csrf="
                + csrf(preview));
        assertThat(remapped.statusCode()).isEqualTo(302);
        preview = get(browser, jobUrl);
        assertThat(selected(preview, "field-2")).isEqualTo("NAMA");
        assertThat(preview).contains("notasi ilmiah");
        HttpResponse<String> confirmed = post(browser, jobUrl + "/confirm", "field=" + fields + "&existing=UPDATE&_csrf="
                + csrf(preview));
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(confirmed.headers().firstValue("Location").orElseThrow()).endsWith(job.substring(job.indexOf("/imports")));

        String page = awaitSummary(browser, jobUrl);

        assertThat(page).contains("id=\"summary\"").contains("id=\"errors-table\"").contains("notasi ilmiah")
                .contains("id=\"download-quarantine\"").doesNotContain("hx-trigger");
        HttpResponse<byte[]> quarantine = browser.send(HttpRequest.newBuilder(URI.create(
                (job.startsWith("http") ? job : base + job) + "/quarantine")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(quarantine.statusCode()).isEqualTo(200);
        assertThat(quarantine.headers().firstValue("Content-Disposition").orElse("")).contains("halaman-karantina.xlsx");
        assertThat(get(browser, base + "/imports")).contains("halaman.csv");
    }

    @Test
    void anUploadWaitingInPreviewCanBeDiscardedAndLeavesNothing() throws Exception {
        String base = "http://localhost:" + port;
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String login = get(browser, base + "/login");
        browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=operator&password=" + Api.DEMO_PASSWORD + "&_csrf="
                        + csrf(login))).build(), HttpResponse.BodyHandlers.ofString());
        String list = get(browser, base + "/imports");
        Matcher action = Pattern.compile("id=\"upload-form\"[^>]*action=\"([^\"]+)\"").matcher(list);
        assertThat(action.find()).isTrue();
        String nik = TestNik.nik("140901", LocalDate.of(1990, 6, 6), false);
        String csv = "NO_KK;NIK;NAMA;TGL_LAHIR;JK;HUB_KELUARGA;KODE_WILAYAH\n"
                + TestNik.kk("140901", LocalDate.of(2017, 2, 2)) + ";" + nik + ";Sutan Batal;06-06-1990;L;1;1409011012\n";
        String boundary = "----slrt" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"batal.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(URI.create(base
                        + action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        String job = posted.headers().firstValue("Location").orElseThrow();
        String jobUrl = job.startsWith("http") ? job : base + job;
        String preview = get(browser, jobUrl);
        assertThat(preview).contains("Sutan Batal").contains("id=\"discard-form\"");

        HttpResponse<String> discarded = post(browser, jobUrl + "/cancel", "_csrf=" + csrf(preview));

        assertThat(discarded.statusCode()).isEqualTo(302);
        String page = get(browser, jobUrl);
        assertThat(page).contains("id=\"cancelled\"").doesNotContain("id=\"preview-table\"");
        Api api = new Api(port);
        assertThat(api.get("/api/v1/people?nik=" + nik, api.demoToken("operator")).json().size()).isZero();
    }

    /** Polls the progress fragment as htmx would until the job ends (HX-Refresh), then loads the page. */
    private static String awaitSummary(HttpClient browser, String job) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> fragment = browser.send(HttpRequest.newBuilder(URI.create(job + "/progress"))
                    .header("HX-Request", "true").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(fragment.statusCode()).isEqualTo(200);
            assertThat(fragment.body()).contains("id=\"progress\"").doesNotContain("<html");
            if (fragment.headers().firstValue("HX-Refresh").isPresent()) {
                return get(browser, job);
            }
            assertThat(fragment.body()).contains("hx-trigger=\"every 1s\"");
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not end");
    }

    /** The value of the selected option of a select, empty when none (or the blank one) is selected. */
    private static String selected(String html, String selectId) {
        int start = html.indexOf("id=\"" + selectId + "\"");
        assertThat(start).as(selectId).isPositive();
        String select = html.substring(start, html.indexOf("</select>", start));
        Matcher m = Pattern.compile("<option value=\"([^\"]*)\" selected").matcher(select);
        return m.find() ? m.group(1) : "";
    }

    private static HttpResponse<String> post(HttpClient browser, String url, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String get(HttpClient browser, String url) throws Exception {
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return r.body();
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
