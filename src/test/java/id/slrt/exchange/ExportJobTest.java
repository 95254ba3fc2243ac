package id.slrt.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import id.slrt.support.MutableClock;
import id.slrt.support.WebSession;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Exports in the background: started over the API or from the list page, followed until done, the
 * file downloaded by its maker only (audited), and removed once its keeping time has passed.
 */
@IntegrationTest
class ExportJobTest {
    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    ExportJobs jobs;
    Api api;
    String operator;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        api = new Api(port);
        operator = api.demoToken("operator");
    }

    JsonNode awaitDone(String token, String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Api.Response r = api.get("/api/v1/exports/" + id, token);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            if (!r.json().get("status").asString().equals("RUNNING")) {
                return r.json();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("export " + id + " did not end");
    }

    HttpResponse<byte[]> file(String token, String id) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/exports/" + id + "/file"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aBackgroundExportIsFollowedDownloadedByItsMakerOnlyAuditedAndRemovedWhenItExpires() throws Exception {
        ExportApiTest helper = new ExportApiTest();
        helper.port = port;
        helper.setUp();
        ExportApiTest.Family family = helper.register(operator, ExportApiTest.DESA, ExportApiTest.KEC, "Ahmad Latar");

        Api.Response started = api.post("/api/v1/exports/households?format=xlsx&layout=siksng", operator, "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asString();
        JsonNode job = awaitDone(operator, id);

        assertThat(job.get("status").asString()).isEqualTo("DONE");
        assertThat(job.get("rowsDone").asLong()).isPositive();
        assertThat(job.get("percent").asInt()).isEqualTo(100);
        assertThat(job.get("expiresAt").asString()).isNotBlank();
        HttpResponse<byte[]> download = file(operator, id);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("dtks-bnba-").contains(".xlsx");
        List<String> niks = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            for (Row row : book.getSheetAt(0)) {
                // Other tests share the desa, and a member may have no NIK yet (a newborn): an empty cell.
                niks.add(row.getCell(10) == null ? "" : row.getCell(10).getStringCellValue());
            }
        }
        assertThat(niks).contains(family.headNik(), family.wifeNik()).hasSize((int) job.get("rowsDone").asLong() + 1);
        assertThat(file(api.demoToken("operator2"), id).statusCode()).as("another user's export").isEqualTo(404);
        assertThat(api.get("/api/v1/exports/" + id, api.demoToken("slrt")).status()).isEqualTo(404);
        String audit = api.get("/api/v1/audit?actor=operator&action=" + ExportJobs.DOWNLOADED, api.demoToken("admin"))
                .json().get("items").toString();
        assertThat(audit).contains(id);
        assertThat(api.get("/api/v1/audit?actor=operator&action=" + ExportService.ACTION, api.demoToken("admin"))
                .json().get("items").toString()).contains("siksng xlsx");

        try {
            clock.advance(Duration.ofHours(25));
            jobs.removeExpired();
        } finally {
            clock.reset();
        }
        assertThat(api.get("/api/v1/exports/" + id, operator).json().get("status").asString()).isEqualTo("EXPIRED");
        assertThat(file(operator, id).statusCode()).isEqualTo(410);
    }

    @Test
    void theListPagesExportCanRunInTheBackgroundWithAProgressPage() throws Exception {
        WebSession session = WebSession.login(port, "operator", Api.DEMO_PASSWORD);

        WebSession.Page started = session.get("/exports/households?format=csv&layout=registry&background=true");

        assertThat(started.status()).isEqualTo(302);
        assertThat(started.location()).matches(".*/exports/[0-9a-f-]{36}");
        String path = started.location().substring(started.location().indexOf("/exports/"));
        long deadline = System.currentTimeMillis() + 60_000;
        WebSession.Page page = session.get(path);
        while (!page.body().contains("id=\"export-download\"") && System.currentTimeMillis() < deadline) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"export-progress\"");
            Thread.sleep(100);
            page = session.get(path);
        }
        assertThat(page.body()).contains("id=\"export-download\"").contains("id=\"export-done\"");
        WebSession.Page csv = session.get(path + "/file");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("Nomor KK,Kode Wilayah");
    }

    @Test
    void theOpenApiDocumentDescribesPreviewAndBackgroundExports() {
        JsonNode doc = api.get("/v3/api-docs", null).json();
        List<String> paths = new ArrayList<>();
        doc.get("paths").properties().forEach(e -> paths.add(e.getKey()));
        assertThat(paths).contains("/api/v1/imports/preview", "/api/v1/exports/{id}", "/api/v1/exports/{id}/file");
        assertThat(doc.get("paths").get("/api/v1/exports/households").has("post")).isTrue();
    }
}
