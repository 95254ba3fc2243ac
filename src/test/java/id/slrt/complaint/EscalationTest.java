package id.slrt.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.access.Role;
import id.slrt.access.UserContact;
import id.slrt.access.UserService;
import id.slrt.notify.Notifications;
import id.slrt.notify.OutboxMessage;
import id.slrt.platform.Scopes;
import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import id.slrt.support.MutableClock;
import id.slrt.support.WebSession;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Escalation of overdue complaints over a weekend and a holiday: Thursday 13 August 2026 filed (health need:
 * acknowledge within 1 working day, so by Friday 14), Saturday 15 to the kecamatan's supervisor, Monday 17 is
 * Independence Day, so two working days later is Wednesday 19, when it goes to the manager. Each level once,
 * however often the job runs.
 */
@IntegrationTest
class EscalationTest {
    static final String DESA = "1409011012";
    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    ComplaintEscalations escalations;
    @Autowired
    Notifications notifications;
    @Autowired
    Scopes scopes;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    UserService users;
    Api api;
    String operator;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        operator = api.demoToken("operator");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    void at(int day, int hour) {
        clock.set(LocalDate.of(2026, 8, day).atTime(LocalTime.of(hour, 0)).atZone(JAKARTA).toInstant());
    }

    String file(String category) {
        Api.Response r = api.post("/api/v1/complaints", operator, "{\"regionCode\":\"" + DESA
                + "\",\"complainantName\":\"Mbah Sumi\",\"complainantPhone\":\"081366667777\",\"category\":\""
                + category + "\",\"type\":\"PENGADUAN\",\"description\":\"Butuh berobat, tidak punya BPJS.\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    JsonNode complaint(String id) {
        return api.get("/api/v1/complaints/" + id, operator).json();
    }

    long escalatedEvents(String id) {
        return complaint(id).get("events").valueStream().filter(e -> e.get("action").asString().equals("ESCALATED"))
                .count();
    }

    List<OutboxMessage> escalationMessages(String id, int level) {
        return scopes.asDistrict(() -> tx.execute(s -> notifications.byDedupPrefix(
                "complaint:" + id + ":escalation:" + level + ":")));
    }

    /** Enabled users of a role covering the desa (other tests add users to the shared database). */
    List<String> covering(Role role) {
        return scopes.asDistrict(() -> tx.execute(s -> users.contactsCovering(role, DESA).stream()
                .map(UserContact::username).toList()));
    }

    long auditedEscalations(String id) {
        List<String> actions = new ArrayList<>();
        api.get("/api/v1/audit?entityId=" + id + "&size=100", api.demoToken("admin")).json().get("items")
                .forEach(a -> actions.add(a.get("action").asString()));
        return actions.stream().filter("COMPLAINT_ESCALATED"::equals).count();
    }

    @Test
    void anUnacknowledgedComplaintGoesToTheSupervisorOnceThenAfterTwoWorkingDaysToTheManagerOnce() {
        at(13, 10);
        String id = file("NEED_HEALTH");
        JsonNode filed = complaint(id).get("complaint");
        assertThat(filed.get("acknowledgeDue").asString()).isEqualTo("2026-08-14");
        assertThat(filed.get("resolveDue").asString()).as("Monday 17 is a holiday").isEqualTo("2026-08-21");

        at(14, 16);
        escalations.escalateOverdue();
        assertThat(escalatedEvents(id)).as("due today is not overdue yet").isZero();

        at(15, 9);
        escalations.escalateOverdue();
        escalations.escalateOverdue();
        JsonNode level1 = complaint(id).get("complaint");
        assertThat(level1.get("escalationLevel").asInt()).isEqualTo(1);
        assertThat(escalatedEvents(id)).isEqualTo(1);
        assertThat(auditedEscalations(id)).isEqualTo(1);
        List<OutboxMessage> toSupervisors = escalationMessages(id, 1);
        assertThat(covering(Role.SUPERVISOR)).contains("supervisor").doesNotContain("supervisor2");
        assertThat(toSupervisors).extracting(OutboxMessage::recipientUsername)
                .as("one email to each supervisor of the kecamatan").containsExactlyInAnyOrderElementsOf(
                        covering(Role.SUPERVISOR));
        OutboxMessage mail = toSupervisors.stream().filter(m -> m.recipientUsername().equals("supervisor"))
                .findFirst().orElseThrow();
        assertThat(mail.channel()).isEqualTo("EMAIL");
        assertThat(mail.subject()).contains(level1.get("trackingCode").asString());
        assertThat(mail.body()).contains("belum ditanggapi").contains("/complaints/" + id)
                .doesNotContain("Mbah Sumi").doesNotContain("BPJS");

        clock.set(clock.instant().plusSeconds(60));
        escalations.escalateOverdue();
        at(17, 10);
        escalations.escalateOverdue();
        at(18, 10);
        escalations.escalateOverdue();
        assertThat(complaint(id).get("complaint").get("escalationLevel").asInt())
                .as("Sunday and the holiday do not count: one working day so far").isEqualTo(1);
        assertThat(escalationMessages(id, 2)).isEmpty();

        at(19, 8);
        escalations.escalateOverdue();
        escalations.escalateOverdue();
        assertThat(complaint(id).get("complaint").get("escalationLevel").asInt()).isEqualTo(2);
        assertThat(escalatedEvents(id)).isEqualTo(2);
        assertThat(auditedEscalations(id)).isEqualTo(2);
        assertThat(covering(Role.MANAGER)).contains("manajer");
        assertThat(escalationMessages(id, 2)).extracting(OutboxMessage::recipientUsername)
                .containsExactlyInAnyOrderElementsOf(covering(Role.MANAGER));

        at(24, 10);
        escalations.escalateOverdue();
        assertThat(escalatedEvents(id)).as("two levels, then no more").isEqualTo(2);
        assertThat(escalationMessages(id, 1)).hasSize(toSupervisors.size());

        WebSession supervisor = WebSession.login(port, "supervisor", Api.DEMO_PASSWORD);
        assertThat(supervisor.get("/complaints/" + id).body()).contains("id=\"escalation\"").contains("Eskalasi: manajer");
        assertThat(supervisor.get("/complaints?status=OPEN&size=100").body()).contains("Eskalasi: manajer");
    }

    @Test
    void aComplaintAcknowledgedInTimeIsNotEscalatedUntilItsResolveDateHasPassed() {
        at(13, 10);
        String id = file("NEED_FOOD");
        at(14, 11);
        Api.Response ack = api.post("/api/v1/complaints/" + id + "/acknowledge", operator, "{}");
        assertThat(ack.status()).isEqualTo(200);

        at(15, 10);
        escalations.escalateOverdue();
        at(21, 10);
        escalations.escalateOverdue();
        assertThat(complaint(id).get("complaint").get("escalationLevel").asInt()).as("resolve due 21 Aug").isZero();

        at(22, 10);
        escalations.escalateOverdue();
        assertThat(complaint(id).get("complaint").get("escalationLevel").asInt()).isEqualTo(1);
        assertThat(escalationMessages(id, 1).get(0).body()).contains("belum selesai");
    }
}
