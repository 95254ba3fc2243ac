package id.slrt.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.access.Role;
import id.slrt.access.UserContact;
import id.slrt.access.UserService;
import id.slrt.notify.Notifications;
import id.slrt.notify.OutboxMessage;
import id.slrt.platform.DbScope;
import id.slrt.platform.Scopes;
import id.slrt.shared.CurrentActor;
import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import id.slrt.support.TestNik;
import id.slrt.support.WebSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Routing rules per category (each target, applied at every door), reassignment on the timeline and in the
 * audit, and the citizen's SMS at each stage: tracking code, plain stage and link, never a name or NIK.
 */
@IntegrationTest
@RecordApplicationEvents
class RoutingAndNoticesTest {
    static final String DESA = "1409011012";

    @LocalServerPort
    int port;
    @Autowired
    ComplaintService complaints;
    @Autowired
    Notifications notifications;
    @Autowired
    Scopes scopes;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ApplicationEvents events;
    @Autowired
    UserService users;
    Api api;
    String admin;
    String operator;
    String slrt;
    List<JsonNode> rulesBefore;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = api.demoToken("admin");
        operator = api.demoToken("operator");
        slrt = api.demoToken("slrt");
        rulesBefore = new ArrayList<>();
        api.get("/api/v1/complaint-routing", admin).json().forEach(rulesBefore::add);
    }

    /** Rules are shared by every test in this context: put back what was there. */
    @AfterEach
    void restoreRules() {
        for (JsonNode r : rulesBefore) {
            api.put("/api/v1/complaint-routing/" + r.get("category").asString(), admin,
                    "{\"target\":\"" + r.get("target").asString() + "\",\"agencyCode\":"
                            + (r.hasNonNull("agencyCode") ? "\"" + r.get("agencyCode").asString() + "\"" : "null") + "}");
        }
    }

    Api.Response setRule(String category, String target, String agency, String token) {
        return api.put("/api/v1/complaint-routing/" + category, token, "{\"target\":\"" + target + "\",\"agencyCode\":"
                + (agency == null ? "null" : "\"" + agency + "\"") + "}");
    }

    JsonNode file(String token, String category, String phone, String nik) {
        String body = "{\"regionCode\":\"" + DESA + "\",\"complainantName\":\"Wagiyem Sastro\",\"complainantPhone\":"
                + (phone == null ? "null" : "\"" + phone + "\"") + ",\"complainantNik\":"
                + (nik == null ? "null" : "\"" + nik + "\"") + ",\"category\":\"" + category
                + "\",\"type\":\"PENGADUAN\",\"description\":\"Bantuan belum diterima sejak Maret.\"}";
        Api.Response r = api.post("/api/v1/complaints", token, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    List<String> actions(String id) {
        List<String> actions = new ArrayList<>();
        api.get("/api/v1/complaints/" + id, slrt).json().get("events").forEach(e -> actions.add(e.get("action").asString()));
        return actions;
    }

    List<String> audited(String id) {
        List<String> list = new ArrayList<>();
        api.get("/api/v1/audit?entityId=" + id + "&size=100", admin).json().get("items")
                .forEach(a -> list.add(a.get("action").asString()));
        return list;
    }

    /** Enabled users of a role covering the desa (other tests add users to the shared database). */
    List<String> covering(Role role) {
        return scopes.asDistrict(() -> tx.execute(s -> users.contactsCovering(role, DESA).stream()
                .map(UserContact::username).toList()));
    }

    List<OutboxMessage> stageMessages(String id) {
        return scopes.asDistrict(() -> tx.execute(s -> notifications.byDedupPrefix("complaint:" + id + ":stage:")));
    }

    @Test
    void aDesaOperatorRuleGivesTheComplaintToAnOperatorOfItsDesaOnTheTimelineAndInTheAudit() {
        assertThat(setRule("NEED_FOOD", "DESA_OPERATOR", null, admin).status()).isEqualTo(200);
        JsonNode c = file(slrt, "NEED_FOOD", null, null);
        assertThat(covering(Role.OPERATOR_DESA)).contains("operator");
        assertThat(c.get("assignee").asString()).isIn(covering(Role.OPERATOR_DESA));
        assertThat(c.get("routeTarget").asString()).isEqualTo("DESA_OPERATOR");
        String id = c.get("id").asString();
        assertThat(actions(id)).containsExactly("FILED", "ROUTED");
        assertThat(audited(id)).contains("COMPLAINT_FILED").doesNotContain("COMPLAINT_ROUTED"); // one act, one row
        JsonNode filed = null;
        for (JsonNode a : api.get("/api/v1/audit?entityId=" + id + "&size=100", admin).json().get("items")) {
            filed = "COMPLAINT_FILED".equals(a.get("action").asString()) ? a : filed;
        }
        assertThat(filed.toString()).contains("routeTarget", "DESA_OPERATOR", "assignee", c.get("assignee").asString());
    }

    @Test
    void aBackOfficeRuleGivesTheComplaintToTheDistrictEvenWhenADesaOperatorFilesIt() {
        assertThat(setRule("PAYMENT_PROBLEM", "BACK_OFFICE", null, admin).status()).isEqualTo(200);
        JsonNode c = file(operator, "PAYMENT_PROBLEM", null, null);
        assertThat(c.get("assignee").asString()).as("the desa operator cannot see the back office's accounts, routing can")
                .isIn(covering(Role.OPERATOR_SLRT));
        assertThat(c.get("routeTarget").asString()).isEqualTo("BACK_OFFICE");
        assertThat(api.get("/api/v1/complaints/" + c.get("id").asString(), operator).status())
                .as("the filer still reads it").isEqualTo(200);
    }

    @Test
    void anAgencyRuleKeepsTheAgencyCodePublishesTheRoutingEventAndTheBackOfficeFollowsItUp() {
        assertThat(setRule("NEED_ID_DOCUMENTS", "AGENCY", "DUKCAPIL", admin).status()).isEqualTo(200);
        CurrentActor actor = new TestActor("slrt", "OPERATOR_SLRT", "1409");
        Complaint c = DbScope.callAs("1409", () -> complaints.file(new Filing(DESA, "Wagiyem Sastro", null, null, null,
                "NEED_ID_DOCUMENTS", "PENGADUAN", "KTP hilang."), Channel.API, List.of(), actor));

        assertThat(c.routeTarget()).isEqualTo(RouteTarget.AGENCY);
        assertThat(c.agencyCode()).isEqualTo("DUKCAPIL");
        assertThat(c.assignee()).isIn(covering(Role.OPERATOR_SLRT));
        assertThat(events.stream(ComplaintRoutedToAgency.class).filter(e -> e.complaintId().equals(c.id())))
                .containsExactly(new ComplaintRoutedToAgency(c.id(), "DUKCAPIL"));
        JsonNode read = api.get("/api/v1/complaints/" + c.id(), slrt).json();
        assertThat(read.get("events").get(1).get("note").asString()).contains("AGENCY DUKCAPIL").contains(c.assignee());
    }

    @Test
    void routingRulesAreAnAdministratorsSettingCheckedAndAudited() {
        assertThat(setRule("OTHER", "BACK_OFFICE", null, slrt).status()).isEqualTo(403);
        Api.Response noAgency = setRule("OTHER", "AGENCY", "", admin);
        assertThat(noAgency.status()).isEqualTo(400);
        assertThat(noAgency.json().get("errors").get(0).get("field").asString()).isEqualTo("agencyCode");
        assertThat(setRule("OTHER", "SOMEWHERE", null, admin).status()).isEqualTo(400);
        assertThat(setRule("NOT_A_CATEGORY", "BACK_OFFICE", null, admin).status()).isEqualTo(400);
        JsonNode set = setRule("OTHER", "AGENCY", "BAZNAS", admin).json();
        assertThat(set.get("agencyCode").asString()).isEqualTo("BAZNAS");
        assertThat(audited("OTHER")).contains("COMPLAINT_ROUTING_SET");
        assertThat(api.get("/api/v1/complaint-routing", operator).status()).as("everyone staff reads").isEqualTo(200);

        WebSession s = WebSession.login(port, "admin", Api.DEMO_PASSWORD);
        WebSession.Page page = s.get("/admin/complaint-routing");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"rule-NEED_HEALTH\"").contains("BAZNAS");
        WebSession.Page saved = s.post("/admin/complaint-routing/NEED_HEALTH", page.csrf(),
                Map.of("target", "BACK_OFFICE", "agencyCode", ""));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(api.get("/api/v1/complaint-routing", admin).json().valueStream()
                .filter(r -> r.get("category").asString().equals("NEED_HEALTH")).findFirst().orElseThrow()
                .get("target").asString()).isEqualTo("BACK_OFFICE");
        assertThat(WebSession.login(port, "slrt", Api.DEMO_PASSWORD).get("/admin/complaint-routing").status())
                .isEqualTo(403);
    }

    @Test
    void aDesaOperatorHandsAComplaintToTheBackOfficeAndTheReassignmentIsOnTheTimelineAndInTheAudit() {
        setRule("DATA_ERROR", "DESA_OPERATOR", null, admin);
        JsonNode c = file(operator, "DATA_ERROR", null, null);
        String id = c.get("id").asString();
        assertThat(c.get("assignee").asString()).isIn(covering(Role.OPERATOR_DESA));

        Api.Response moved = api.post("/api/v1/complaints/" + id + "/assign", operator,
                "{\"version\":" + c.get("version").asInt() + ",\"assignee\":\"slrt\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("assignee").asString()).isEqualTo("slrt");
        assertThat(api.post("/api/v1/complaints/" + id + "/assign", operator, "{\"assignee\":\"operator2\"}").status())
                .as("operator2 works in another desa").isEqualTo(400);
        assertThat(actions(id)).containsExactly("FILED", "ROUTED", "ASSIGNED");
        assertThat(audited(id)).contains("COMPLAINT_FILED", "COMPLAINT_ASSIGNED");
    }

    @Test
    void aCitizenWithAPhoneGetsOneSmsPerStageWithCodeStageAndLinkButNoNameOrNik() {
        String nik = TestNik.nik("140901", java.time.LocalDate.of(1961, 7, 17), true);
        JsonNode c = file(operator, "PROGRAM_NOT_RECEIVED", "0813 5555 0101", nik);
        String id = c.get("id").asString();
        String code = c.get("trackingCode").asString();

        List<OutboxMessage> filed = stageMessages(id);
        assertThat(filed).hasSize(1);
        assertThat(filed.get(0).channel()).isEqualTo("SMS");
        assertThat(filed.get(0).recipientPhone()).isEqualTo("081355550101");
        assertThat(filed.get(0).body()).contains(code).contains("diterima")
                .contains("/pengaduan/status?code=" + code);

        step(id, "acknowledge", null);
        step(id, "start", null);
        step(id, "refer", "Dinas Kependudukan");
        step(id, "resume", "Kembali ke desa");
        step(id, "resolve", "Nama Wagiyem Sastro sudah diperbaiki, NIK " + nik);
        step(id, "close", null);

        List<OutboxMessage> all = stageMessages(id);
        assertThat(all).extracting(OutboxMessage::dedupKey).containsExactlyInAnyOrder(
                "complaint:" + id + ":stage:RECEIVED", "complaint:" + id + ":stage:ACKNOWLEDGED",
                "complaint:" + id + ":stage:IN_PROGRESS", "complaint:" + id + ":stage:REFERRED",
                "complaint:" + id + ":stage:RESOLVED", "complaint:" + id + ":stage:CLOSED");
        assertThat(all).allSatisfy(m -> assertThat(m.body()).contains(code).contains("/pengaduan/status")
                .doesNotContain("Wagiyem").doesNotContain("Sastro").doesNotContain(nik)
                .doesNotContain("Bantuan belum diterima").doesNotContain("diperbaiki"));
        assertThat(all.stream().filter(m -> m.dedupKey().endsWith(":REFERRED")).findFirst().orElseThrow().body())
                .contains("Diteruskan ke instansi yang berwenang");
        assertThat(all.stream().filter(m -> m.dedupKey().endsWith(":RESOLVED")).findFirst().orElseThrow().body())
                .contains("Selesai ditangani");
    }

    @Test
    void aCitizenWithoutAPhoneGetsNoMessageAndThePublicFormTellsTheOneWhoLeftANumber() {
        JsonNode silent = file(operator, "NEED_HOUSING", null, null);
        assertThat(stageMessages(silent.get("id").asString())).isEmpty();

        Citizen citizen = new Citizen(port);
        Map<String, String> form = PublicComplaintTest.filing("Paijo Citizen", "0812-4444-9090", "",
                "Rumah rusak setelah banjir.");
        Citizen.Response r = citizen.postMultipart("/pengaduan", "/pengaduan", form);
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        String code = r.location().substring(r.location().indexOf("code=") + 5);
        String id = api.get("/api/v1/complaints?status=RECEIVED&size=100&sort=newest", slrt).json().get("items")
                .valueStream().filter(n -> n.get("trackingCode").asString().equals(code)).findFirst().orElseThrow()
                .get("id").asString();
        List<OutboxMessage> sms = stageMessages(id);
        assertThat(sms).hasSize(1);
        assertThat(sms.get(0).recipientPhone()).isEqualTo("081244449090");
        assertThat(sms.get(0).body()).contains(code).doesNotContain("Paijo");
        assertThat(citizen.get("/pengaduan/status?code=" + code).body()).contains("value=\"" + code + "\"");
    }

    void step(String id, String step, String note) {
        Api.Response r = api.post("/api/v1/complaints/" + id + "/" + step, slrt,
                "{\"note\":" + (note == null ? "null" : ComplaintWorkflowTest.json(note)) + "}");
        assertThat(r.status()).as(step + ": " + r.body()).isEqualTo(200);
    }

    record TestActor(String username, String role, String regionScope) implements CurrentActor {
        @Override
        public UUID userId() {
            return null;
        }

        @Override
        public String fullName() {
            return username;
        }
    }
}
