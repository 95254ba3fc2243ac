package id.slrt.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import id.slrt.complaint.ComplaintService;
import id.slrt.complaint.ComplaintStatus;
import id.slrt.complaint.PublicStatus;
import id.slrt.notify.Notifications;
import id.slrt.platform.DbScope;
import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import id.slrt.support.MutableClock;
import id.slrt.support.TestNik;
import id.slrt.support.WebSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Referrals: each step and the refused ones, partners limited to their agency, the single-referral link
 * (only its referral, expiry, revocation, every use audited), the outcome flowing back to the complaint and
 * the citizen's status, the letter, the document check, reminders once a day.
 */
@IntegrationTest
class ReferralTest {
    static final String DESA = "1409011012";

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    ComplaintService complaintService;
    @Autowired
    ReferralReminders reminders;
    @Autowired
    Notifications notifications;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    Api api;
    String operator;
    String slrt;
    String admin;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void setUp() {
        api = new Api(port);
        operator = api.demoToken("operator");
        slrt = api.demoToken("slrt");
        admin = api.demoToken("admin");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // --- helpers -------------------------------------------------------------------------------

    JsonNode fileComplaint(String nik) {
        String body = "{\"regionCode\":\"" + DESA + "\",\"complainantName\":\"Rahmat Hidayat\","
                + "\"complainantPhone\":\"0812 3456 7788\",\"complainantNik\":" + (nik == null ? "null" : "\"" + nik + "\"")
                + ",\"category\":\"NEED_ID_DOCUMENTS\",\"type\":\"PENGADUAN\","
                + "\"description\":\"KTP hilang, NIK tidak aktif sehingga bantuan tertahan.\"}";
        Api.Response r = api.post("/api/v1/complaints", operator, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    Api.Response refer(String complaintId, String agency, String token) {
        return api.post("/api/v1/referrals", token, "{\"complaintId\":\"" + complaintId + "\",\"agencyCode\":\"" + agency
                + "\",\"requestedAction\":\"Mohon diterbitkan KTP-el baru.\",\"contactName\":\"Bu Operator\","
                + "\"contactPhone\":\"081299990000\"}");
    }

    JsonNode referComplaint(String agency) {
        String complaint = fileComplaint(null).get("id").asString();
        Api.Response r = refer(complaint, agency, operator);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    Api.Response step(String id, String step, String note, String token) {
        return api.post("/api/v1/referrals/" + id + "/" + step, token,
                "{\"note\":" + (note == null ? "null" : "\"" + note + "\"") + "}");
    }

    Api.Response completeJson(String id, String outcome, String note, String token) {
        return api.post("/api/v1/referrals/" + id + "/complete", token,
                "{\"outcome\":" + (outcome == null ? "null" : "\"" + outcome + "\"") + ",\"note\":\"" + note + "\"}");
    }

    String status(String id) {
        return api.get("/api/v1/referrals/" + id, slrt).json().get("referral").get("status").asString();
    }

    List<JsonNode> audit(String entityId) {
        List<JsonNode> items = new ArrayList<>();
        api.get("/api/v1/audit?entityId=" + entityId + "&size=200", admin).json().get("items").forEach(items::add);
        return items;
    }

    List<String> auditActions(String entityId) {
        return audit(entityId).stream().map(a -> a.get("action").asString()).toList();
    }

    List<String> complaintEvents(String complaintId) {
        List<String> actions = new ArrayList<>();
        api.get("/api/v1/complaints/" + complaintId, operator).json().get("events")
                .forEach(e -> actions.add(e.get("action").asString() + ":" + e.path("note").asString("")));
        return actions;
    }

    String issueLink(String id) {
        Api.Response r = api.post("/api/v1/referrals/" + id + "/link", operator, "{}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String url = r.json().get("url").asString();
        return url.substring(url.indexOf("/rujukan/t/") + "/rujukan/t/".length());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());
    }

    HttpResponse<String> postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileName, byte[] content,
                                       String type) {
        String boundary = "ref" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] pdf(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document();
        PdfWriter.getInstance(doc, out);
        doc.open();
        doc.add(new Paragraph(text));
        doc.close();
        return out.toByteArray();
    }

    // --- tests ---------------------------------------------------------------------------------

    @Test
    void eachStepMovesTheReferralAndTheRefusedOnesAreRefusedAndAudited() {
        String complaint = fileComplaint(null).get("id").asString();
        Api.Response manager = refer(complaint, "BAZNAS", api.demoToken("manajer"));
        assertThat(manager.status()).isEqualTo(403);

        Api.Response created = refer(complaint, "BAZNAS", operator);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode r = created.json();
        String id = r.get("id").asString();
        String number = r.get("number").asString();
        assertThat(number).matches("RJK/\\d{4}/" + DESA + "/\\d{5}");
        assertThat(r.get("status").asString()).isEqualTo("SENT");
        assertThat(LocalDate.parse(r.get("dueDate").asString()))
                .isAfter(LocalDate.parse(r.get("acceptDue").asString()));
        assertThat(api.get("/api/v1/complaints/" + complaint, operator).json().get("complaint").get("status").asString())
                .isEqualTo("REFERRED");
        assertThat(complaintEvents(complaint)).contains("REFERRED:" + number);

        assertThat(completeJson(id, "RESOLVED", "too early", slrt).status()).as("outcome before accepting").isEqualTo(409);
        assertThat(step(id, "decline", null, slrt).status()).as("decline without a reason").isEqualTo(400);
        assertThat(step(id, "accept", "Diterima, jadwal verifikasi Senin.", slrt).status()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("ACCEPTED");
        assertThat(step(id, "accept", null, slrt).status()).as("accept twice").isEqualTo(409);
        assertThat(step(id, "decline", "no", slrt).status()).as("decline after accepting").isEqualTo(409);
        assertThat(completeJson(id, null, "no outcome", slrt).status()).isEqualTo(400);
        assertThat(completeJson(id, "NEEDS_OTHER_AGENCY", "Perlu ke Dukcapil dulu.", slrt).status()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("COMPLETED");
        assertThat(step(id, "cancel", "late", slrt).status()).as("cancel a completed one").isEqualTo(409);
        assertThat(api.get("/api/v1/complaints/" + complaint, operator).json().get("complaint").get("status").asString())
                .as("a referral not resolved leaves the complaint referred").isEqualTo("REFERRED");

        Api.Response again = api.post("/api/v1/referrals/" + id + "/rerefer", operator,
                "{\"agencyCode\":\"DUKCAPIL\",\"requestedAction\":\"Aktivasi NIK.\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        String next = again.json().get("id").asString();
        assertThat(again.json().get("previousId").asString()).isEqualTo(id);
        assertThat(api.get("/api/v1/referrals/" + id, slrt).json().get("referral").get("nextId").asString())
                .isEqualTo(next);
        assertThat(api.post("/api/v1/referrals/" + id + "/rerefer", operator,
                "{\"agencyCode\":\"DINKES\",\"requestedAction\":\"x\"}").status()).as("only once").isEqualTo(409);

        assertThat(step(next, "decline", "Bukan wewenang kami.", slrt).status()).isEqualTo(200);
        assertThat(status(next)).isEqualTo("DECLINED");
        assertThat(step(next, "accept", null, slrt).status()).isEqualTo(409);

        JsonNode third = api.post("/api/v1/referrals/" + next + "/rerefer", operator,
                "{\"agencyCode\":\"DINSOS_PKH\",\"requestedAction\":\"Periksa kepesertaan.\"}").json();
        String thirdId = third.get("id").asString();
        assertThat(step(thirdId, "cancel", null, operator).status()).as("cancel needs a reason").isEqualTo(400);
        assertThat(step(thirdId, "cancel", "Sudah diurus sendiri oleh warga.", operator).status()).isEqualTo(200);
        assertThat(status(thirdId)).isEqualTo("CANCELLED");

        assertThat(auditActions(id)).contains("REFERRAL_SENT", "REFERRAL_ACCEPTED", "REFERRAL_COMPLETED",
                "REFERRAL_REREFERRED", "REFERRAL_DENIED");
        assertThat(auditActions(next)).contains("REFERRAL_DECLINED", "REFERRAL_DENIED");
        assertThat(auditActions(thirdId)).contains("REFERRAL_CANCELLED");
        List<String> events = complaintEvents(complaint);
        assertThat(events).anyMatch(e -> e.startsWith("REFERRAL_ACCEPTED:" + number));
        assertThat(events).anyMatch(e -> e.startsWith("REFERRAL_COMPLETED:" + number));
        assertThat(events).anyMatch(e -> e.startsWith("REFERRAL_DECLINED:"));
        assertThat(events).anyMatch(e -> e.startsWith("REFERRAL_CANCELLED:"));
    }

    @Test
    void aHouseholdIsReferredForOneOfItsMembers() {
        UUID household = DbScope.callAs("1409", () -> tx.execute(s -> jdbc.sql(
                "select id from household where status = 'ACTIVE' order by id limit 1").query(UUID.class).single()));
        Api.Response r = api.post("/api/v1/referrals", slrt, "{\"householdId\":\"" + household
                + "\",\"agencyCode\":\"DINSOS_RTLH\",\"reason\":\"Atap bocor, dinding bambu lapuk.\","
                + "\"requestedAction\":\"Survei kelayakan RS-RTLH.\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("source").asString()).isEqualTo("HOUSEHOLD");
        assertThat(r.json().get("memberId").isNull()).isFalse();
        assertThat(r.json().get("subjectAddress").asString()).isNotBlank();
        String region = r.json().get("regionCode").asString();
        String other = api.demoToken(region.startsWith("140901") ? "operator2" : "operator");
        assertThat(api.get("/api/v1/referrals/" + r.json().get("id").asString(), other).status())
                .as("another desa does not see it").isEqualTo(404);
    }

    @Test
    void aPartnerSeesOnlyItsOwnAgencysReferralsAndNothingElse() {
        JsonNode dukcapil = referComplaint("DUKCAPIL");
        JsonNode bpjs = referComplaint("BPJS_KES");
        String mitra = api.demoToken("mitra");

        List<String> seen = new ArrayList<>();
        api.get("/api/v1/referrals?status=&size=200", mitra).json().get("items")
                .forEach(i -> seen.add(i.get("agencyCode").asString() + " " + i.get("id").asString()));
        assertThat(seen).contains("DUKCAPIL " + dukcapil.get("id").asString());
        assertThat(seen).allMatch(s -> s.startsWith("DUKCAPIL "));
        assertThat(api.get("/api/v1/referrals/" + bpjs.get("id").asString(), mitra).status()).isEqualTo(404);
        assertThat(step(bpjs.get("id").asString(), "accept", null, mitra).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/referrals/" + bpjs.get("id").asString() + "/letter.pdf", mitra).status())
                .isEqualTo(404);

        assertThat(api.get("/api/v1/households", mitra).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/complaints", mitra).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/change-requests", mitra).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/referrals", mitra, "{\"complaintId\":\"" + UUID.randomUUID() + "\"}").status())
                .isEqualTo(403);
        WebSession web = WebSession.login(port, "mitra", Api.DEMO_PASSWORD);
        assertThat(web.get("/households").status()).isEqualTo(403);
        assertThat(web.get("/complaints").status()).isEqualTo(403);
        assertThat(web.get("/updates").status()).isEqualTo(403);
        assertThat(web.get("/referrals/new?complaint=" + dukcapil.get("complaintId").asString()).status()).isEqualTo(403);
        assertThat(web.get("/referrals/" + bpjs.get("id").asString()).status()).isEqualTo(404);
        WebSession.Page mine = web.get("/referrals/" + dukcapil.get("id").asString());
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).contains(dukcapil.get("number").asString()).doesNotContain("/complaints/");
        assertThat(web.get("/referrals?status=").body()).contains(dukcapil.get("number").asString())
                .doesNotContain(bpjs.get("number").asString());

        // The partner answers in its own pages; the resolved outcome resolves the complaint.
        String id = dukcapil.get("id").asString();
        assertThat(web.post("/referrals/" + id + "/accept", mine.csrf(), Map.of("note", "Diterima")).status())
                .isEqualTo(302);
        assertThat(status(id)).isEqualTo("ACCEPTED");
        assertThat(completeJson(id, "RESOLVED", "KTP-el sudah dicetak dan diserahkan.", mitra).status()).isEqualTo(200);
        String complaintId = dukcapil.get("complaintId").asString();
        JsonNode complaint = api.get("/api/v1/complaints/" + complaintId, operator).json().get("complaint");
        assertThat(complaint.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(complaintEvents(complaintId)).anyMatch(e -> e.startsWith("RESOLVED_BY_REFERRAL:"
                + dukcapil.get("number").asString()));
        Optional<PublicStatus> shown = complaintService.publicStatus(complaint.get("trackingCode").asString(), "7788");
        assertThat(shown).get().extracting(PublicStatus::status).isEqualTo(ComplaintStatus.RESOLVED);
        WebSession citizen = new WebSession(port);
        WebSession.Page form = citizen.get("/pengaduan/status");
        WebSession.Page page = citizen.post("/pengaduan/status", form.csrf(),
                Map.of("code", complaint.get("trackingCode").asString(), "phone", "7788"));
        assertThat(page.body()).contains("Selesai ditangani").doesNotContain("Rahmat");
    }

    @Test
    void aLinkWorksOnlyForItsReferralUntilRevokedOrExpiredAndEveryUseIsAudited() {
        JsonNode a = referComplaint("BAZNAS");
        JsonNode b = referComplaint("PEMDES");
        String idA = a.get("id").asString();
        String idB = b.get("id").asString();
        String tokenA = issueLink(idA);
        String tokenB = issueLink(idB);
        assertThat(tokenA).hasSizeGreaterThanOrEqualTo(43);
        String stored = DbScope.callAs("1409", () -> tx.execute(s -> jdbc.sql(
                "select token_hash from referral_link where referral_id = ?").param(UUID.fromString(idA))
                .query(String.class).single()));
        assertThat(stored).isEqualTo(ReferralService.hash(tokenA)).isNotEqualTo(tokenA);

        HttpResponse<String> view = get("/rujukan/t/" + tokenA);
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).contains(a.get("number").asString()).doesNotContain(b.get("number").asString());
        assertThat(view.headers().firstValue("Set-Cookie")).as("no session for the agency").isEmpty();
        assertThat(auditActions(idA)).contains("REFERRAL_LINK_VIEWED");

        // A's token used on B's referral: refused, audited on B.
        HttpResponse<String> cross = postForm("/rujukan/t/" + tokenA + "/accept", Map.of("referral", idB, "note", "x"));
        assertThat(cross.statusCode()).isEqualTo(404);
        assertThat(status(idB)).isEqualTo("SENT");
        assertThat(audit(idB)).anyMatch(e -> e.get("action").asString().equals("REFERRAL_DENIED")
                && e.get("detail").asString().equals("referral.link.other-referral"));
        // A wrong token: refused, audited.
        HttpResponse<String> wrong = postForm("/rujukan/t/" + tokenA.substring(1) + "x/accept",
                Map.of("referral", idA));
        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(audit(idA)).anyMatch(e -> e.get("detail").asString("").equals("referral.link.unknown"));

        // B's link revoked: refused; a new one works, the old one stays dead.
        assertThat(api.post("/api/v1/referrals/" + idB + "/link/revoke", operator, "{}").status()).isEqualTo(200);
        assertThat(get("/rujukan/t/" + tokenB).statusCode()).isEqualTo(404);
        assertThat(audit(idB)).anyMatch(e -> e.get("detail").asString("").equals("referral.link.revoked"));
        String tokenB2 = issueLink(idB);
        assertThat(get("/rujukan/t/" + tokenB2).statusCode()).isEqualTo(200);
        assertThat(get("/rujukan/t/" + tokenB).statusCode()).isEqualTo(404);
        String tokenB3 = issueLink(idB);
        assertThat(get("/rujukan/t/" + tokenB2).statusCode()).as("re-issuing revokes the earlier link").isEqualTo(404);
        assertThat(get("/rujukan/t/" + tokenB3).statusCode()).isEqualTo(200);

        // The agency answers through its link, without CSRF or session.
        HttpResponse<String> accepted = postForm("/rujukan/t/" + tokenA + "/accept",
                Map.of("referral", idA, "version", a.get("version").asString(), "note", "Kami proses."));
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(status(idA)).isEqualTo("ACCEPTED");
        assertThat(audit(idA)).anyMatch(e -> e.get("action").asString().equals("REFERRAL_ACCEPTED")
                && e.get("actor").asString().equals("link:BAZNAS"));

        // Wrong document: refused with the file store's message, the typed note kept.
        HttpResponse<String> badFile = postMultipart("/rujukan/t/" + tokenA + "/complete",
                Map.of("referral", idA, "outcome", "RESOLVED", "note", "Bantuan Rp 1.500.000 diserahkan."),
                "bukti.pdf", "bukan pdf".getBytes(StandardCharsets.UTF_8), "application/pdf");
        assertThat(badFile.statusCode()).isEqualTo(400);
        assertThat(badFile.body()).contains("document-error").contains("Bantuan Rp 1.500.000 diserahkan.");
        assertThat(status(idA)).isEqualTo("ACCEPTED");
        HttpResponse<String> done = postMultipart("/rujukan/t/" + tokenA + "/complete",
                Map.of("referral", idA, "outcome", "RESOLVED", "note", "Bantuan Rp 1.500.000 diserahkan."),
                "bukti.pdf", pdf("Berita acara penyerahan"), "application/pdf");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("Terima kasih").doesNotContain("complete-form");
        JsonNode after = api.get("/api/v1/referrals/" + idA, slrt).json().get("referral");
        assertThat(after.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(after.get("outcomeFile").asString()).isEqualTo("bukti.pdf");
        assertThat(get("/rujukan/t/" + tokenA).statusCode()).as("a completed referral's link is revoked").isEqualTo(404);

        // Expiry: after the configured 14 days the link no longer opens.
        clock.advance(Duration.ofDays(15));
        admin = api.demoToken("admin");
        assertThat(get("/rujukan/t/" + tokenB3).statusCode()).isEqualTo(404);
        assertThat(audit(idB)).anyMatch(e -> e.get("detail").asString("").equals("referral.link.expired"));
    }

    @Test
    void theLetterCarriesTheNumberAndOnlyTheLastFourDigitsOfTheNik() throws IOException {
        String nik = TestNik.nik("140901", LocalDate.of(1980, 5, 17), false);
        String complaint = fileComplaint(nik).get("id").asString();
        JsonNode r = refer(complaint, "DUKCAPIL", operator).json();
        Api.Response pdf = api.get("/api/v1/referrals/" + r.get("id").asString() + "/letter.pdf", operator);
        assertThat(pdf.status()).isEqualTo(200);
        byte[] bytes = pdfBytes("/api/v1/referrals/" + r.get("id").asString() + "/letter.pdf", operator);
        PdfReader reader = new PdfReader(bytes);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        reader.close();
        String flat = text.replaceAll("\\s+", "");
        assertThat(flat).contains(r.get("number").asString()).contains("DinasKependudukandanPencatatanSipil")
                .contains("************" + nik.substring(12)).doesNotContain(nik);
        assertThat(auditActions(r.get("id").asString())).contains("REFERRAL_LETTER_PRINTED");
    }

    byte[] pdfBytes(String path, String token) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray())
                    .body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anOversizedOrWrongDocumentIsRefusedOnTheApiWithAClearMessage() {
        JsonNode r = referComplaint("DINKES");
        String id = r.get("id").asString();
        assertThat(step(id, "accept", null, slrt).status()).isEqualTo(200);
        Api.Response wrong = api.upload("/api/v1/referrals/" + id + "/complete", slrt,
                Map.of("outcome", "RESOLVED", "note", "Sudah dirawat."), "hasil.exe", "MZ not a pdf".getBytes(),
                "application/pdf");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("file");
        assertThat(status(id)).isEqualTo("ACCEPTED");
        Api.Response big = api.upload("/api/v1/referrals/" + id + "/complete", slrt,
                Map.of("outcome", "RESOLVED", "note", "Sudah dirawat."), "besar.pdf", new byte[11 * 1024 * 1024],
                "application/pdf");
        assertThat(big.status()).isIn(400, 413);
        assertThat(status(id)).isEqualTo("ACCEPTED");
    }

    @Test
    void overdueReferralsGetOneReminderADayAndComeFirst() {
        JsonNode late = referComplaint("DISDIK");
        clock.advance(Duration.ofDays(10));
        operator = api.demoToken("operator");
        slrt = api.demoToken("slrt");
        JsonNode fresh = referComplaint("DISDIK");
        String prefix = "referral:overdue:" + late.get("id").asString();
        reminders.queueReminders();
        reminders.queueReminders();
        assertThat(DbScope.callAs("1409", () -> notifications.byDedupPrefix(prefix))).hasSize(1);
        assertThat(DbScope.callAs("1409", () -> notifications.byDedupPrefix(
                "referral:overdue:" + fresh.get("id").asString()))).isEmpty();
        List<String> order = new ArrayList<>();
        api.get("/api/v1/referrals?agency=DISDIK&size=200", slrt).json().get("items")
                .forEach(i -> order.add(i.get("id").asString()));
        assertThat(order.indexOf(late.get("id").asString())).isLessThan(order.indexOf(fresh.get("id").asString()));
        clock.advance(Duration.ofDays(1));
        reminders.queueReminders();
        assertThat(DbScope.callAs("1409", () -> notifications.byDedupPrefix(prefix))).hasSize(2);
    }

    @Test
    void theAdministratorEditsAgenciesAndOthersMayNot() {
        JsonNode created = api.post("/api/v1/agencies", admin, "{\"code\":\"TEST_" + (System.nanoTime() % 100000)
                + "\",\"name\":\"Lembaga Uji\",\"kind\":\"OTHER\",\"acceptDays\":2,\"completeDays\":7,\"active\":true}")
                .json();
        String code = created.get("code").asString();
        Api.Response changed = api.put("/api/v1/agencies/" + code, admin, "{\"name\":\"Lembaga Uji Baru\",\"kind\":"
                + "\"OTHER\",\"email\":\"uji@example.org\",\"acceptDays\":3,\"completeDays\":10,\"active\":false,"
                + "\"version\":" + created.get("version").asInt() + "}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("active").asBoolean()).isFalse();
        assertThat(api.put("/api/v1/agencies/" + code, slrt, "{}").status()).isEqualTo(403);
        assertThat(auditActions(code)).contains("PARTNER_AGENCY_CREATED", "PARTNER_AGENCY_UPDATED");
        String complaint = fileComplaint(null).get("id").asString();
        assertThat(refer(complaint, code, operator).status()).as("an inactive agency is refused").isEqualTo(400);
        WebSession web = WebSession.login(port, "admin", Api.DEMO_PASSWORD);
        assertThat(web.get("/admin/agencies").body()).contains("Lembaga Uji Baru");

        // A partner user's agency is an agency's code.
        String user = "mitra" + (System.nanoTime() % 100000);
        Api.Response byName = api.post("/api/v1/users", admin, "{\"username\":\"" + user + "\",\"fullName\":\"Petugas BPJS\","
                + "\"role\":\"MITRA\",\"regionCode\":\"1409\",\"agency\":\"BPJS Kesehatan\"}");
        assertThat(byName.status()).isEqualTo(400);
        assertThat(byName.body()).contains("agency");
        Api.Response byCode = api.post("/api/v1/users", admin, "{\"username\":\"" + user + "\",\"fullName\":\"Petugas BPJS\","
                + "\"role\":\"MITRA\",\"regionCode\":\"1409\",\"agency\":\"BPJS_KES\"}");
        assertThat(byCode.status()).as(byCode.body()).isEqualTo(201);
    }

    @Test
    void theOpenApiDocumentDescribesEveryReferralEndpoint() {
        JsonNode doc = api.get("/v3/api-docs", null).json();
        List<String> paths = new ArrayList<>();
        doc.get("paths").properties().forEach(e -> paths.add(e.getKey()));
        assertThat(paths).contains("/api/v1/referrals", "/api/v1/referrals/{id}", "/api/v1/referrals/{id}/{step}",
                "/api/v1/referrals/{id}/complete", "/api/v1/referrals/{id}/rerefer", "/api/v1/referrals/{id}/link",
                "/api/v1/referrals/{id}/link/revoke", "/api/v1/referrals/{id}/letter.pdf", "/api/v1/agencies",
                "/api/v1/agencies/{code}");
        assertThat(doc.get("paths").get("/api/v1/referrals/{id}/complete").get("post").get("summary").asString())
                .contains("outcome");
    }
}
