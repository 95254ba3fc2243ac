package id.slrt.updating;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import id.slrt.support.TestNik;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The pemutakhiran workflow over the API: every step, every refused step, and what reaches the registry. */
@IntegrationTest
class UpdatingWorkflowTest {
    static final String DESA = "1409011012";
    static final String KEC = "140901";

    @LocalServerPort
    int port;
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

    /** Registers a family of two directly and returns the household JSON. */
    JsonNode family(String head) {
        String body = "{\"regionCode\":\"" + DESA + "\",\"noKk\":\"" + TestNik.kk(KEC, LocalDate.of(2016, 2, 3))
                + "\",\"address\":\"Jl. Sudirman 5\",\"rt\":\"001\",\"rw\":\"002\",\"members\":["
                + member(TestNik.nik(KEC, LocalDate.of(1975, 6, 1), false), head, "1975-06-01", "L", "KEPALA") + ","
                + member(TestNik.nik(KEC, LocalDate.of(1978, 8, 2), true), "Rahmah", "1978-08-02", "P", "ISTRI_SUAMI")
                + "]}";
        Api.Response r = api.post("/api/v1/households", operator, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static String member(String nik, String name, String birth, String sex, String rel) {
        return "{\"nik\":\"" + nik + "\",\"fullName\":\"" + name + "\",\"birthPlace\":\"Teluk Kuantan\",\"birthDate\":\""
                + birth + "\",\"sex\":\"" + sex + "\",\"relationship\":\"" + rel + "\",\"maritalStatus\":\"KAWIN\"}";
    }

    String householdId(JsonNode h) {
        return h.get("household").get("id").asString();
    }

    String memberId(JsonNode h, int i) {
        return h.get("members").get(i).get("id").asString();
    }

    JsonNode draft(String token, String kind, String householdId, String proposed, String reason) {
        Api.Response r = api.post("/api/v1/change-requests", token, "{\"kind\":\"" + kind + "\",\"householdId\":"
                + (householdId == null ? "null" : "\"" + householdId + "\"") + ",\"proposed\":" + proposed
                + ",\"reason\":\"" + reason + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    Api.Response step(String token, String id, String step, String body) {
        return api.post("/api/v1/change-requests/" + id + "/" + step, token, body);
    }

    List<String> auditActions(String requestId) {
        JsonNode items = api.get("/api/v1/audit?entityType=change_request&entityId=" + requestId + "&size=100", admin)
                .json().get("items");
        List<String> actions = new ArrayList<>();
        items.forEach(i -> actions.add(i.get("action").asString()));
        return actions;
    }

    String newChild(String nik, String name) {
        return "{\"new.0.nik\":\"" + nik + "\",\"new.0.fullName\":\"" + name + "\",\"new.0.birthPlace\":\"Teluk Kuantan\","
                + "\"new.0.birthDate\":\"2025-01-10\",\"new.0.sex\":\"P\",\"new.0.relationship\":\"ANAK\","
                + "\"new.0.maritalStatus\":\"BELUM_KAWIN\"}";
    }

    @Test
    void aBirthIsProposedReturnedFixedVerifiedAndAppliedWithItsWholeHistory() {
        JsonNode h = family("Hasan Basri");
        String nik = TestNik.nik(KEC, LocalDate.of(2025, 1, 10), true);
        JsonNode r = draft(operator, "ADD_MEMBER", householdId(h), newChild(nik, "Nur Aini"), "Kelahiran anak ketiga");
        String id = r.get("id").asString();
        assertThat(r.get("status").asString()).isEqualTo("DRAFT");
        assertThat(r.get("number").asString()).matches("UP-\\d{4}-\\d{6}");
        assertThat(step(operator, id, "submit", "{}").json().get("status").asString()).isEqualTo("SUBMITTED");

        Api.Response returned = step(supervisor, id, "return",
                "{\"reasons\":{\"new.0.fullName\":\"Nama tidak sesuai akta kelahiran\"}}");
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(returned.json().get("returns").get("new.0.fullName").asString()).contains("akta");

        JsonNode current = api.get("/api/v1/change-requests/" + id, operator).json().get("request");
        Api.Response edited = api.put("/api/v1/change-requests/" + id, operator, "{\"version\":"
                + current.get("version").asInt() + ",\"proposed\":" + newChild(nik, "Nur Aini Hasan")
                + ",\"reason\":\"Kelahiran anak ketiga, nama sesuai akta\"}");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(step(operator, id, "submit", "{}").json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(step(supervisor, id, "verify", "{\"note\":\"Sesuai akta\"}").json().get("status").asString())
                .isEqualTo("VERIFIED");
        Api.Response applied = step(slrt, id, "apply", "{}");
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(applied.json().get("status").asString()).isEqualTo("APPLIED");

        JsonNode after = api.get("/api/v1/households/" + householdId(h), operator).json();
        assertThat(after.get("members").findValuesAsString("fullName")).contains("Nur Aini Hasan");
        JsonNode history = api.get("/api/v1/households/" + householdId(h) + "/history", operator).json();
        assertThat(history.toString()).contains("Nur Aini Hasan").contains(r.get("number").asString());

        JsonNode view = api.get("/api/v1/change-requests/" + id, operator).json();
        List<String> timeline = view.get("events").findValuesAsString("action");
        assertThat(timeline).containsExactly("CREATED", "SUBMITTED", "RETURNED", "EDITED", "SUBMITTED", "VERIFIED",
                "APPLIED");
        assertThat(view.get("events").get(2).get("details").get("new.0.fullName").asString()).contains("akta");
        assertThat(auditActions(id)).contains("UPDATING_CREATED", "UPDATING_SUBMITTED", "UPDATING_RETURNED",
                "UPDATING_EDITED", "UPDATING_VERIFIED", "UPDATING_APPLIED", "UPDATING_READ");
    }

    @Test
    void forbiddenStepsAreRefusedAndAudited() {
        JsonNode h = family("Abdul Gani");
        JsonNode r = draft(operator, "CORRECT", householdId(h), "{\"household.address\":\"Jl. Sudirman 7\"}",
                "Salah tulis nomor rumah");
        String id = r.get("id").asString();

        Api.Response early = step(slrt, id, "apply", "{}");
        assertThat(early.status()).as("applying a draft").isEqualTo(409);
        assertThat(early.json().get("type").asString()).isEqualTo("urn:slrt:problem:updating-wrong-status");
        step(operator, id, "submit", "{}");

        Api.Response own = step(operator, id, "verify", "{}");
        assertThat(own.status()).as("a desa operator verifying").isEqualTo(403);
        Api.Response otherKecamatan = step(api.demoToken("supervisor2"), id, "verify", "{}");
        assertThat(otherKecamatan.status()).as("a supervisor of another kecamatan does not even see it").isEqualTo(404);
        Api.Response unverified = step(slrt, id, "apply", "{}");
        assertThat(unverified.status()).as("applying an unverified request").isEqualTo(409);
        Api.Response otherMaker = step(api.demoToken("fasilitator"), id, "withdraw", "{}");
        assertThat(otherMaker.status()).as("only the maker withdraws").isEqualTo(403);

        List<String> audit = auditActions(id);
        assertThat(audit.stream().filter("UPDATING_DENIED"::equals).count()).isGreaterThanOrEqualTo(5);
        JsonNode denied = api.get("/api/v1/audit?entityType=change_request&entityId=" + id
                + "&action=UPDATING_DENIED&actor=supervisor2", admin).json();
        assertThat(denied.get("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/change-requests/" + id, operator).json().get("request").get("status").asString())
                .isEqualTo("SUBMITTED");
    }

    @Test
    void theMakerNeverChecksTheirOwnRequest() {
        JsonNode h = family("Syamsul Bahri");
        JsonNode r = draft(slrt, "CORRECT", householdId(h), "{\"household.rt\":\"003\"}", "Pindah RT");
        String id = r.get("id").asString();
        step(slrt, id, "submit", "{}");
        step(supervisor, id, "verify", "{}");
        Api.Response own = step(slrt, id, "apply", "{}");
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.json().get("detail").asString()).contains("orang lain");
        assertThat(auditActions(id)).contains("UPDATING_DENIED");
    }

    @Test
    void aRequestWhoseHouseholdChangedMeanwhileNeedsADecisionPerField() {
        JsonNode h = family("Baharuddin");
        String hid = householdId(h);
        JsonNode first = draft(operator, "CORRECT", hid, "{\"household.address\":\"Jl. Merdeka 1\",\"household.rw\":\"004\"}",
                "Alamat baru setelah penomoran ulang");
        JsonNode second = draft(operator, "CORRECT", hid, "{\"household.address\":\"Jl. Merdeka 10\"}",
                "Alamat menurut KK terbaru");
        for (JsonNode r : List.of(first, second)) {
            step(operator, r.get("id").asString(), "submit", "{}");
            step(supervisor, r.get("id").asString(), "verify", "{}");
        }
        assertThat(step(slrt, second.get("id").asString(), "apply", "{}").status()).isEqualTo(200);

        String id = first.get("id").asString();
        JsonNode view = api.get("/api/v1/change-requests/" + id, slrt).json();
        assertThat(view.get("changedSinceBase").asBoolean()).isTrue();
        assertThat(view.get("conflicts").asBoolean()).isTrue();
        JsonNode address = find(view.get("diffs"), "household.address");
        assertThat(address.get("base").asString()).isEqualTo("Jl. Sudirman 5");
        assertThat(address.get("current").asString()).isEqualTo("Jl. Merdeka 10");
        assertThat(address.get("proposed").asString()).isEqualTo("Jl. Merdeka 1");
        assertThat(find(view.get("diffs"), "household.rw").get("conflict").asBoolean()).isFalse();

        Api.Response blind = step(slrt, id, "apply", "{}");
        assertThat(blind.status()).isEqualTo(409);
        assertThat(blind.json().get("type").asString()).isEqualTo("urn:slrt:problem:updating-conflict");
        assertThat(blind.json().get("errors").findValuesAsString("field")).containsExactly("household.address");
        assertThat(api.get("/api/v1/households/" + hid, slrt).json().get("household").get("address").asString())
                .as("nothing overwritten").isEqualTo("Jl. Merdeka 10");

        Api.Response decided = step(slrt, id, "apply", "{\"decisions\":{\"household.address\":\"CURRENT\"}}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        JsonNode household = api.get("/api/v1/households/" + hid, slrt).json().get("household");
        assertThat(household.get("address").asString()).isEqualTo("Jl. Merdeka 10");
        assertThat(household.get("rw").asString()).isEqualTo("004");
    }

    @Test
    void applyingADeathMarksTheMemberDiedWithItsDateInTheHistory() {
        JsonNode h = family("Ismail Marzuki");
        String hid = householdId(h);
        String wife = memberId(h, 1);
        JsonNode r = draft(operator, "REMOVE_MEMBER", hid, "{\"member." + wife + ".status\":\"DIED\",\"member." + wife
                + ".statusDate\":\"2026-10-02\"}", "Meninggal dunia, akta kematian no. 123/2026");
        String id = r.get("id").asString();
        step(operator, id, "submit", "{}");
        step(supervisor, id, "verify", "{}");
        assertThat(step(slrt, id, "apply", "{}").status()).isEqualTo(200);

        JsonNode died = api.get("/api/v1/members/" + wife, slrt).json();
        assertThat(died.get("status").asString()).isEqualTo("DIED");
        assertThat(died.get("statusDate").asString()).isEqualTo("2026-10-02");
        JsonNode history = api.get("/api/v1/households/" + hid + "/history", slrt).json();
        JsonNode entry = null;
        for (JsonNode e : history) {
            if ("STATUS_CHANGED".equals(e.get("action").asString())) {
                entry = e;
            }
        }
        assertThat(entry).as(history.toString()).isNotNull();
        assertThat(entry.toString()).contains("DIED").contains("2026-10-02").contains(r.get("number").asString());
    }

    @Test
    void aProposalWithAnInvalidNikCannotBeSubmitted() {
        JsonNode h = family("Zulkarnain");
        JsonNode r = draft(operator, "ADD_MEMBER", householdId(h), newChild("14090150012500O1", "Putri"), "Lahir");
        assertThat(r.get("issues").findValuesAsString("key")).contains("new.0.nik");
        Api.Response submit = step(operator, r.get("id").asString(), "submit", "{}");
        assertThat(submit.status()).isEqualTo(422);
        assertThat(submit.json().get("type").asString()).isEqualTo("urn:slrt:problem:updating-invalid");
    }

    @Test
    void inboxesShowEachRoleItsWork() {
        JsonNode h = family("Marwan");
        JsonNode r = draft(operator, "PROGRAM", householdId(h), "{\"program.PKH.household\":\"PROPOSED\"}",
                "Ada ibu hamil, layak PKH");
        String number = r.get("number").asString();
        step(operator, r.get("id").asString(), "submit", "{}");
        assertThat(api.get("/api/v1/change-requests?inbox=to-verify&size=200&q=" + number, supervisor).json()
                .get("items").findValuesAsString("number")).containsExactly(number);
        assertThat(api.get("/api/v1/change-requests?inbox=to-verify&q=" + number, api.demoToken("supervisor2")).json()
                .get("total").asLong()).isZero();
        step(supervisor, r.get("id").asString(), "verify", "{}");
        JsonNode bulk = api.post("/api/v1/change-requests/bulk", slrt, "{\"action\":\"APPLY\",\"ids\":[\""
                + r.get("id").asString() + "\",\"" + java.util.UUID.randomUUID() + "\"]}").json();
        assertThat(bulk.get(0).get("done").asBoolean()).isTrue();
        assertThat(bulk.get(1).get("done").asBoolean()).isFalse();
        JsonNode programs = api.get("/api/v1/households/" + householdId(h), slrt).json().get("programs");
        assertThat(programs.findValuesAsString("status")).contains("PROPOSED");
    }

    JsonNode appliedRequest(String kind, String householdId, String proposed, String reason) {
        JsonNode r = draft(operator, kind, householdId, proposed, reason);
        assertThat(r.get("issues").toString()).as("no findings").doesNotContain("ERROR");
        String id = r.get("id").asString();
        assertThat(step(operator, id, "submit", "{}").status()).isEqualTo(200);
        assertThat(step(supervisor, id, "verify", "{}").status()).isEqualTo(200);
        Api.Response applied = step(slrt, id, "apply", "{}");
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        return applied.json();
    }

    @Test
    void aGrownUpSonFormsHisOwnKkAndTakesHisRecordsWithHim() {
        String body = "{\"regionCode\":\"" + DESA + "\",\"noKk\":\"" + TestNik.kk(KEC, LocalDate.of(2010, 1, 1))
                + "\",\"address\":\"Jl. Diponegoro 2\",\"members\":["
                + member(TestNik.nik(KEC, LocalDate.of(1960, 6, 1), false), "Harun", "1960-06-01", "L", "KEPALA") + ","
                + member(TestNik.nik(KEC, LocalDate.of(1962, 8, 2), true), "Halimah", "1962-08-02", "P", "ISTRI_SUAMI") + ","
                + member(TestNik.nik(KEC, LocalDate.of(1995, 3, 3), false), "Hendra", "1995-03-03", "L", "ANAK") + "]}";
        JsonNode h = api.post("/api/v1/households", operator, body).json();
        String son = memberId(h, 2);
        String newKk = TestNik.kk(KEC, LocalDate.of(2026, 10, 1));
        JsonNode applied = appliedRequest("SPLIT", householdId(h), "{\"split.noKk\":\"" + newKk + "\",\"split.head\":\""
                + son + "\",\"member." + son + ".moveToNewKk\":\"1\"}", "Menikah dan membuat KK sendiri");
        String newHousehold = applied.get("resultHouseholdId").asString();
        assertThat(newHousehold).isNotEqualTo(householdId(h));
        JsonNode created = api.get("/api/v1/households/" + newHousehold, operator).json();
        assertThat(created.get("household").get("noKk").asString()).isEqualTo(newKk);
        assertThat(created.get("members").findValuesAsString("fullName")).containsExactly("Hendra");
        assertThat(created.get("members").get(0).get("relationship").asString()).isEqualTo("KEPALA");
        JsonNode old = api.get("/api/v1/households/" + householdId(h), operator).json();
        assertThat(old.get("members").findValuesAsString("fullName")).containsExactlyInAnyOrder("Harun", "Halimah");
        assertThat(api.get("/api/v1/households/" + householdId(h) + "/history", operator).body()).contains("MOVED_TO_KK");
    }

    @Test
    void twoKkOfTheSameDesaAreMergedAndTheAbsorbedOneIsKeptAsMerged() {
        JsonNode target = family("Kasim");
        JsonNode source = family("Kadir");
        JsonNode applied = appliedRequest("MERGE", householdId(source), "{\"merge.intoKk\":\""
                + target.get("household").get("noKk").asString() + "\",\"merge.headRelationship\":\"ORANG_TUA\"}",
                "Orang tua ikut anak");
        assertThat(applied.get("resultHouseholdId").asString()).isEqualTo(householdId(target));
        JsonNode merged = api.get("/api/v1/households/" + householdId(target), operator).json();
        assertThat(merged.get("members").findValuesAsString("fullName")).contains("Kasim", "Kadir");
        assertThat(merged.get("members").findValuesAsString("relationship").stream().filter("KEPALA"::equals)).hasSize(1);
        assertThat(api.get("/api/v1/households/" + householdId(source), operator).json().get("household").get("status")
                .asString()).isEqualTo("MERGED");

        JsonNode wrong = draft(operator, "MERGE", householdId(target), "{\"merge.intoKk\":\"1409010101010001\"}",
                "KK tujuan salah");
        assertThat(wrong.get("issues").findValuesAsString("code")).contains("updating.merge-target-unknown");
    }

    @Test
    void theDistrictRejectsWithAReasonAndTheMakerWithdrawsTheirOwnBothOnTheRecord() {
        JsonNode h = family("Sulaiman");
        String rejected = draft(operator, "DTKS_REMOVAL", householdId(h), "{\"household.status\":\"NOT_ELIGIBLE\","
                + "\"household.statusDate\":\"2026-11-01\"}", "Sudah mampu").get("id").asString();
        step(operator, rejected, "submit", "{}");
        step(supervisor, rejected, "verify", "{}");
        assertThat(step(slrt, rejected, "reject", "{\"note\":\"\"}").status()).as("a reason is required").isEqualTo(400);
        Api.Response r = step(slrt, rejected, "reject", "{\"note\":\"Hasil kunjungan: masih layak\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(step(operator, rejected, "submit", "{}").status()).as("a rejection is final").isEqualTo(409);
        assertThat(api.get("/api/v1/households/" + householdId(h), slrt).json().get("household").get("status").asString())
                .isEqualTo("ACTIVE");

        String withdrawn = draft(operator, "CORRECT", householdId(h), "{\"household.rt\":\"009\"}", "RT").get("id")
                .asString();
        step(operator, withdrawn, "submit", "{}");
        assertThat(step(operator, withdrawn, "withdraw", "{\"note\":\"Salah keluarga\"}").json().get("status")
                .asString()).isEqualTo("WITHDRAWN");
        assertThat(step(supervisor, withdrawn, "verify", "{}").status()).isEqualTo(409);
        assertThat(auditActions(rejected)).contains("UPDATING_REJECTED");
        assertThat(auditActions(withdrawn)).contains("UPDATING_WITHDRAWN", "UPDATING_DENIED");
        JsonNode events = api.get("/api/v1/change-requests/" + rejected, operator).json().get("events");
        assertThat(events.get(events.size() - 1).get("reason").asString()).isEqualTo("Hasil kunjungan: masih layak");
    }

    @Test
    void aFamilyMovingToAnotherDesaIsProposedByItsOldDesaAndAppliedByTheDistrict() {
        JsonNode h = family("Yusuf");
        JsonNode r = draft(operator, "MOVE_HOUSEHOLD", householdId(h), "{\"household.regionCode\":\"1409021016\","
                + "\"household.address\":\"Jl. Baru 1\"}", "Pindah ke Kuantan Tengah");
        assertThat(r.get("issues").findValuesAsString("code")).doesNotContain("region.outside-scope");
        appliedRequest(r);
        JsonNode moved = api.get("/api/v1/households/" + householdId(h), slrt).json().get("household");
        assertThat(moved.get("regionCode").asString()).isEqualTo("1409021016");
        assertThat(api.get("/api/v1/households/" + householdId(h), operator).status())
                .as("the old desa no longer sees the family").isEqualTo(404);
        JsonNode there = api.get("/api/v1/households/" + householdId(h), api.demoToken("operator2")).json();
        assertThat(there.get("members")).as("the people moved with the family").hasSize(2);
        String nik = h.get("members").get(0).get("nik").asString();
        assertThat(api.get("/api/v1/people?nik=" + nik, operator).json()).as("the old desa no longer finds them")
                .isEmpty();
    }

    void appliedRequest(JsonNode r) {
        String id = r.get("id").asString();
        assertThat(step(operator, id, "submit", "{}").status()).isEqualTo(200);
        assertThat(step(supervisor, id, "verify", "{}").status()).isEqualTo(200);
        Api.Response applied = step(slrt, id, "apply", "{}");
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
    }

    @Test
    void aProposalOnlyCarriesKeysOfKnownShapeAndItsKindsFields() {
        JsonNode h = family("Salim");
        Api.Response malformed = api.post("/api/v1/change-requests", operator, "{\"kind\":\"CORRECT\",\"householdId\":\""
                + householdId(h) + "\",\"proposed\":{\"household.x.noKk\":\"1409010101010001\"},\"reason\":\"coba\"}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("errors").findValuesAsString("field")).containsExactly("household.x.noKk");
        JsonNode move = draft(operator, "CORRECT", householdId(h), "{\"household.regionCode\":\"1409021016\"}",
                "Pindah disamarkan sebagai perbaikan");
        assertThat(move.get("issues").findValuesAsString("code")).contains("updating.field-not-allowed");
    }

    static JsonNode find(JsonNode diffs, String key) {
        for (JsonNode d : diffs) {
            if (d.get("key").asString().equals(key)) {
                return d;
            }
        }
        throw new AssertionError("no diff for " + key + " in " + diffs);
    }
}
