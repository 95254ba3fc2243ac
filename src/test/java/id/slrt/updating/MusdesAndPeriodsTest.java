package id.slrt.updating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.slrt.notify.Notifications;
import id.slrt.notify.OutboxMessage;
import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import id.slrt.support.MutableClock;
import id.slrt.support.TestNik;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Deliberations group a desa's requests and submit them together; update periods bound deadlines and
 * close desa submissions; overdue requests remind whoever must act, once a day. Tests that need a
 * period move the shared clock decades ahead (each to its own year) so their period never covers
 * the days other tests run in, and put it back afterwards.
 */
@IntegrationTest
class MusdesAndPeriodsTest {
    static final String DESA = "1409011012";
    static final String KEC = "140901";
    static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    UpdatingReminders reminders;
    @Autowired
    Notifications notifications;
    @Autowired
    id.slrt.platform.Scopes scopes;

    Api api;
    String operator;
    String supervisor;
    String slrt;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        logIn();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Tokens expire by the clock: take fresh ones after moving it. */
    void logIn() {
        operator = api.demoToken("operator");
        supervisor = api.demoToken("supervisor");
        slrt = api.demoToken("slrt");
    }

    void moveToYearsAhead(int years) {
        clock.advance(Duration.ofDays(365L * years));
        logIn();
    }

    LocalDate today() {
        return clock.instant().atZone(ZONE).toLocalDate();
    }

