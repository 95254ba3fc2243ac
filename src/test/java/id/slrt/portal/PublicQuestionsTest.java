package id.slrt.portal;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.notify.Notifications;
import id.slrt.notify.OutboxMessage;
import id.slrt.platform.DbScope;
import id.slrt.portal.web.AskLimits;
import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import id.slrt.support.MutableClock;
import id.slrt.support.WebSession;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Public questions and answers: asked without log-in, session or cookie; moderated by staff; published
 * answers are public and searchable while the asker's contact never leaves the staff pages.
 */
@IntegrationTest
class PublicQuestionsTest {
    private static final Pattern TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    AskLimits limits;
    @Autowired
    MutableClock clock;
    @Autowired
    Notifications notifications;

    Api api;
    String marker;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        limits.reset();
        // One word no other test writes, so searches find only this test's questions.
        marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @AfterEach
    void tearDown() {
        limits.reset();
    }

    // --- the whole path ------------------------------------------------------------------------------

    @Test
    void anAskedQuestionWaitsForModerationThenItsAnswerIsPublicAndSearchableWithoutTheContact() {
        String email = marker + "@contoh.id";
        Map<String, String> form = askForm("PKH", "Saya Siti Aminah dari desa Sukamaju, apakah anak " + marker
                + " yang sudah SMA masih dapat PKH?", "Siti Aminah", email, "0812-3456-7788");
        Reply posted = askOnForm(form);
        assertThat(posted.status()).as(posted.body()).isEqualTo(302);
        assertThat(posted.location()).contains("/program/tanya/terima-kasih?ref=T-");
        String ref = posted.location().substring(posted.location().indexOf("ref=") + 4);

        Reply thanks = get("/program/tanya/terima-kasih?ref=" + ref);
        assertThat(thanks.body()).contains(ref);
        assertThat(get("/program/tanya/" + ref).body()).as("the holder of the reference sees the stage only")
                .contains("id=\"question-stage\"").doesNotContain(marker);
        assertThat(publicSearch(marker)).as("not public before it is answered").doesNotContain(ref);

        String slrt = api.demoToken("slrt");
        JsonNode queued = queueItem(slrt, "NEW", ref);
        assertThat(queued).as("waits in the NEW queue").isNotNull();
        String id = queued.get("id").asString();

        WebSession moderator = WebSession.login(port, "slrt", Api.DEMO_PASSWORD);
        WebSession.Page detail = moderator.get("/questions/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains(email, "081234567788", "Siti Aminah", "id=\"do-publish\"");
        String publicWording = "Apakah anak " + marker + " yang sudah SMA masih dapat PKH?";
        String answer = "Ya, selama keluarga masih terdaftar sebagai penerima PKH. Jawaban" + marker + "tambahan.";
        Map<String, String> publish = new LinkedHashMap<>();
        publish.put("version", detail.input("version-field"));
        publish.put("publicText", publicWording);
        publish.put("programCode", "PKH");
        publish.put("answer", answer);
        publish.put("action", "publish");
        WebSession.Page done = moderator.post("/questions/" + id + "/save", detail.csrf(), publish);
        assertThat(done.status()).as(done.body()).isEqualTo(302);

        String list = publicSearch(marker);
        assertThat(list).contains(ref, publicWording, "S. A.");
        assertThat(publicSearch(marker.substring(0, 7))).as("a word's beginning finds it").contains(ref);
        assertThat(publicSearch("jawaban" + marker + "tambahan")).as("words of the answer find it").contains(ref);
        assertThat(get("/program/tanya?program=PKH&q=" + marker).body()).contains(ref);
        assertThat(get("/program/tanya?program=KIP&q=" + marker).body()).doesNotContain(ref);
        assertThat(get("/program/PKH").body()).as("the program page lists it").contains("id=\"q-" + ref + "\"");
        String json = api.get("/api/v1/questions?q=" + marker, null).body();
        assertThat(json).contains(ref, publicWording);
        assertThat(api.get("/api/v1/questions/" + ref, null).json().get("answer").asString()).isEqualTo(answer);
        for (String page : List.of(list, get("/program/tanya/" + ref).body(), get("/program/PKH").body(), json,
                api.get("/api/v1/questions/" + ref, null).body())) {
            assertThat(page).doesNotContain(email).doesNotContain("081234567788").doesNotContain("0812-3456").doesNotContain("Siti Aminah")
                    .doesNotContain("Sukamaju");
        }

        JsonNode audit = api.get("/api/v1/audit?entityId=" + id + "&size=50", api.demoToken("admin")).json();
        List<String> audited = new ArrayList<>();
        audit.get("items").forEach(a -> audited.add(a.get("action").asString()));
        assertThat(audited).contains("QUESTION_ASKED", "QUESTION_CONTACT_READ", "QUESTION_PUBLISHED");
        assertThat(moderator.get("/questions/" + id).body()).as("the history shows each step")
                .contains("Ditanyakan", "Dimuat");
    }

