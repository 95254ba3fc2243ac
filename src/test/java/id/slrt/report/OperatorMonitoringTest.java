package id.slrt.report;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import id.slrt.support.MutableClock;
import id.slrt.support.TestNik;
import id.slrt.support.WebSession;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Operator monitoring: steps per desa and per operator, return rate, and operators flagged as inactive. */
@IntegrationTest
class OperatorMonitoringTest {
    static final String KEC = "140901";
    /** Desa of kecamatan 140901 that no other test works in, so their figures are this test's alone. */
    static final String QUIET_DESA = "1409012027";
    static final String NEVER_DESA = "1409012026";
    private static final AtomicInteger SERIAL = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    Api api;

    @BeforeEach
    void setUp() {
        clock.reset();
        api = new Api(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String newUser(String role, String region) {
        String username = "mon" + role.substring(0, 3).toLowerCase() + SERIAL.incrementAndGet() + "x"
                + Long.toString(System.nanoTime() % 100000);
        Api.Response r = api.post("/api/v1/users", api.demoToken("admin"), "{\"username\":\"" + username
                + "\",\"fullName\":\"Petugas " + username + "\",\"role\":\"" + role + "\",\"regionCode\":\"" + region
                + "\",\"password\":\"Monitor-2026-pw\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return username;
    }

    /** Registers a family of two in the desa and returns the household id. */
    String family(String token, String desa) {
        String kec = desa.substring(0, 6);
        int n = SERIAL.incrementAndGet();
        LocalDate head = LocalDate.of(1970, 1, 1 + n % 27);
        LocalDate wife = LocalDate.of(1974, 5, 1 + n % 27);
        String body = "{\"regionCode\":\"" + desa + "\",\"noKk\":\"" + TestNik.kk(kec, LocalDate.of(2015, 3, 1 + n % 27))
                + "\",\"address\":\"Jl. Pemantauan " + n + "\",\"rt\":\"001\",\"rw\":\"002\",\"members\":["
                + member(TestNik.nik(kec, head, false), "Darmawan", head.toString(), "L", "KEPALA") + ","
                + member(TestNik.nik(kec, wife, true), "Yusnidar", wife.toString(), "P", "ISTRI_SUAMI") + "]}";
        Api.Response r = api.post("/api/v1/households", token, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("household").get("id").asString();
    }

    static String member(String nik, String name, String birth, String sex, String rel) {
        return "{\"nik\":\"" + nik + "\",\"fullName\":\"" + name + "\",\"birthPlace\":\"Teluk Kuantan\",\"birthDate\":\""
                + birth + "\",\"sex\":\"" + sex + "\",\"relationship\":\"" + rel + "\",\"maritalStatus\":\"KAWIN\"}";
    }

    /** A correction of the household's address, drafted; returns the request id. */
    String draft(String token, String householdId) {
        Api.Response r = api.post("/api/v1/change-requests", token, "{\"kind\":\"CORRECT\",\"householdId\":\""
                + householdId + "\",\"proposed\":{\"household.address\":\"Jl. Baru " + SERIAL.incrementAndGet()
                + "\"},\"reason\":\"Alamat pindah RT\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    void step(String token, String id, String step, String body) {
        Api.Response r = api.post("/api/v1/change-requests/" + id + "/" + step, token, body);
        assertThat(r.status()).as(step + " " + r.body()).isEqualTo(200);
    }

    JsonNode monitoring(String token, String query) {
        Api.Response r = api.get("/api/v1/updating/monitoring" + query, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static JsonNode operator(JsonNode report, String username) {
        for (JsonNode o : report.get("operators")) {
            if (o.get("username").asString().equals(username)) {
                return o;
            }
        }
        return null;
    }

    static JsonNode desa(JsonNode report, String code) {
        for (JsonNode d : report.get("desa")) {
            if (d.get("regionCode").asString().equals(code)) {
                return d;
            }
        }
        return null;
    }

    static List<String> usernames(JsonNode report) {
        List<String> names = new ArrayList<>();
        report.get("operators").forEach(o -> names.add(o.get("username").asString()));
        return names;
    }

    @Test
    void countsEachStepPerOperatorAndPerDesaWithTheDesaReturnRate() {
        String maker = newUser("OPERATOR_DESA", QUIET_DESA);
        String token = api.token(maker, "Monitor-2026-pw");
        String supervisor = api.demoToken("supervisor");
        String slrt = api.demoToken("slrt");
        String a = family(token, QUIET_DESA);
        String b = family(token, QUIET_DESA);
        String applied1 = draft(token, a);
        String applied2 = draft(token, b);
        String rejected = draft(token, a);
        String returned = draft(token, b);
        String draftOnly = draft(token, a);
        for (String id : List.of(applied1, applied2, rejected, returned)) {
            step(token, id, "submit", "{}");
        }
        step(supervisor, applied1, "verify", "{}");
        step(supervisor, applied2, "verify", "{}");
        step(supervisor, rejected, "verify", "{}");
        step(supervisor, returned, "return", "{\"reasons\":{\"household.address\":\"RT tidak sesuai KK\"}}");
        step(slrt, applied1, "apply", "{}");
        step(slrt, applied2, "apply", "{}");
        step(slrt, rejected, "reject", "{\"note\":\"Sudah diusulkan oleh desa lain\"}");
        assertThat(draftOnly).isNotBlank();

        JsonNode report = monitoring(supervisor, "");
        assertThat(report.get("regionCode").asString()).isEqualTo(KEC);
        assertThat(report.get("days").asInt()).isEqualTo(30);
        JsonNode o = operator(report, maker);
        assertThat(o).as("the new operator is listed").isNotNull();
        assertThat(List.of(o.get("submitted").asLong(), o.get("returned").asLong(), o.get("verified").asLong(),
                o.get("applied").asLong(), o.get("rejected").asLong())).containsExactly(4L, 1L, 3L, 2L, 1L);
        assertThat(o.get("returnRate").asDouble()).isEqualTo(0.25);
        assertThat(o.get("inactive").asBoolean()).isFalse();
        assertThat(o.get("lastActivity").isNull()).isFalse();

        JsonNode d = desa(report, QUIET_DESA);
        assertThat(List.of(d.get("submitted").asLong(), d.get("returned").asLong(), d.get("verified").asLong(),
                d.get("applied").asLong(), d.get("rejected").asLong())).containsExactly(4L, 1L, 3L, 2L, 1L);
        assertThat(d.get("returnRate").asDouble()).isEqualTo(0.25);
        assertThat(d.get("operators").asInt()).isEqualTo(1);
        JsonNode idle = desa(report, "1409012025");
        assertThat(idle.get("submitted").asLong()).isZero();
        assertThat(idle.has("returnRate")).as("no rate without submissions").isFalse();

        // Sorted by return rate, highest first: the quiet desa comes before the ones with nothing submitted.
        JsonNode sorted = monitoring(supervisor, "?desaSort=-returnRate");
        List<String> order = new ArrayList<>();
        sorted.get("desa").forEach(x -> order.add(x.get("regionCode").asString()));
        assertThat(order.indexOf(QUIET_DESA)).isLessThan(order.indexOf("1409012025"));

        // A period that ends before anything happened counts nothing... there is none shorter than a day, so
        // move the clock: after 31 days the default period no longer holds the steps, a longer one does.
        clock.advance(Duration.ofDays(31));
        JsonNode later = monitoring(api.demoToken("supervisor"), "");
        assertThat(operator(later, maker).get("submitted").asLong()).isZero();
        assertThat(operator(monitoring(api.demoToken("supervisor"), "?days=40"), maker).get("submitted").asLong())
                .isEqualTo(4);
    }

    @Test
    void aSupervisorSeesOnlyTheOperatorsAndDesaOfTheirKecamatan() {
        String maker = newUser("OPERATOR_DESA", QUIET_DESA);
        String operator2 = api.demoToken("operator2");
        draft(operator2, family(operator2, "1409021016"));

        JsonNode mine = monitoring(api.demoToken("supervisor"), "?region=140902");
        assertThat(mine.get("regionCode").asString()).as("a region outside the scope is ignored").isEqualTo(KEC);
        assertThat(usernames(mine)).contains(maker, "operator", "fasilitator").doesNotContain("operator2");
        assertThat(mine.get("desa").findValuesAsString("regionCode")).allMatch(c -> c.startsWith(KEC));

        JsonNode other = monitoring(api.demoToken("supervisor2"), "");
        assertThat(usernames(other)).contains("operator2").doesNotContain(maker, "operator", "fasilitator");
        assertThat(desa(other, QUIET_DESA)).isNull();
        assertThat(desa(other, "1409021016")).isNotNull();

        JsonNode district = monitoring(api.demoToken("manajer"), "?region=140902");
        assertThat(usernames(district)).contains("operator2").doesNotContain("operator");
        assertThat(usernames(monitoring(api.demoToken("slrt"), ""))).contains("operator", "operator2", maker);

        assertThat(api.get("/api/v1/updating/monitoring", api.demoToken("operator")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/updating/monitoring", api.demoToken("admin")).status()).isEqualTo(403);
    }

    @Test
    void operatorsWithoutActivityForNDaysAreFlaggedIncludingOnesWhoNeverActed() {
        String never = newUser("OPERATOR_DESA", NEVER_DESA);
        String operator = api.demoToken("operator");
        String operator2 = api.demoToken("operator2");
        String fasilitator = api.demoToken("fasilitator");
        draft(operator, family(operator, "1409011012"));
        draft(operator2, family(operator2, "1409021016"));
        draft(fasilitator, family(fasilitator, "1409011012"));

        JsonNode now = monitoring(api.demoToken("supervisor"), "");
        int days = now.get("inactiveDays").asInt();
        assertThat(days).isEqualTo(14);
        assertThat(operator(now, "operator").get("inactive").asBoolean()).isFalse();
        assertThat(operator(now, "fasilitator").get("inactive").asBoolean()).isFalse();
        assertThat(operator(now, never).get("inactive").asBoolean()).as("a new account gets the grace period").isFalse();
        assertThat(operator(now, never).has("lastActivity")).isFalse();

        clock.advance(Duration.ofDays(days + 1));
        String supervisor = api.demoToken("supervisor");
        JsonNode later = monitoring(supervisor, "");
        assertThat(operator(later, "operator").get("inactive").asBoolean()).isTrue();
        // days + 1 less the rounding of the stored time to microseconds
        assertThat(operator(later, "operator").get("daysInactive").asLong()).isBetween((long) days, days + 1L);
        assertThat(operator(later, "fasilitator").get("inactive").asBoolean()).isTrue();
        assertThat(operator(later, never).get("inactive").asBoolean()).isTrue();
        assertThat(later.get("inactiveCount").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(operator(monitoring(api.demoToken("supervisor2"), ""), "operator2").get("inactive").asBoolean())
                .isTrue();
        assertThat(desa(later, NEVER_DESA).get("inactiveOperators").asInt()).isEqualTo(1);

        // One step makes an operator active again.
        String fresh = api.demoToken("operator");
        draft(fresh, family(fresh, "1409011012"));
        JsonNode after = monitoring(api.demoToken("supervisor"), "");
        assertThat(operator(after, "operator").get("inactive").asBoolean()).isFalse();
        assertThat(after.get("inactiveCount").asLong()).isEqualTo(later.get("inactiveCount").asLong() - 1);

        // The supervisor's home page counts them and links to the monitoring page, which flags them.
        WebSession web = WebSession.login(port, "supervisor", Api.DEMO_PASSWORD);
        String home = web.get("/").body();
        Matcher count = Pattern.compile("id=\"inactive-operators-count\">(\\d+)<").matcher(home);
        assertThat(count.find()).as(home).isTrue();
        assertThat(Long.parseLong(count.group(1))).isEqualTo(after.get("inactiveCount").asLong());
        assertThat(home).contains("href=\"/updates/monitoring?osort=inactive\"");
        WebSession.Page page = web.get("/updates/monitoring");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"operator-" + never + "\"").contains("inactive-badge")
                .contains("id=\"desa-" + NEVER_DESA + "\"").doesNotContain("id=\"operator-operator2\"");
        assertThat(WebSession.login(port, "manajer", Api.DEMO_PASSWORD).get("/").body())
                .contains("id=\"inactive-operators-count\"");
        assertThat(WebSession.login(port, "operator", Api.DEMO_PASSWORD).get("/updates/monitoring").status())
                .isEqualTo(403);
    }
}