    JsonNode musdes(String token, LocalDate heldOn) {
        Api.Response r = api.post("/api/v1/musdes", token, "{\"kind\":\"MUSDES\",\"heldOn\":\"" + heldOn
                + "\",\"place\":\"Balai Desa\",\"attendanceCount\":42,\"chairedBy\":\"Kepala Desa Syahrul\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    String household() {
        String body = "{\"regionCode\":\"" + DESA + "\",\"noKk\":\"" + TestNik.kk(KEC, LocalDate.of(2015, 3, 4))
                + "\",\"address\":\"Jl. Pahlawan 3\",\"rt\":\"001\",\"rw\":\"002\",\"members\":["
                + UpdatingWorkflowTest.member(TestNik.nik(KEC, LocalDate.of(1970, 5, 6), false), "Jamaluddin",
                "1970-05-06", "L", "KEPALA") + "]}";
        Api.Response r = api.post("/api/v1/households", operator, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("household").get("id").asString();
    }

    Api.Response draft(String householdId, String kind, String proposed, String musdesId) {
        return api.post("/api/v1/change-requests", operator, "{\"kind\":\"" + kind + "\",\"householdId\":\""
                + householdId + "\",\"proposed\":" + proposed + ",\"reason\":\"Hasil musdes\",\"musdesId\":"
                + (musdesId == null ? "null" : "\"" + musdesId + "\"") + "}");
    }

    String draftedCorrection(String musdesId) {
        Api.Response r = draft(household(), "CORRECT", "{\"household.address\":\"Jl. Pahlawan 30\"}", musdesId);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    JsonNode request(String id) {
        return api.get("/api/v1/change-requests/" + id, slrt).json().get("request");
    }

    Api.Response step(String token, String id, String step, String body) {
        return api.post("/api/v1/change-requests/" + id + "/" + step, token, body);
    }

    JsonNode period(LocalDate opens, LocalDate desa, LocalDate kecamatan, LocalDate district, String name) {
        Api.Response r = api.post("/api/v1/update-periods", slrt, "{\"name\":\"" + name + "\",\"opensOn\":\"" + opens
                + "\",\"desaCutoff\":\"" + desa + "\",\"kecamatanCutoff\":\"" + kecamatan + "\",\"districtCutoff\":\""
                + district + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    List<OutboxMessage> outbox(String prefix) {
        return scopes.asDistrict(() -> notifications.byDedupPrefix(prefix));
    }

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    int uploadMinutes(String token, String musdesId, byte[] content, String name) throws Exception {
        String boundary = "----slrt" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/musdes/"
                        + musdesId + "/minutes"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    // --- musdes ---------------------------------------------------------------------------------

    @Test
    void aDeliberationIsRecordedWithItsMinutesFile() throws Exception {
        JsonNode m = musdes(operator, today().minusDays(2));
        String id = m.get("id").asString();
        assertThat(m.get("regionCode").asString()).as("defaults to the operator's desa").isEqualTo(DESA);

        assertThat(uploadMinutes(operator, id, PDF, "berita-acara-musdes.pdf")).isEqualTo(200);
        JsonNode stored = api.get("/api/v1/musdes/" + id, supervisor).json().get("musdes");
        assertThat(stored.get("minutesName").asString()).isEqualTo("berita-acara-musdes.pdf");
        assertThat(stored.get("minutesType").asString()).isEqualTo("application/pdf");
        assertThat(stored.get("minutesSha256").asString()).hasSize(64);
        Api.Response file = api.get("/api/v1/musdes/" + id + "/minutes", supervisor);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).startsWith("%PDF-1.4");

        assertThat(uploadMinutes(operator, id, "not a pdf at all".getBytes(StandardCharsets.UTF_8), "x.pdf"))
                .as("a file that is not a PDF or photo is refused").isEqualTo(415);
    }

    @Test
    void requestsGroupedUnderADeliberationAreSubmittedTogetherEachCheckedOnItsOwn() {
        String musdesId = musdes(operator, today().minusDays(1)).get("id").asString();
        String good = draftedCorrection(musdesId);
        Api.Response bad = draft(household(), "ADD_MEMBER", "{\"new.0.nik\":\"14090150012500O1\",\"new.0.fullName\":\"Putri\","
                + "\"new.0.birthPlace\":\"Teluk Kuantan\",\"new.0.birthDate\":\"2025-01-10\",\"new.0.sex\":\"P\","
                + "\"new.0.relationship\":\"ANAK\",\"new.0.maritalStatus\":\"BELUM_KAWIN\"}", musdesId);
        assertThat(bad.status()).as(bad.body()).isEqualTo(201);
        String badId = bad.json().get("id").asString();

        JsonNode view = api.get("/api/v1/musdes/" + musdesId, operator).json();
        assertThat(view.get("requests").findValuesAsString("id")).containsExactly(good, badId);

        Api.Response submitted = api.post("/api/v1/musdes/" + musdesId + "/submit-requests", operator, "{}");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        JsonNode results = submitted.json();
        assertThat(results).hasSize(2);
        assertThat(results.get(0).get("id").asString()).isEqualTo(good);
        assertThat(results.get(0).get("done").asBoolean()).isTrue();
        assertThat(results.get(1).get("id").asString()).isEqualTo(badId);
        assertThat(results.get(1).get("done").asBoolean()).isFalse();
        assertThat(results.get(1).get("messageCode").asString()).isEqualTo("updating.has-errors");
        assertThat(request(good).get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(request(badId).get("status").asString()).as("the one with errors stays a draft").isEqualTo("DRAFT");

        JsonNode again = api.post("/api/v1/musdes/" + musdesId + "/submit-requests", operator, "{}").json();
        assertThat(again.findValuesAsString("id")).as("only drafts are submitted").containsExactly(badId);
    }

    @Test
    void anOperatorOfAnotherDesaCannotSeeTheDeliberation() {
        String id = musdes(operator, today().minusDays(3)).get("id").asString();
        String other = api.demoToken("operator2");
        assertThat(api.get("/api/v1/musdes/" + id, other).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/musdes/" + id + "/submit-requests", other, "{}").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/musdes?size=200", other).json().get("items").findValuesAsString("id"))
                .doesNotContain(id);
        assertThat(api.get("/api/v1/musdes/" + id, supervisor).status()).as("the kecamatan's supervisor reads it")
                .isEqualTo(200);
        assertThat(api.get("/api/v1/musdes/" + id, api.demoToken("supervisor2")).status()).isEqualTo(404);
    }

    @Test
    void aDeliberationInTheFutureIsRefused() {
        Api.Response future = api.post("/api/v1/musdes", operator, "{\"kind\":\"MUSDES\",\"heldOn\":\""
                + today().plusDays(1) + "\",\"place\":\"Balai Desa\",\"attendanceCount\":10,\"chairedBy\":\"Kades\"}");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").findValuesAsString("field")).containsExactly("heldOn");

        // Recorded while the clock stood ten days ahead, the deliberation lies in today's future.
        clock.advance(Duration.ofDays(10));
        String ahead = musdes(api.demoToken("operator"), today()).get("id").asString();
        clock.reset();
        Api.Response grouped = draft(household(), "CORRECT", "{\"household.rt\":\"004\"}", ahead);
        assertThat(grouped.status()).as(grouped.body()).isEqualTo(400);
        assertThat(grouped.json().get("errors").get(0).get("code").asString()).isEqualTo("updating.musdes.future");
    }

    @Test
    void aRequestIsGroupedOnlyUnderADeliberationOfItsOwnDesa() {
        String musdesId = musdes(operator, today()).get("id").asString();
        String op2 = api.demoToken("operator2");
        String body = "{\"regionCode\":\"1409021016\",\"noKk\":\"" + TestNik.kk("140902", LocalDate.of(2015, 3, 4))
                + "\",\"address\":\"Jl. Lain 1\",\"rt\":\"001\",\"rw\":\"001\",\"members\":["
                + UpdatingWorkflowTest.member(TestNik.nik("140902", LocalDate.of(1971, 5, 6), false), "Kamaruddin",
                "1971-05-06", "L", "KEPALA") + "]}";
        String otherHousehold = api.post("/api/v1/households", op2, body).json().get("household").get("id").asString();
        Api.Response r = api.post("/api/v1/change-requests", slrt, "{\"kind\":\"CORRECT\",\"householdId\":\""
                + otherHousehold + "\",\"proposed\":{\"household.rt\":\"002\"},\"reason\":\"Salah RT\",\"musdesId\":\""
                + musdesId + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("code").asString()).isEqualTo("updating.musdes.other-desa");
    }

    // --- periods --------------------------------------------------------------------------------

    @Test
    void thePeriodCutOffShortensTheDueDateAndDraftMakersGetADigest() {
        moveToYearsAhead(60);
        LocalDate today = today();
        JsonNode p = period(today.minusDays(1), today.plusDays(2), today.plusDays(3), today.plusDays(30),
                "Pemutakhiran Uji Tenggat");
        JsonNode active = api.get("/api/v1/update-periods/active", operator).json();
        assertThat(active.get("period").get("id").asString()).isEqualTo(p.get("id").asString());
        assertThat(active.get("daysToDesa").asLong()).isEqualTo(2);

        String id = draftedCorrection(null);
        Instant submittedAt = clock.instant();
        assertThat(step(operator, id, "submit", "{}").status()).isEqualTo(200);
        Instant kecamatanCutoffEnd = today.plusDays(3).atTime(LocalTime.of(23, 59, 59)).atZone(ZONE).toInstant();
        assertThat(Instant.parse(request(id).get("dueAt").asString()))
                .as("three days to the kecamatan cut-off, not seven").isEqualTo(kecamatanCutoffEnd);

        assertThat(step(supervisor, id, "verify", "{}").status()).isEqualTo(200);
        assertThat(Instant.parse(request(id).get("dueAt").asString()))
                .as("the district cut-off is further than seven days").isCloseTo(submittedAt.plus(Duration.ofDays(7)), within(1, ChronoUnit.MILLIS));

        draftedCorrection(null);
        reminders.queueReminders();
        List<OutboxMessage> digests = outbox("updating:cutoff:" + p.get("id").asString() + ":" + today + ":operator");
        assertThat(digests).hasSize(1);
        assertThat(digests.get(0).subject()).contains("Pemutakhiran Uji Tenggat").contains("2 hari");
        assertThat(digests.get(0).status()).as("queued now, sent later by the outbox sender").isEqualTo("PENDING");
    }

    @Test
    void submittingAfterTheDesaCutOffIsRefusedInBothLanguages() {
        moveToYearsAhead(61);
        LocalDate today = today();
        period(today.minusDays(10), today.minusDays(1), today.plusDays(5), today.plusDays(10), "Pemutakhiran Uji Tutup");
        String id = draftedCorrection(null);

        Api.Response refused = step(operator, id, "submit", "{}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:slrt:problem:updating-cutoff-passed");
        assertThat(refused.json().get("detail").asString()).contains("Pemutakhiran Uji Tutup").contains("sudah lewat");
        Api.Response english = api.post("/api/v1/change-requests/" + id + "/submit", operator, "{}", "en");
        assertThat(english.json().get("detail").asString()).contains("cut-off").contains("has passed");
        assertThat(request(id).get("status").asString()).isEqualTo("DRAFT");

        Api.Response overlapping = api.post("/api/v1/update-periods", slrt, "{\"name\":\"Tumpang\",\"opensOn\":\""
                + today + "\",\"desaCutoff\":\"" + today.plusDays(1) + "\",\"kecamatanCutoff\":\"" + today.plusDays(2)
                + "\",\"districtCutoff\":\"" + today.plusDays(40) + "\"}");
        assertThat(overlapping.status()).as("periods never overlap").isEqualTo(409);
        assertThat(api.post("/api/v1/update-periods", operator, "{}").status()).as("a desa operator sets no period")
                .isEqualTo(403);
    }

    @Test
    void submittingWithoutAnActivePeriodIsAllowed() {
        moveToYearsAhead(64);
        String id = draftedCorrection(null);
        assertThat(api.get("/api/v1/update-periods/active", operator).status()).isEqualTo(404);
        assertThat(step(operator, id, "submit", "{}").status()).isEqualTo(200);
        assertThat(Instant.parse(request(id).get("dueAt").asString()))
                .isCloseTo(clock.instant().plus(Duration.ofDays(7)), within(1, ChronoUnit.MILLIS));
    }

    // --- reminders ------------------------------------------------------------------------------

    @Test
    void overdueRequestsRemindWhoeverMustActOncePerDay() {
        moveToYearsAhead(62);
        String submitted = draftedCorrection(null);
        step(operator, submitted, "submit", "{}");
        String verified = draftedCorrection(null);
        step(operator, verified, "submit", "{}");
        step(supervisor, verified, "verify", "{}");
        String returned = draftedCorrection(null);
        step(operator, returned, "submit", "{}");
        step(supervisor, returned, "return", "{\"reasons\":{\"\":\"Lampirkan KK\"}}");

        clock.advance(Duration.ofDays(8));
        logIn();
        Map<String, List<String>> waiting = reminders.overdueNumbersByRecipient();
        String submittedNumber = request(submitted).get("number").asString();
        String verifiedNumber = request(verified).get("number").asString();
        String returnedNumber = request(returned).get("number").asString();
        assertThat(waiting.get("supervisor")).contains(submittedNumber).doesNotContain(verifiedNumber, returnedNumber);
        assertThat(waiting.getOrDefault("supervisor2", List.of())).doesNotContain(submittedNumber);
        assertThat(waiting.get("slrt")).contains(verifiedNumber).doesNotContain(submittedNumber, returnedNumber);
        assertThat(waiting.get("operator")).contains(returnedNumber).doesNotContain(submittedNumber, verifiedNumber);

        reminders.queueReminders();
        reminders.queueReminders();
        assertThat(messagesTo("operator")).as("one message a day, whatever the number of requests").hasSize(1);
        OutboxMessage toMaker = messagesTo("operator").get(0);
        assertThat(toMaker.subject()).contains(String.valueOf(waiting.get("operator").size()));
        assertThat(toMaker.body()).contains(waiting.get("operator").get(0));
        assertThat(messagesTo("supervisor")).hasSize(1);
        assertThat(messagesTo("slrt")).hasSize(1);

        clock.advance(Duration.ofDays(1));
        reminders.queueReminders();
        assertThat(messagesTo("operator")).as("the next day, the day's message").hasSize(1);
    }

    /** The overdue messages queued to a user today (district date). */
    List<OutboxMessage> messagesTo(String username) {
        String today = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Jakarta"))).toString();
        return outbox("updating:overdue:" + today + ":" + username);
    }

    @Test
    void nothingIsQueuedForRequestsThatAreNotOverdue() {
        moveToYearsAhead(63);
        String id = draftedCorrection(null);
        step(operator, id, "submit", "{}");
        String number = request(id).get("number").asString();
        clock.advance(Duration.ofDays(6));
        assertThat(reminders.overdueNumbersByRecipient().values()).noneMatch(list -> list.contains(number));
    }
}