    @Test
    void publishingQueuesOneEmailToTheAskerHoweverOftenItIsRepublished() {
        String email = marker + "@contoh.id";
        String ref = askOnApi(Map.of("question", "Kapan BPNT " + marker + " dibayar setiap bulan?", "email", email))
                .get("reference").asString();
        String slrt = api.demoToken("slrt");
        JsonNode q = queueItem(slrt, "NEW", ref);
        String id = q.get("id").asString();
        int version = edit(slrt, id, q.get("version").asInt(), "Kapan BPNT dibayar setiap bulan?",
                "Setiap bulan melalui bank penyalur.");
        JsonNode published = api.post("/api/v1/question-moderation/" + id + "/publish", slrt,
                "{\"version\":" + version + "}").json();
        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");

        List<OutboxMessage> mails = mails(id);
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.recipientEmail()).isEqualTo(email);
            assertThat(m.subject()).contains(ref);
            assertThat(m.body()).contains("/program/tanya/" + ref, "Setiap bulan melalui bank penyalur.");
        });

        JsonNode off = api.post("/api/v1/question-moderation/" + id + "/unpublish", slrt,
                "{\"version\":" + published.get("version").asInt() + ",\"note\":\"jawaban diperbarui\"}").json();
        assertThat(off.get("status").asString()).isEqualTo("UNPUBLISHED");
        assertThat(publicSearch(marker)).as("unpublished is off the public pages").doesNotContain(ref);
        assertThat(api.get("/api/v1/questions/" + ref, null).status()).isEqualTo(404);
        JsonNode again = api.post("/api/v1/question-moderation/" + id + "/publish", slrt,
                "{\"version\":" + off.get("version").asInt() + "}").json();
        assertThat(again.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(mails(id)).as("still one message").hasSize(1);
    }

    @Test
    void aRejectedPersonalCaseStaysOffThePublicPagesAndPointsTheAskerToAComplaint() {
        String ref = askOnApi(Map.of("question", "Bantuan saya " + marker + " tidak cair tiga bulan, NIK saya benar.",
                "phone", "081299990000")).get("reference").asString();
        String slrt = api.demoToken("slrt");
        JsonNode q = queueItem(slrt, "NEW", ref);
        String id = q.get("id").asString();
        Api.Response noReason = api.post("/api/v1/question-moderation/" + id + "/reject", slrt,
                "{\"version\":" + q.get("version").asInt() + "}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");

        JsonNode rejected = api.post("/api/v1/question-moderation/" + id + "/reject", slrt,
                "{\"version\":" + q.get("version").asInt() + ",\"reason\":\"PERSONAL_CASE\",\"note\":\"catatan rahasia petugas\"}")
                .json();
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(publicSearch(marker)).doesNotContain(ref);
        Reply status = get("/program/tanya/" + ref);
        assertThat(status.body()).contains("id=\"to-complaint\"", "href=\"/pengaduan\"").doesNotContain(marker)
                .doesNotContain("catatan rahasia petugas");
        Api.Response publish = api.post("/api/v1/question-moderation/" + id + "/publish", slrt,
                "{\"version\":" + rejected.get("version").asInt() + "}");
        assertThat(publish.status()).as("a rejected question cannot be published").isEqualTo(409);
        Api.Response stale = api.post("/api/v1/question-moderation/" + id + "/unpublish", slrt,
                "{\"version\":" + q.get("version").asInt() + ",\"note\":\"x\"}");
        assertThat(stale.status()).as("an old version is refused").isEqualTo(409);
        assertThat(queueItem(slrt, "REJECTED", ref)).isNotNull();
    }

    @Test
    void scriptInAQuestionIsShownAsText() {
        String script = "<script>alert('" + marker + "')</script>";
        String ref = askOnApi(Map.of("question", "Apa itu KUBE? " + script)).get("reference").asString();
        String slrt = api.demoToken("slrt");
        JsonNode q = queueItem(slrt, "NEW", ref);
        String id = q.get("id").asString();
        WebSession moderator = WebSession.login(port, "slrt", Api.DEMO_PASSWORD);
        assertThat(moderator.get("/questions/" + id).body()).doesNotContain(script).contains("&lt;script&gt;");
        int version = edit(slrt, id, q.get("version").asInt(), "Apa itu KUBE? " + script, "Kelompok Usaha Bersama "
                + "<b>" + marker + "</b>");
        api.post("/api/v1/question-moderation/" + id + "/publish", slrt, "{\"version\":" + version + "}");
        String page = get("/program/tanya/" + ref).body();
        assertThat(page).doesNotContain(script).doesNotContain("<b>" + marker)
                .contains("&lt;script&gt;alert(&#39;" + marker + "&#39;)&lt;/script&gt;");
        assertThat(publicSearch(marker)).doesNotContain(script).contains("&lt;script&gt;");
    }

    @Test
    void aWordingOrAnswerThatStillHoldsANikCannotBePublished() {
        String nik = "1409011204690001";
        String ref = askOnApi(Map.of("question", "NIK saya " + nik + " ditolak bank " + marker + ", kenapa?"))
                .get("reference").asString();
        String slrt = api.demoToken("slrt");
        JsonNode q = queueItem(slrt, "NEW", ref);
        String id = q.get("id").asString();
        Api.Response asTyped = api.put("/api/v1/question-moderation/" + id, slrt, "{\"version\":" + q.get("version")
                .asInt() + ",\"publicText\":\"NIK saya " + nik + " ditolak bank\",\"answer\":\"Periksa ke Dukcapil.\"}");
        assertThat(asTyped.status()).isEqualTo(400);
        assertThat(asTyped.body()).contains("publicText");
        Api.Response publish = api.post("/api/v1/question-moderation/" + id + "/publish", slrt,
                "{\"version\":" + q.get("version").asInt() + "}");
        assertThat(publish.status()).as("no answer yet").isEqualTo(400);
        int version = edit(slrt, id, q.get("version").asInt(), "Mengapa NIK ditolak bank " + marker + "?",
                "Periksa data NIK ke Dukcapil.");
        assertThat(api.post("/api/v1/question-moderation/" + id + "/publish", slrt, "{\"version\":" + version + "}")
                .status()).isEqualTo(200);
        assertThat(publicSearch(marker)).contains(ref).doesNotContain(nik);
    }

    @Test
    void namesBecomeInitialsAndReferencesAreReadLeniently() {
        assertThat(Questions.initials("Siti Aminah binti Ahmad Yani")).isEqualTo("S. A. B.");
        assertThat(Questions.initials("  h. muhammad  ")).isEqualTo("H. M.");
        assertThat(Questions.initials("123")).isNull();
        assertThat(Questions.initials(" ")).isNull();
        String ref = Questions.nextReference();
        assertThat(ref).matches("T-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
        assertThat(Questions.normalizeReference(ref.toLowerCase().replace("-", " "))).hasValue(ref);
        assertThat(Questions.normalizeReference("T-0000-0000")).isEmpty();
        assertThat(Questions.searchWords("KIP, kuliah!  <script>")).containsExactly("kip", "kuliah", "script");
    }

    // --- the brakes ----------------------------------------------------------------------------------------

    @Test
    void theHoneypotAndABadFormTokenAreRefusedAndNothingIsStored() {
        Map<String, String> robot = askForm("", "Pertanyaan robot " + marker + " tentang apa saja", "", "", "");
        robot.put("website", "http://spam.example");
        assertThat(askOnForm(robot).status()).isEqualTo(400);

        Map<String, String> noToken = askForm("", "Pertanyaan tanpa token " + marker, "", "", "");
        noToken.remove("formToken");
        assertThat(post("/program/tanya/baru", noToken, Map.of()).status()).isEqualTo(400);

        Map<String, String> fast = askForm("", "Pertanyaan terlalu cepat " + marker, "", "", "");
        assertThat(post("/program/tanya/baru", fast, Map.of()).status()).as("sent sooner than a person types")
                .isEqualTo(400);

        Map<String, String> crossSite = askForm("", "Pertanyaan dari situs lain " + marker, "", "", "");
        clock.advance(Duration.ofSeconds(5));
        assertThat(post("/program/tanya/baru", crossSite, Map.of("Origin", "https://evil.example")).status())
                .isEqualTo(403);

        Map<String, String> once = askForm("", "Pertanyaan sekali saja " + marker + " ya", "", "", "");
        assertThat(askOnForm(once).status()).isEqualTo(302);
        assertThat(post("/program/tanya/baru", once, Map.of()).status()).as("a form token is used once").isEqualTo(400);

        JsonNode queue = api.get("/api/v1/question-moderation?status=NEW&size=200&q=" + marker, api.demoToken("slrt"))
                .json();
        assertThat(queue.get("total").asLong()).as("only the genuine question is stored").isEqualTo(1);
    }

    @Test
    void askingIsLimitedPerClientOnTheFormAndTheApiTogether() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(api.post("/api/v1/questions", null, "{\"question\":\"Pertanyaan nomor " + i + " " + marker
                    + "\"}").status());
        }
        assertThat(statuses).containsOnly(201);
        Api.Response sixth = api.post("/api/v1/questions", null, "{\"question\":\"Pertanyaan keenam " + marker + "\"}");
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.contentType()).startsWith("application/problem+json");
        Reply onForm = askOnForm(askForm("", "Pertanyaan di formulir " + marker, "", "", ""));
        assertThat(onForm.status()).isEqualTo(429);
        assertThat(onForm.body()).contains("id=\"ask-failure\"");
        assertThat(api.post("/api/v1/questions", null, "{\"question\":\"x\",\"website\":\"spam\"}").status())
                .isEqualTo(400);
    }

    @Test
    void invalidFieldsComeBackOnTheFormWithWhatWasTyped() {
        Reply r = askOnForm(askForm("TIDAK_ADA", "pendek", "", "bukan-email", "12"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("id=\"ask-errors\"", "bukan-email", "Pertanyaan terlalu pendek",
                "Alamat email tidak valid", "Nomor HP tidak valid", "Program tidak dikenal");
        assertThat(r.cookies()).isEmpty();
        assertThat(r.body()).as("the language links never carry the posted fields").doesNotContain("bukan-email&amp;")
                .doesNotContain("email=bukan");
        Api.Response api400 = api.post("/api/v1/questions", null, "{\"question\":\"\",\"email\":\"x\"}");
        assertThat(api400.status()).isEqualTo(400);
        assertThat(api400.body()).contains("question", "email");
    }

    @Test
    void publicQuestionPagesSetNoCookieAndCarryNoSessionToken() {
        String ref = askOnApi(Map.of("question", "Apakah " + marker + " perlu surat keterangan tidak mampu?"))
                .get("reference").asString();
        Map<String, String> form = askForm("", "Di mana mendaftar KIP " + marker + "?", "", "", "");
        clock.advance(Duration.ofSeconds(5));
        Reply posted = post("/program/tanya/baru", form, Map.of());
        assertThat(posted.status()).isEqualTo(302);
        for (String path : List.of("/program/tanya", "/program/tanya?q=" + marker, "/program/tanya/baru",
                "/program/tanya/baru?program=PKH", "/program/tanya/" + ref, posted.location().replaceFirst("^https?://[^/]+", ""),
                "/program/PKH")) {
            Reply r = get(path);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.cookies()).as(path + " sets no cookie").isEmpty();
            assertThat(r.body()).as(path + " carries no session CSRF token").doesNotContain("_csrf");
            assertThat(PublicProgramPagesTest.NIK_LIKE.matcher(r.body()).find()).as(path).isFalse();
        }
        assertThat(posted.cookies()).as("the post sets no cookie either").isEmpty();
        assertThat(get("/program/tanya/T-0000-0000").status()).isEqualTo(404);
    }

    // --- who may moderate --------------------------------------------------------------------------------

    @Test
    void moderatorsActTheManagerOnlyReadsAndOthersAreKeptOut() {
        String ref = askOnApi(Map.of("question", "Siapa yang boleh menjawab " + marker + "?")).get("reference")
                .asString();
        String admin = api.demoToken("admin");
        JsonNode q = queueItem(admin, "NEW", ref);
        String id = q.get("id").asString();

        String manager = api.demoToken("manajer");
        assertThat(api.get("/api/v1/question-moderation/" + id, manager).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/question-moderation/counts", manager).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/question-moderation/" + id + "/reject", manager,
                "{\"version\":0,\"reason\":\"SPAM\"}").status()).isEqualTo(403);
        WebSession managerWeb = WebSession.login(port, "manajer", Api.DEMO_PASSWORD);
        WebSession.Page page = managerWeb.get("/questions/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("id=\"do-publish\"").doesNotContain("id=\"reject-form\"");
        assertThat(managerWeb.post("/questions/" + id + "/reject", page.csrf(),
                Map.of("version", "0", "reason", "SPAM")).status()).isEqualTo(403);

        for (String user : List.of("operator", "supervisor", "fasilitator", "mitra")) {
            String token = api.demoToken(user);
            assertThat(api.get("/api/v1/question-moderation", token).status()).as(user).isEqualTo(403);
            assertThat(api.get("/api/v1/question-moderation/" + id, token).status()).as(user).isEqualTo(403);
            assertThat(WebSession.login(port, user, Api.DEMO_PASSWORD).get("/questions").status()).as(user)
                    .isEqualTo(403);
        }
        assertThat(api.get("/api/v1/question-moderation", null).status()).isEqualTo(401);
        assertThat(get("/questions").status()).as("anonymous is sent to log in").isEqualTo(302);

        JsonNode rejected = api.post("/api/v1/question-moderation/" + id + "/reject", admin,
                "{\"version\":" + q.get("version").asInt() + ",\"reason\":\"SPAM\"}").json();
        assertThat(rejected.get("status").asString()).as("the administrator moderates").isEqualTo("REJECTED");
        WebSession slrt = WebSession.login(port, "slrt", Api.DEMO_PASSWORD);
        WebSession.Page queue = slrt.get("/questions?status=REJECTED&q=" + marker);
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).contains(ref, "id=\"count-NEW\"");
    }

    @Test
    void theOpenApiDocumentDescribesTheQuestionEndpoints() {
        JsonNode doc = api.get("/v3/api-docs", null).json();
        List<String> paths = new ArrayList<>();
        doc.get("paths").properties().forEach(e -> paths.add(e.getKey()));
        assertThat(paths).contains("/api/v1/questions", "/api/v1/questions/{reference}", "/api/v1/question-moderation",
                "/api/v1/question-moderation/counts", "/api/v1/question-moderation/{id}",
                "/api/v1/question-moderation/{id}/publish", "/api/v1/question-moderation/{id}/reject",
                "/api/v1/question-moderation/{id}/unpublish");
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    record Reply(int status, String location, String body, List<String> cookies) {
    }

    /** Opens the form (for its token), fills the fields; the caller posts it. */
    private Map<String, String> askForm(String program, String question, String name, String email, String phone) {
        Reply page = get("/program/tanya/baru");
        assertThat(page.cookies()).isEmpty();
        Matcher m = TOKEN.matcher(page.body());
        assertThat(m.find()).as("the form carries a token").isTrue();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("formToken", m.group(1));
        f.put("programCode", program);
        f.put("question", question);
        f.put("name", name);
        f.put("email", email);
        f.put("phone", phone);
        f.put("website", "");
        return f;
    }

    /** Posts like a person: some seconds after the form was opened, from this site. */
    private Reply askOnForm(Map<String, String> form) {
        clock.advance(Duration.ofSeconds(5));
        return post("/program/tanya/baru", form, Map.of("Origin", "http://localhost:" + port));
    }

    private JsonNode askOnApi(Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue().replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
        Api.Response r = api.post("/api/v1/questions", null, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private int edit(String token, String id, int version, String publicText, String answer) {
        Api.Response r = api.put("/api/v1/question-moderation/" + id, token, "{\"version\":" + version
                + ",\"publicText\":\"" + publicText.replace("\"", "\\\"") + "\",\"answer\":\""
                + answer.replace("\"", "\\\"") + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("version").asInt();
    }

    private JsonNode queueItem(String token, String status, String ref) {
        JsonNode page = api.get("/api/v1/question-moderation?status=" + status + "&q=" + ref, token).json();
        for (JsonNode item : page.get("items")) {
            if (item.get("reference").asString().equals(ref)) {
                return item;
            }
        }
        return null;
    }

    private List<OutboxMessage> mails(String id) {
        return DbScope.callAs("1409", () -> notifications.byDedupPrefix("question-answered:" + id));
    }

    private String publicSearch(String q) {
        return get("/program/tanya?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).body();
    }

    private Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET());
    }

    private Reply post(String path, Map<String, String> form, Map<String, String> headers) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return send(b);
    }

    private static Reply send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                    .send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().firstValue("Location").orElse(""), r.body(),
                    r.headers().allValues("Set-Cookie"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
