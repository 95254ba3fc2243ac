package id.slrt.updating;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.platform.DbScope;
import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import id.slrt.support.TestNik;
import id.slrt.support.WebSession;
import id.slrt.updating.batch.BatchColumn;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** SIKS-NG export batches over the API and the pages: export, download, result import closes each item. */
@IntegrationTest
class SiksngBatchTest {
    static final String DESA = "1409011012";
    static final String KEC = "140901";
    static final String DESA2 = "1409021016";
    static final String KEC2 = "140902";

    @LocalServerPort
    int port;
    @Autowired
    SiksngBatchService service;
    Api api;
    String operator;
    String supervisor;
    String slrt;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        operator = api.demoToken("operator");
        supervisor = api.demoToken("supervisor");
        slrt = api.demoToken("slrt");
        admin = api.demoToken("admin");
    }

    // --- the pemutakhiran steps before a batch -----------------------------------------------------

    JsonNode family(String token, String desa, String kec, String head, String motherOfHead) {
        String body = "{\"regionCode\":\"" + desa + "\",\"noKk\":\"" + TestNik.kk(kec, LocalDate.of(2017, 3, 4))
                + "\",\"address\":\"Jl. Proklamasi 3\",\"rt\":\"004\",\"rw\":\"001\",\"members\":["
                + "{\"nik\":\"" + TestNik.nik(kec, LocalDate.of(1980, 5, 6), false) + "\",\"fullName\":\"" + head
                + "\",\"birthPlace\":\"Teluk Kuantan\",\"birthDate\":\"1980-05-06\",\"sex\":\"L\","
                + "\"relationship\":\"KEPALA\",\"maritalStatus\":\"KAWIN\",\"motherName\":\"" + motherOfHead + "\"}]}";
        Api.Response r = api.post("/api/v1/households", token, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** Drafts, submits, verifies and applies a request; returns it as applied. */
    JsonNode applied(String maker, String verifier, String kind, String householdId, String proposed, String reason) {
        Api.Response d = api.post("/api/v1/change-requests", maker, "{\"kind\":\"" + kind + "\",\"householdId\":\""
                + householdId + "\",\"proposed\":" + proposed + ",\"reason\":\"" + reason + "\"}");
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        String id = d.json().get("id").asString();
        assertThat(step(maker, id, "submit").status()).isEqualTo(200);
        assertThat(step(verifier, id, "verify").status()).isEqualTo(200);
        Api.Response a = step(slrt, id, "apply");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().get("status").asString()).isEqualTo("APPLIED");
        return a.json();
    }

    Api.Response step(String token, String id, String step) {
        return api.post("/api/v1/change-requests/" + id + "/" + step, token, "{}");
    }

    JsonNode request(String id) {
        return api.get("/api/v1/change-requests/" + id, slrt).json();
    }

    List<String> auditActions(String entityType, String id) {
        JsonNode items = api.get("/api/v1/audit?entityType=" + entityType + "&entityId=" + id + "&size=100", admin)
                .json().get("items");
        List<String> actions = new ArrayList<>();
        items.forEach(i -> actions.add(i.get("action").asString()));
        return actions;
    }

    JsonNode build(String region) {
        Api.Response r = api.post("/api/v1/siksng-batches", slrt, "{\"region\":\"" + region + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    JsonNode items(String batchId) {
        return api.get("/api/v1/siksng-batches/" + batchId + "?size=200", slrt).json().get("items").get("items");
    }

    // --- raw HTTP for files ------------------------------------------------------------------------

    record Download(int status, String contentType, String disposition, byte[] body) {
    }

    Download download(String batchId, String format, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/siksng-batches/"
                + batchId + "/file?format=" + format)).header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<byte[]> r = send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Download(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                r.headers().firstValue("Content-Disposition").orElse(""), r.body());
    }

    Api.Response upload(String batchId, String fileName, byte[] content, String token) {
        String boundary = "----slrt" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/siksng-batches/"
                        + batchId + "/result")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> r = send(request, HttpResponse.BodyHandlers.ofString());
        return new Api.Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HttpClient.newHttpClient().send(request, handler);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<List<String>> csvLines(byte[] bytes) {
        assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<List<String>> lines = new ArrayList<>();
        for (String line : text.split("\r\n")) {
            // The test data has no commas or quotes inside values.
            lines.add(Arrays.asList(line.split(",", -1)));
        }
        return lines;
    }

    static List<String> lineOf(List<List<String>> lines, String number, String nik) {
        return lines.stream().filter(l -> l.get(0).equals(number) && l.get(12).equals(nik)).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + number + " / " + nik + " in " + lines));
    }

    // --- the tests ---------------------------------------------------------------------------------

    @Test
    void exportThenResultImportClosesEachItem() throws IOException {
        JsonNode h = family(operator, DESA, KEC, "Darmawan", "Siti Aminah");
        String hid = h.get("household").get("id").asString();
        String headNik = h.get("members").get(0).get("nik").asString();
        String childNik = TestNik.nik(KEC, LocalDate.of(2025, 2, 11), true);
        JsonNode birth = applied(operator, supervisor, "ADD_MEMBER", hid, "{\"new.0.nik\":\"" + childNik
                + "\",\"new.0.fullName\":\"Putri Darmawan\",\"new.0.birthPlace\":\"Teluk Kuantan\","
                + "\"new.0.birthDate\":\"2025-02-11\",\"new.0.sex\":\"P\",\"new.0.relationship\":\"ANAK\","
                + "\"new.0.maritalStatus\":\"BELUM_KAWIN\"}", "Kelahiran anak pertama");
        JsonNode program = applied(operator, supervisor, "PROGRAM", hid, "{\"program.PKH.household\":\"PROPOSED\"}",
                "Ada balita, layak PKH");
        JsonNode correction = applied(operator, supervisor, "CORRECT", hid,
                "{\"household.address\":\"Jl. Proklamasi 30\"}", "Nomor rumah salah tulis");

        JsonNode batch = build(DESA);
        String batchId = batch.get("id").asString();
        assertThat(batch.get("number").asString()).matches("SIKS-\\d{4}-\\d{4}");
        assertThat(batch.get("status").asString()).isEqualTo("CREATED");
        Map<String, String> numbers = Map.of(birth.get("id").asString(), birth.get("number").asString(),
                program.get("id").asString(), program.get("number").asString(),
                correction.get("id").asString(), correction.get("number").asString());
        List<String> inBatch = items(batchId).findValuesAsString("requestNumber");
        assertThat(inBatch).containsAll(numbers.values());
        for (String id : numbers.keySet()) {
            JsonNode view = request(id);
            assertThat(view.get("request").get("status").asString()).isEqualTo("EXPORTED");
            assertThat(view.get("request").get("batchId").asString()).isEqualTo(batchId);
            assertThat(view.get("events").findValuesAsString("action")).endsWith("EXPORTED");
            assertThat(auditActions("change_request", id)).contains("UPDATING_EXPORTED");
        }
        assertThat(api.post("/api/v1/siksng-batches", slrt, "{\"region\":\"" + DESA + "\"}").status())
                .as("nothing left to export in that desa").isEqualTo(409);

        Api.Response early = upload(batchId, "hasil.csv", "nomor_usulan,status\n".getBytes(StandardCharsets.UTF_8), slrt);
        assertThat(early.status()).as("a result before the file was ever downloaded").isEqualTo(409);

        Download csv = download(batchId, "csv", slrt);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.disposition()).contains(batch.get("number").asString() + ".csv");
        List<List<String>> lines = csvLines(csv.body());
        assertThat(lines.get(0)).containsExactlyElementsOf(BatchColumn.headers());
        List<String> child = lineOf(lines, birth.get("number").asString(), childNik);
        assertThat(child.get(1)).isEqualTo("TAMBAH_ART");
        assertThat(child.get(13)).isEqualTo("Putri Darmawan");
        assertThat(child.get(14)).isEqualTo("2025-02-11");
        assertThat(child.get(16)).as("jenis_kelamin P").isEqualTo("2");
        assertThat(child.get(18)).as("hubungan_keluarga anak").isEqualTo("3");
        assertThat(child.get(4)).as("kabupaten_kota").containsIgnoringCase("Kuantan Singingi");
        assertThat(child.get(11)).isEqualTo(h.get("household").get("noKk").asString());
        List<String> pkh = lineOf(lines, program.get("number").asString(), headNik);
        assertThat(pkh.get(1)).isEqualTo("USUL_PROGRAM");
        assertThat(pkh.get(19)).contains("PKH");
        List<String> fix = lineOf(lines, correction.get("number").asString(), headNik);
        assertThat(fix.get(1)).isEqualTo("PERBAIKAN");
        assertThat(fix.get(7)).as("address after the correction").isEqualTo("Jl. Proklamasi 30");
        assertThat(fix.get(9)).as("RT keeps its leading zeros").isEqualTo("004");
        assertThat(fix.get(17)).isEqualTo("Siti Aminah");

        Download xlsx = download(batchId, "xlsx", slrt);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.disposition()).contains(".xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactlyElementsOf(BatchColumn.headers());
            boolean found = false;
            for (Row row : sheet) {
                if (row.getCell(12) != null && childNik.equals(row.getCell(12).getStringCellValue())) {
                    found = true;
                    assertThat(row.getCell(0).getStringCellValue()).isEqualTo(birth.get("number").asString());
                }
            }
            assertThat(found).as("the new child's NIK as a text cell").isTrue();
        }
        assertThat(auditActions("siksng_batch", batchId)).contains("SIKSNG_BATCH_CREATED", "SIKSNG_BATCH_DOWNLOADED");
        assertThat(api.get("/api/v1/siksng-batches/" + batchId, slrt).json().get("batch").get("downloadedBy").asString())
                .isEqualTo("slrt");

        String result = "nomor_usulan,status,keterangan\r\n"
                + birth.get("number").asString() + ",DITERIMA,\r\n"
                + program.get("number").asString() + ",DITERIMA,Masuk PKH tahap 2\r\n"
                + correction.get("number").asString() + ",DITOLAK,Alamat tidak sesuai KK\r\n"
                + "UP-1999-999999,DITERIMA,\r\n"
                + program.get("number").asString() + ",DITERIMA,\r\n";
        Api.Response imported = upload(batchId, "hasil-kemensos.csv", result.getBytes(StandardCharsets.UTF_8), slrt);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        JsonNode summary = imported.json();
        assertThat(summary.get("confirmed").asInt()).isEqualTo(2);
        assertThat(summary.get("rejected").asInt()).isEqualTo(1);
        assertThat(summary.get("problems").asInt()).isEqualTo(1);
        JsonNode unknown = lineReport(summary, 5);
        assertThat(unknown.get("result").asString()).isEqualTo("PROBLEM");
        assertThat(unknown.get("code").asString()).isEqualTo("siksng.line.not-in-batch");
        assertThat(unknown.get("message").asString()).contains("UP-1999-999999");
        assertThat(lineReport(summary, 6).get("result").asString()).as("a repeated line is counted once")
                .isEqualTo("DUPLICATE");

        for (JsonNode confirmed : List.of(birth, program)) {
            String id = confirmed.get("id").asString();
            JsonNode view = request(id);
            assertThat(view.get("request").get("status").asString()).isEqualTo("CONFIRMED");
            assertThat(view.get("events").findValuesAsString("action")).endsWith("EXPORTED", "CONFIRMED");
            assertThat(auditActions("change_request", id)).contains("UPDATING_CONFIRMED");
        }
        JsonNode programs = api.get("/api/v1/households/" + hid, slrt).json().get("programs");
        assertThat(programs.findValuesAsString("status")).as("the proposed PKH became active").containsExactly("ACTIVE");

        String rejectedId = correction.get("id").asString();
        JsonNode rejected = request(rejectedId);
        assertThat(rejected.get("request").get("status").asString()).isEqualTo("RETURNED");
        assertThat(rejected.get("request").get("returns").get("").asString()).isEqualTo("Alamat tidak sesuai KK");
        assertThat(rejected.get("request").get("dueAt")).as("the desa gets a deadline to fix it").isNotNull();
        JsonNode last = rejected.get("events").get(rejected.get("events").size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("KEMENSOS_REJECTED");
        assertThat(last.get("reason").asString()).isEqualTo("Alamat tidak sesuai KK");
        assertThat(auditActions("change_request", rejectedId)).contains("UPDATING_KEMENSOS_REJECTED");
        assertThat(api.get("/api/v1/change-requests?inbox=returned&size=200&q=" + correction.get("number").asString(),
                operator).json().get("items").findValuesAsString("number")).as("back in the maker's inbox")
                .containsExactly(correction.get("number").asString());
        JsonNode item = find(items(batchId), correction.get("number").asString());
        assertThat(item.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(item.get("resultLine").asInt()).isEqualTo(4);

        Api.Response again = upload(batchId, "hasil-kemensos.csv", result.getBytes(StandardCharsets.UTF_8), slrt);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("confirmed").asInt()).isZero();
        assertThat(again.json().get("rejected").asInt()).isZero();
        assertThat(again.json().get("alreadyDecided").asInt()).isEqualTo(3);
        assertThat(lineReport(again.json(), 2).get("code").asString()).isEqualTo("siksng.line.already-CONFIRMED");
        assertThat(request(birth.get("id").asString()).get("events").findValuesAsString("action")
                .stream().filter("CONFIRMED"::equals).count()).as("not confirmed twice").isEqualTo(1);
        assertThat(request(rejectedId).get("request").get("status").asString()).isEqualTo("RETURNED");
        assertThat(auditActions("siksng_batch", batchId).stream().filter("SIKSNG_RESULT_IMPORTED"::equals).count())
                .isEqualTo(2);
    }

    @Test
    void aBirthKemensosRejectedIsFixedAndAppliedAgainAsACorrectionNotASecondChild() {
        JsonNode h = family(operator, DESA, KEC, "Zainuddin", "Aminah");
        String hid = h.get("household").get("id").asString();
        String childNik = TestNik.nik(KEC, LocalDate.of(2025, 6, 1), false);
        String child = "{\"new.0.nik\":\"" + childNik + "\",\"new.0.fullName\":\"%s\",\"new.0.birthPlace\":\"Teluk Kuantan\","
                + "\"new.0.birthDate\":\"2025-06-01\",\"new.0.sex\":\"L\",\"new.0.relationship\":\"ANAK\"}";
        JsonNode birth = applied(operator, supervisor, "ADD_MEMBER", hid, child.formatted("Ahmad Zaki"), "Kelahiran");
        String id = birth.get("id").asString();
        String batchId = build(DESA).get("id").asString();
        assertThat(download(batchId, "csv", slrt).status()).isEqualTo(200);
        String result = "nomor_usulan,status,keterangan\r\n" + birth.get("number").asString()
                + ",DITOLAK,Nama tidak sesuai akta kelahiran\r\n";
        assertThat(upload(batchId, "hasil.csv", result.getBytes(StandardCharsets.UTF_8), slrt).status()).isEqualTo(200);
        JsonNode returned = request(id).get("request");
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");

        Api.Response edited = api.put("/api/v1/change-requests/" + id, operator, "{\"version\":"
                + returned.get("version").asInt() + ",\"proposed\":" + child.formatted("Ahmad Zakki")
                + ",\"reason\":\"Nama sesuai akta kelahiran\"}");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("issues").findValuesAsString("code")).as("the child already there is no duplicate")
                .doesNotContain("nik.duplicate-visible", "nik.duplicate-elsewhere");
        JsonNode view = request(id);
        assertThat(view.get("diffs").findValuesAsString("key")).allMatch(k -> k.startsWith("member."));
        assertThat(step(operator, id, "submit").status()).isEqualTo(200);
        assertThat(step(supervisor, id, "verify").status()).isEqualTo(200);
        Api.Response again = step(slrt, id, "apply");
        assertThat(again.status()).as(again.body()).isEqualTo(200);

        JsonNode members = api.get("/api/v1/households/" + hid, slrt).json().get("members");
        assertThat(members.findValuesAsString("nik").stream().filter(childNik::equals)).hasSize(1);
        assertThat(members.findValuesAsString("fullName")).contains("Ahmad Zakki").doesNotContain("Ahmad Zaki");
    }

    @Test
    void aProgramProposalKemensosRefusesDoesNotStayProposedInTheRegistry() {
        JsonNode h = family(operator, DESA, KEC, "Rusli", "Maimunah");
        String hid = h.get("household").get("id").asString();
        JsonNode proposal = applied(operator, supervisor, "PROGRAM", hid, "{\"program.BPNT.household\":\"PROPOSED\"}",
                "Keluarga miskin, belum menerima sembako");
        String batchId = build(DESA).get("id").asString();
        assertThat(download(batchId, "csv", slrt).status()).isEqualTo(200);
        String result = "nomor_usulan,status,keterangan\r\n" + proposal.get("number").asString()
                + ",DITOLAK,Desil di atas 4\r\n";
        assertThat(upload(batchId, "hasil.csv", result.getBytes(StandardCharsets.UTF_8), slrt).status()).isEqualTo(200);
        JsonNode programs = api.get("/api/v1/households/" + hid, slrt).json().get("programs");
        assertThat(programs.findValuesAsString("status")).doesNotContain("PROPOSED").contains("ENDED");
    }

    @Test
    void anUnreadableResultFileChangesNothing() {
        JsonNode h = family(operator, DESA, KEC, "Khairul Anwar", "Nurhayati");
        JsonNode r = applied(operator, supervisor, "CORRECT", h.get("household").get("id").asString(),
                "{\"household.rw\":\"005\"}", "RW berubah");
        JsonNode batch = build(DESA);
        String batchId = batch.get("id").asString();
        assertThat(download(batchId, "csv", slrt).status()).isEqualTo(200);

        String noStatusColumn = "nomor_usulan,catatan\n" + r.get("number").asString() + ",DITERIMA\n";
        Api.Response refused = upload(batchId, "hasil.csv", noStatusColumn.getBytes(StandardCharsets.UTF_8), slrt);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:slrt:problem:siksng-result-unreadable");
        assertThat(refused.json().get("errors").findValuesAsString("code")).contains("batch.result.missing-column");
        assertThat(request(r.get("id").asString()).get("request").get("status").asString()).isEqualTo("EXPORTED");
        assertThat(api.get("/api/v1/siksng-batches/" + batchId, slrt).json().get("batch").get("status").asString())
                .isEqualTo("DOWNLOADED");
    }

    @Test
    void onlyTheSlrtOperatorBuildsAndImportsTheManagerOnlyReads() {
        assertThat(api.post("/api/v1/siksng-batches", operator, "{}").status()).isEqualTo(403);
        assertThat(api.post("/api/v1/siksng-batches", supervisor, "{}").status()).isEqualTo(403);
        String manager = api.demoToken("manajer");
        assertThat(api.post("/api/v1/siksng-batches", manager, "{}").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/siksng-batches", manager).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/siksng-batches", operator).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/siksng-batches", slrt, "{\"region\":\"3201\"}").status())
                .as("a region outside the district").isEqualTo(400);
    }

    @Test
    void aBatchAndItsItemsAreInvisibleOutsideTheirRegion() {
        String operator2 = api.demoToken("operator2");
        String supervisor2 = api.demoToken("supervisor2");
        JsonNode h = family(operator2, DESA2, KEC2, "Rusli Hamid", "Zainab");
        JsonNode r = applied(operator2, supervisor2, "CORRECT", h.get("household").get("id").asString(),
                "{\"household.rt\":\"009\"}", "RT baru");
        JsonNode batch = build(DESA2);
        UUID batchId = UUID.fromString(batch.get("id").asString());
        assertThat(find(items(batch.get("id").asString()), r.get("number").asString())).isNotNull();

        assertThat(DbScope.callAs("1409", () -> service.find(batchId))).isPresent();
        assertThat(DbScope.callAs(KEC2, () -> service.find(batchId))).as("its own kecamatan sees it").isPresent();
        assertThat(DbScope.callAs(KEC, () -> service.find(batchId))).as("another kecamatan").isEmpty();
        assertThat(DbScope.callAs(DESA, () -> service.items(batchId, 0, 50)).total()).as("items of another desa")
                .isZero();
        assertThat(DbScope.callAs(DESA2, () -> service.items(batchId, 0, 50)).total()).isPositive();
    }

    @Test
    void theBatchPageShowsItsItemsAndOffersBothDownloads() {
        JsonNode h = family(operator, DESA, KEC, "Sulaiman", "Maryam");
        JsonNode r = applied(operator, supervisor, "CORRECT", h.get("household").get("id").asString(),
                "{\"household.dusun\":\"Dusun II\"}", "Dusun salah");
        WebSession web = WebSession.login(port, "slrt", Api.DEMO_PASSWORD);
        WebSession.Page preview = web.get("/updates/batches/new");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"build-form\"");
        WebSession.Page built = web.post("/updates/batches", preview.csrf(), Map.of("region", DESA, "kind", ""));
        assertThat(built.status()).as(built.body()).isEqualTo(302);
        String path = URI.create(built.location()).getPath();
        assertThat(path).matches("/updates/batches/[0-9a-f-]{36}");

        WebSession.Page page = web.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(r.get("number").asString()).contains("id=\"download-csv\"")
                .contains("id=\"download-xlsx\"").contains("id=\"result-form\"").contains("enctype=\"multipart/form-data\"");
        assertThat(web.get(path + "/file?format=csv").status()).isEqualTo(200);
        WebSession.Page list = web.get("/updates/batches");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(path);

        WebSession manager = WebSession.login(port, "manajer", Api.DEMO_PASSWORD);
        WebSession.Page read = manager.get(path);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).contains("id=\"download-csv\"").doesNotContain("id=\"result-form\"");
        assertThat(WebSession.login(port, "operator", Api.DEMO_PASSWORD).get(path).status()).isEqualTo(403);
    }

    @Test
    void theResultIsUploadedThroughThePageAndItsLinesAreListed() throws IOException, InterruptedException {
        JsonNode h = family(operator, DESA, KEC, "Anwar Sadat", "Halimah");
        JsonNode r = applied(operator, supervisor, "CORRECT", h.get("household").get("id").asString(),
                "{\"household.rt\":\"006\"}", "RT salah");
        String batchId = build(DESA).get("id").asString();
        assertThat(download(batchId, "csv", slrt).status()).isEqualTo(200);

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String form = "username=slrt&password=" + Api.DEMO_PASSWORD + "&_csrf=" + csrf(login);
        browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/updates/batches/" + batchId)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher action = java.util.regex.Pattern.compile("id=\"result-form\"[^>]*action=\"([^\"]+)\"")
                .matcher(page);
        assertThat(action.find()).as("the upload form").isTrue();

        String result = "No. Usulan;Hasil;Alasan\n" + r.get("number").asString() + ";DITOLAK;NIK KRT tidak padan\n"
                + ";DITERIMA;\n";
        String boundary = "----slrt" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"hasil.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + result + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(URI.create(base
                        + action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);

        String after = browser.send(HttpRequest.newBuilder(URI.create(base + "/updates/batches/" + batchId)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(after).contains("id=\"result-summary\"").contains("NIK KRT tidak padan");
        assertThat(after).as("the line without a request number, with its line number")
                .containsPattern("<td>3</td>\\s*<td>Bermasalah</td>");
        assertThat(request(r.get("id").asString()).get("request").get("status").asString()).isEqualTo("RETURNED");
    }

    private static String csrf(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static JsonNode lineReport(JsonNode summary, int line) {
        for (JsonNode l : summary.get("lines")) {
            if (l.get("line").asInt() == line) {
                return l;
            }
        }
        throw new AssertionError("no report for line " + line + " in " + summary);
    }

    static JsonNode find(JsonNode items, String number) {
        for (JsonNode i : items) {
            if (i.get("requestNumber").asString().equals(number)) {
                return i;
            }
        }
        throw new AssertionError("no item " + number + " in " + items);
    }
}
