package id.slrt.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import id.slrt.support.MutableClock;
import id.slrt.support.TestNik;
import id.slrt.support.WebSession;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Handling complaints: each step, refused steps, region scope, duplicates, service levels, the staff pages. */
@IntegrationTest
class ComplaintWorkflowTest {
    static final String DESA = "1409011012";
    static final String KEC = "140901";

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    Api api;
    String operator;
    String operator2;
    String slrt;
    String manager;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        operator = api.demoToken("operator");
        operator2 = api.demoToken("operator2");
        slrt = api.demoToken("slrt");
        manager = api.demoToken("manajer");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    JsonNode file(String token, String category, String nik, String description) {
        String body = "{\"regionCode\":\"" + DESA + "\",\"complainantName\":\"Siti Aminah\",\"complainantPhone\":\"0813 1111 2222\","
                + "\"complainantNik\":" + (nik == null ? "null" : "\"" + nik + "\"") + ",\"category\":\"" + category
                + "\",\"type\":\"PENGADUAN\",\"description\":" + json(description) + "}";
        Api.Response r = api.post("/api/v1/complaints", token, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    Api.Response step(String id, String step, String note, String token) {
        return api.post("/api/v1/complaints/" + id + "/" + step, token,
                "{\"note\":" + (note == null ? "null" : json(note)) + "}");
    }

    static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    List<String> actions(String id) {
        List<String> actions = new ArrayList<>();
        api.get("/api/v1/complaints/" + id, operator).json().get("events")
                .forEach(e -> actions.add(e.get("action").asString()));
        return actions;
    }

    @Test
    void eachStepMovesTheComplaintAlongAndLandsOnItsTimeline() {
        String id = file(operator, "PROGRAM_NOT_RECEIVED", null, "PKH tahap 3 tidak masuk rekening.").get("id").asString();

        assertThat(step(id, "acknowledge", null, operator).json().get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(step(id, "start", "Cek data DTKS", operator).json().get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(step(id, "refer", "Bank penyalur (BRI unit Teluk Kuantan)", slrt).json().get("status").asString())
                .isEqualTo("REFERRED");
        assertThat(step(id, "resume", "Bank meminta surat keterangan desa", operator).json().get("status").asString())
                .isEqualTo("IN_PROGRESS");
        JsonNode resolved = step(id, "resolve", "Dana cair setelah rekening diperbaiki", operator).json();
        assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.get("resolution").asString()).isEqualTo("Dana cair setelah rekening diperbaiki");
        assertThat(resolved.get("resolvedAt")).isNotNull();
        assertThat(step(id, "close", null, operator).json().get("status").asString()).isEqualTo("CLOSED");

        assertThat(actions(id)).containsExactly("FILED", "ROUTED", "ACKNOWLEDGED", "STARTED", "REFERRED", "RESUMED", "RESOLVED",
                "CLOSED");
        JsonNode audit = api.get("/api/v1/audit?entityId=" + id + "&size=50", api.demoToken("admin")).json();
        List<String> audited = new ArrayList<>();
        audit.get("items").forEach(a -> audited.add(a.get("action").asString()));
        assertThat(audited).contains("COMPLAINT_FILED", "COMPLAINT_ACKNOWLEDGED", "COMPLAINT_STARTED",
                "COMPLAINT_REFERRED", "COMPLAINT_RESUMED", "COMPLAINT_RESOLVED", "COMPLAINT_CLOSED", "COMPLAINT_READ");
    }

    @Test
    void aStepFromTheWrongStatusOrByAWatchingRoleIsRefusedAndChangesNothing() {
        String id = file(operator, "DATA_ERROR", null, "Nama di KK salah eja.").get("id").asString();

        Api.Response early = step(id, "resolve", "Sudah", operator);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("Diterima");
        assertThat(step(id, "start", null, operator).status()).isEqualTo(409);
        assertThat(step(id, "acknowledge", null, manager).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/complaints/" + id, manager).status()).as("the manager reads").isEqualTo(200);

        step(id, "acknowledge", null, operator);
        Api.Response refer = step(id, "refer", "Dukcapil", operator);
        assertThat(refer.status()).as("refer only from in progress").isEqualTo(409);
        Api.Response noReason = step(id, "close", "", operator);
        assertThat(noReason.status()).as("closing unresolved needs a reason").isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("note");
        assertThat(step(id, "close", "Duplikat dari pengaduan sebelumnya", operator).json().get("status").asString())
                .isEqualTo("CLOSED");
        assertThat(step(id, "close", "lagi", operator).status()).isEqualTo(409);
        assertThat(actions(id)).containsExactly("FILED", "ROUTED", "ACKNOWLEDGED", "CLOSED");
    }

    @Test
    void aStaleVersionIsRefused() {
        JsonNode c = file(operator, "OTHER", null, "Pertanyaan tentang jadwal musdes.");
        String id = c.get("id").asString();
        step(id, "acknowledge", null, operator);
        Api.Response stale = api.post("/api/v1/complaints/" + id + "/start", operator, "{\"version\":0}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("type").asString()).endsWith("conflict");
    }

    @Test
    void anOperatorOfAnotherDesaCannotReadOrMoveTheComplaint() {
        String id = file(operator, "NEED_FOOD", null, "Lansia sebatang kara kekurangan makanan.").get("id").asString();

        assertThat(api.get("/api/v1/complaints/" + id, operator2).status()).isEqualTo(404);
        assertThat(step(id, "acknowledge", null, operator2).status()).isEqualTo(404);
        JsonNode list = api.get("/api/v1/complaints?size=200&sort=newest", operator2).json();
        list.get("items").forEach(c -> assertThat(c.get("regionCode").asString()).startsWith("1409021016"));

        WebSession other = WebSession.login(port, "operator2", Api.DEMO_PASSWORD);
        assertThat(other.get("/complaints/" + id).status()).isEqualTo(404);
        assertThat(other.get("/complaints/" + id + "/receipt.pdf").status()).isEqualTo(404);
        assertThat(WebSession.login(port, "operator", Api.DEMO_PASSWORD).get("/complaints/" + id).status()).isEqualTo(200);
    }

    @Test
    void anOperatorCannotFileForADesaOutsideTheirScope() {
        String body = "{\"regionCode\":\"1409021016\",\"complainantName\":\"A\",\"category\":\"OTHER\","
                + "\"description\":\"x\"}";
        Api.Response r = api.post("/api/v1/complaints", operator, body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("regionCode");
        assertThat(api.post("/api/v1/complaints", manager, body).status()).isEqualTo(403);
    }

    @Test
    void aComplaintIsLinkedToTheRegistryPersonAndAnOpenOneForTheSameNikAndCategoryIsFlagged() {
        String nik = TestNik.nik(KEC, LocalDate.of(1972, 3, 9), false);
        String kk = TestNik.kk(KEC, LocalDate.of(2015, 5, 5));
        String household = "{\"regionCode\":\"" + DESA + "\",\"noKk\":\"" + kk + "\",\"address\":\"Jl. Pasar 3\","
                + "\"rt\":\"001\",\"rw\":\"001\",\"members\":[{\"nik\":\"" + nik + "\",\"fullName\":\"Darmawan\","
                + "\"birthPlace\":\"Taluk\",\"birthDate\":\"1972-03-09\",\"sex\":\"L\",\"relationship\":\"KEPALA\","
                + "\"maritalStatus\":\"KAWIN\"}]}";
        Api.Response h = api.post("/api/v1/households", operator, household);
        assertThat(h.status()).as(h.body()).isEqualTo(201);
        String householdId = h.json().get("household").get("id").asString();

        JsonNode first = file(operator, "PAYMENT_PROBLEM", nik, "BPNT bulan ini tidak cair.");
        assertThat(first.get("householdId").asString()).isEqualTo(householdId);
        JsonNode second = file(operator, "PAYMENT_PROBLEM", nik, "BPNT tidak cair, datang lagi.");
        JsonNode other = file(operator, "NEED_HEALTH", nik, "Butuh BPJS PBI.");

        JsonNode view = api.get("/api/v1/complaints/" + second.get("id").asString(), operator).json();
        assertThat(view.get("possibleDuplicates")).hasSize(1);
        assertThat(view.get("possibleDuplicates").get(0).get("id").asString()).isEqualTo(first.get("id").asString());
        assertThat(api.get("/api/v1/complaints/" + other.get("id").asString(), operator).json()
                .get("possibleDuplicates")).isEmpty();
        String page = WebSession.login(port, "operator", Api.DEMO_PASSWORD).get("/complaints/" + second.get("id").asString())
                .body();
        assertThat(page).contains("id=\"duplicates\"").contains(first.get("trackingCode").asString());
    }

    @Test
    void serviceLevelsCountWorkingDaysSkippingTheWeekendANationalAndAConfiguredHoliday() {
        Api.Response holiday = api.put("/api/v1/holidays/2026-08-19", api.demoToken("admin"),
                "{\"name\":\"Cuti bersama (uji)\"}");
        assertThat(holiday.status()).as(holiday.body()).isEqualTo(200);
        assertThat(api.put("/api/v1/holidays/2026-08-20", operator, "{\"name\":\"x\"}").status()).isEqualTo(403);
        // Friday 14 August 2026, 10:00 in Jakarta; 17 August (Monday) is Independence Day.
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-08-14T03:00:00Z")));

        JsonNode health = file(operator, "NEED_HEALTH", null, "Butuh rujukan rumah sakit.");
        // Health: acknowledge in 1 working day, resolve in 5.
        assertThat(health.get("acknowledgeDue").asString()).isEqualTo("2026-08-18");
        assertThat(health.get("resolveDue").asString()).isEqualTo("2026-08-25");

        // 00:30 on Thursday 20 August in Jakarta is still Wednesday 19 (the configured holiday) in UTC:
        // the district's date counts.
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-08-19T17:30:00Z")));
        JsonNode night = file(operator, "NEED_HEALTH", null, "Butuh rujukan, tengah malam.");
        assertThat(night.get("acknowledgeDue").asString()).isEqualTo("2026-08-21");
        assertThat(night.get("resolveDue").asString()).isEqualTo("2026-08-27");
    }

    @Test
    void overdueComplaintsComeFirstAndCanBeFilteredAlone() {
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-08-14T03:00:00Z")));
        String old = file(operator, "NEED_EDUCATION", null, "Seragam sekolah.").get("trackingCode").asString();
        clock.reset();
        String fresh = file(operator, "NEED_EDUCATION", null, "Seragam sekolah lagi.").get("trackingCode").asString();

        List<String> codes = new ArrayList<>();
        api.get("/api/v1/complaints?category=NEED_EDUCATION&size=200", operator).json().get("items")
                .forEach(c -> codes.add(c.get("trackingCode").asString()));
        assertThat(codes).contains(old, fresh);
        assertThat(codes.indexOf(old)).isLessThan(codes.indexOf(fresh));

        List<String> overdue = new ArrayList<>();
        api.get("/api/v1/complaints?category=NEED_EDUCATION&overdue=true&size=200", operator).json().get("items")
                .forEach(c -> overdue.add(c.get("trackingCode").asString()));
        assertThat(overdue).contains(old).doesNotContain(fresh);

        String page = WebSession.login(port, "operator", Api.DEMO_PASSWORD)
                .get("/complaints?category=NEED_EDUCATION&overdue=true").body();
        assertThat(page).contains(old).doesNotContain(fresh).contains("table-danger");
    }

    @Test
    void scriptInTheDescriptionIsShownAsText() {
        String id = file(operator, "OTHER", null, "<script>alert('x')</script> tolong").get("id").asString();
        String page = WebSession.login(port, "operator", Api.DEMO_PASSWORD).get("/complaints/" + id).body();
        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; tolong").doesNotContain("<script>alert");
    }

    @Test
    void theOperatorFilesForAWalkInAndTakesStepsOnThePages() {
        WebSession s = WebSession.login(port, "operator", Api.DEMO_PASSWORD);
        WebSession.Page form = s.get("/complaints/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"lookup-nik\"");
        WebSession.Page filed = s.post("/complaints/new", form.csrf(), Map.of("regionCode", DESA,
                "complainantName", "Pak Karto", "category", "NEED_ID_DOCUMENTS", "type", "PERTANYAAN",
                "description", "Bagaimana mengurus akta kelahiran cucu?"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(302);
        String path = filed.location().replaceAll("^https?://[^/]+", "");
        assertThat(path).startsWith("/complaints/");

        WebSession.Page detail = s.get(path);
        assertThat(detail.body()).contains("Pak Karto").contains("id=\"do-acknowledge\"").contains("id=\"assign-form\"");
        String version = "0";
        WebSession.Page ack = s.post(path + "/acknowledge", detail.csrf(), Map.of("version", version, "note", ""));
        assertThat(ack.status()).isEqualTo(302);
        WebSession.Page after = s.get(path);
        assertThat(after.body()).contains("Ditanggapi").contains("id=\"do-start\"");

        WebSession.Page assigned = s.post(path + "/assign", after.csrf(), Map.of("assignee", "operator"));
        assertThat(assigned.status()).isEqualTo(302);
        assertThat(s.get(path).body()).containsPattern("id=\"assignee\">operator<");

        WebSession.Page pdf = s.get(path + "/receipt.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF-");

        WebSession manager = WebSession.login(port, "manajer", Api.DEMO_PASSWORD);
        assertThat(manager.get(path).status()).isEqualTo(200);
        assertThat(manager.get(path).body()).doesNotContain("id=\"do-start\"");
        assertThat(manager.get("/complaints/new").status()).isEqualTo(403);
    }
}
