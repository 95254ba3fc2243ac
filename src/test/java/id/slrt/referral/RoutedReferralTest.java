package id.slrt.referral;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.platform.DbScope;
import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A category routed straight to a partner agency becomes a referral to it as soon as the complaint is filed. */
@IntegrationTest
class RoutedReferralTest {
    static final String DESA = "1409011012";

    @LocalServerPort
    int port;
    @Autowired
    ReferralService referrals;

    Api api;
    String admin;
    String operator;
    List<JsonNode> rulesBefore;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = api.demoToken("admin");
        operator = api.demoToken("operator");
        rulesBefore = new ArrayList<>();
        api.get("/api/v1/complaint-routing", admin).json().forEach(rulesBefore::add);
    }

    /** Rules are shared by every test in this context: put back what was there. */
    @AfterEach
    void restoreRules() {
        for (JsonNode r : rulesBefore) {
            rule(r.get("category").asString(), r.get("target").asString(),
                    r.hasNonNull("agencyCode") ? r.get("agencyCode").asString() : null);
        }
    }

    void rule(String category, String target, String agency) {
        Api.Response r = api.put("/api/v1/complaint-routing/" + category, admin, "{\"target\":\"" + target
                + "\",\"agencyCode\":" + (agency == null ? "null" : "\"" + agency + "\"") + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    JsonNode file(String category) {
        Api.Response r = api.post("/api/v1/complaints", operator, "{\"regionCode\":\"" + DESA
                + "\",\"complainantName\":\"Sarinah Lubis\",\"category\":\"" + category
                + "\",\"type\":\"PENGADUAN\",\"description\":\"KTP anak belum dicetak sejak Juni.\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void aComplaintOfACategoryRoutedToAnAgencyIsReferredToItAtOnceWithNumberAndTimeline() {
        rule("NEED_ID_DOCUMENTS", "AGENCY", "DUKCAPIL");
        JsonNode filed = file("NEED_ID_DOCUMENTS");
        UUID id = UUID.fromString(filed.get("id").asString());

        List<Referral> made = DbScope.callAs("1409", () -> referrals.ofComplaint(id));
        assertThat(made).hasSize(1);
        Referral r = made.get(0);
        assertThat(r.agencyCode()).isEqualTo("DUKCAPIL");
        assertThat(r.status()).isEqualTo(ReferralStatus.SENT);
        assertThat(r.number()).startsWith("RJK/");
        assertThat(r.createdBy()).isEqualTo("system:routing");
        assertThat(r.reason()).isEqualTo("KTP anak belum dicetak sejak Juni.");

        JsonNode complaint = api.get("/api/v1/complaints/" + id, operator).json();
        assertThat(complaint.get("complaint").get("status").asString()).isEqualTo("REFERRED");
        List<String> actions = new ArrayList<>();
        complaint.get("events").forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).containsSubsequence("FILED", "ROUTED", "REFERRED");
    }

    @Test
    void aRuleCanNameOnlyAKnownAgencyAndAnAgencyMadeInactiveSinceLeavesTheComplaintWithTheBackOffice() {
        Api.Response unknown = api.put("/api/v1/complaint-routing/NEED_ID_DOCUMENTS", admin,
                "{\"target\":\"AGENCY\",\"agencyCode\":\"TIDAK_ADA\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("agencyCode");

        String code = "UJI_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String agency = "{\"code\":\"" + code + "\",\"name\":\"Lembaga Uji " + code + "\",\"kind\":\"OTHER\","
                + "\"acceptDays\":3,\"completeDays\":14,\"active\":%s,\"version\":%d}";
        Api.Response made = api.post("/api/v1/agencies", admin, String.format(agency, "true", 0));
        assertThat(made.status()).as(made.body()).isIn(200, 201);
        rule("NEED_ID_DOCUMENTS", "AGENCY", code);
        Api.Response closed = api.put("/api/v1/agencies/" + code, admin,
                String.format(agency, "false", made.json().get("version").asInt()));
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);

        JsonNode filed = file("NEED_ID_DOCUMENTS");
        UUID id = UUID.fromString(filed.get("id").asString());
        assertThat(DbScope.callAs("1409", () -> referrals.ofComplaint(id))).isEmpty();
        JsonNode complaint = api.get("/api/v1/complaints/" + id, operator).json();
        assertThat(complaint.get("complaint").get("status").asString()).isEqualTo("RECEIVED");
        assertThat(complaint.get("complaint").get("assignee").isNull()).isFalse();
    }
}
