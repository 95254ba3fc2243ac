package id.slrt.report;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import id.slrt.support.MutableClock;
import id.slrt.support.WebSession;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The manager's oversight of complaints and referrals (issue 6, item 6). The complaints are filed on a day
 * no other test uses, so the period's figures are exactly this test's.
 */
@IntegrationTest
class ComplaintOversightTest {
    static final String DESA = "1409011012";
    static final LocalDate DAY = LocalDate.of(2033, 7, 14);
    static final String PERIOD = "from=2033-07-14&to=2033-07-14";

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    Api api;
    String operator;
    String slrt;
    String manager;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        operator = api.demoToken("operator");
        slrt = api.demoToken("slrt");
        manager = api.demoToken("manajer");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Tokens are issued at the test clock's time: one made before it moved to 2033 has expired there. */
    void tokens() {
        operator = api.demoToken("operator");
        slrt = api.demoToken("slrt");
        manager = api.demoToken("manajer");
    }

    String file(String category) {
        Api.Response r = api.post("/api/v1/complaints", operator, "{\"regionCode\":\"" + DESA
                + "\",\"complainantName\":\"Rukiah Nasution\",\"category\":\"" + category
                + "\",\"type\":\"PENGADUAN\",\"description\":\"Beras bantuan tidak datang bulan ini.\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    void step(String id, String step) {
        Api.Response r = api.post("/api/v1/complaints/" + id + "/" + step, operator, "{\"note\":\"Sudah ditangani\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    static JsonNode category(JsonNode figures, String name) {
        return figures.get("categories").valueStream().filter(c -> c.get("category").asString().equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void perCategoryAndPerAgencyTheManagerSeesCountsAndTheMedianTimeToResolve() {
        clock.set(DAY.atTime(LocalTime.of(9, 0)).atZone(ZoneId.of("Asia/Jakarta")).toInstant());
        tokens();
        String first = file("NEED_FOOD");
        String second = file("NEED_FOOD");
        String third = file("NEED_FOOD");
        String referred = file("NEED_ID_DOCUMENTS");
        file("OTHER");
        Api.Response waiting = api.post("/api/v1/referrals", slrt, "{\"complaintId\":\"" + file("NEED_HEALTH")
                + "\",\"agencyCode\":\"DINKES\",\"requestedAction\":\"Mohon pemeriksaan lanjutan.\"}");
        assertThat(waiting.status()).as(waiting.body()).isEqualTo(201);
        Api.Response referral = api.post("/api/v1/referrals", slrt, "{\"complaintId\":\"" + referred
                + "\",\"agencyCode\":\"DUKCAPIL\",\"requestedAction\":\"Mohon diterbitkan KTP-el.\"}");
        assertThat(referral.status()).as(referral.body()).isEqualTo(201);
        String referralId = referral.json().get("id").asString();

        clock.advance(Duration.ofDays(1));
        tokens();
        assertThat(api.post("/api/v1/referrals/" + referralId + "/accept", slrt, "{\"note\":null}").status()).isEqualTo(200);
        Api.Response done = api.post("/api/v1/referrals/" + referralId + "/complete", slrt,
                "{\"outcome\":\"RESOLVED\",\"note\":\"KTP-el sudah dicetak\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        clock.advance(Duration.ofDays(1));
        tokens();
        step(first, "acknowledge");
        step(first, "resolve");
        clock.advance(Duration.ofDays(2));
        tokens();
        step(second, "acknowledge");
        step(second, "resolve");

        JsonNode figures = api.get("/api/v1/reports/complaints?" + PERIOD, manager).json();
        JsonNode food = category(figures, "NEED_FOOD");
        assertThat(food.get("filed").asLong()).isEqualTo(3);
        assertThat(food.get("resolved").asLong()).isEqualTo(2);
        assertThat(food.get("medianDaysToResolve").asDouble()).isEqualTo(3.0);
        assertThat(food.get("open").asLong()).as("the third is still open").isGreaterThanOrEqualTo(1);
        JsonNode ids = category(figures, "NEED_ID_DOCUMENTS");
        assertThat(ids.get("filed").asLong()).isEqualTo(1);
        assertThat(ids.get("resolved").asLong()).as("resolved by the agency's outcome").isEqualTo(1);
        assertThat(ids.get("medianDaysToResolve").asDouble()).isEqualTo(1.0);
        assertThat(figures.get("totals").get("filed").asLong()).isEqualTo(6);
        assertThat(category(figures, "OTHER").get("filed").asLong()).isEqualTo(1);
        assertThat(category(figures, "OTHER").hasNonNull("medianDaysToResolve"))
                .as("no median where nothing was resolved").isFalse();

        JsonNode dukcapil = figures.get("agencies").valueStream()
                .filter(a -> a.get("agencyCode").asString().equals("DUKCAPIL")).findFirst().orElseThrow();
        assertThat(dukcapil.get("referred").asLong()).isEqualTo(1);
        assertThat(dukcapil.get("completed").asLong()).isEqualTo(1);
        assertThat(dukcapil.get("resolved").asLong()).isEqualTo(1);
        assertThat(dukcapil.get("medianDaysToComplete").asDouble()).isEqualTo(1.0);
        JsonNode dinkes = figures.get("agencies").valueStream()
                .filter(a -> a.get("agencyCode").asString().equals("DINKES")).findFirst().orElseThrow();
        assertThat(dinkes.get("referred").asLong()).isEqualTo(1);
        assertThat(dinkes.get("completed").asLong()).isZero();
        assertThat(dinkes.hasNonNull("medianDaysToComplete")).as("no median without an outcome").isFalse();
        assertThat(figures.toString()).as("counts only, nobody's name").doesNotContain("Rukiah");

        JsonNode otherKecamatan = api.get("/api/v1/reports/complaints?" + PERIOD, api.demoToken("supervisor2")).json();
        assertThat(otherKecamatan.get("totals").get("filed").asLong()).as("scoped like every read").isZero();
        assertThat(category(api.get("/api/v1/reports/complaints?" + PERIOD, api.demoToken("supervisor")).json(),
                "NEED_FOOD").get("filed").asLong()).isEqualTo(3);
    }

    @Test
    void thePageIsForThoseWhoWatchAndAReversedPeriodIsExplained() {
        assertThat(api.get("/api/v1/reports/complaints", operator).status()).isEqualTo(403);
        Api.Response reversed = api.get("/api/v1/reports/complaints?from=2033-07-14&to=2033-07-01", manager);
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().get("errors").get(0).get("field").asString()).isEqualTo("from");

        WebSession s = WebSession.login(port, "manajer", Api.DEMO_PASSWORD);
        WebSession.Page page = s.get("/reports/complaints");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"category-NEED_FOOD\"").contains("id=\"total-overdue\"");
        WebSession.Page bad = s.get("/reports/complaints?from=2033-07-14&to=2033-07-01");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("id=\"period-error\"").contains("Tanggal awal harus sebelum");
        assertThat(s.get("/").body()).contains("id=\"complaint-overdue-count\"");
        assertThat(WebSession.login(port, "operator", Api.DEMO_PASSWORD).get("/reports/complaints").status())
                .isEqualTo(403);
    }

    @Test
    void theComplaintListFiltersByHandler() {
        Api.Response r = api.post("/api/v1/complaints", operator, "{\"regionCode\":\"" + DESA
                + "\",\"complainantName\":\"Rukiah Nasution\",\"category\":\"NEED_HOUSING\","
                + "\"type\":\"PENGADUAN\",\"description\":\"Atap rumah bocor.\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asString();
        String code = r.json().get("trackingCode").asString();
        Api.Response moved = api.post("/api/v1/complaints/" + id + "/assign", slrt, "{\"assignee\":\"slrt\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        WebSession s = WebSession.login(port, "manajer", Api.DEMO_PASSWORD);
        WebSession.Page bySlrt = s.get("/complaints?category=NEED_HOUSING&assignee=slrt&size=200");
        assertThat(bySlrt.body()).contains(code).contains("<option value=\"slrt\" selected");
        assertThat(s.get("/complaints?category=NEED_HOUSING&assignee=operator&size=200").body()).doesNotContain(code);
    }
}
