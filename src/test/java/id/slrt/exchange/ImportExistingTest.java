package id.slrt.exchange;

import static id.slrt.exchange.ImportApiTest.CSV_TYPE;
import static id.slrt.exchange.ImportApiTest.DESA;
import static id.slrt.exchange.ImportApiTest.HEADER;
import static id.slrt.exchange.ImportApiTest.csvLine;
import static id.slrt.exchange.ImportApiTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.exchange.ImportApiTest.Person;
import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Rows of people already in the registry (matched by NIK): updated directly with history by an importer
 * whose role edits the registry directly, or proposed as change requests for the supervisor; rows with
 * nothing different are reported as "no change".
 */
@IntegrationTest
class ImportExistingTest {
    @LocalServerPort
    int port;
    Api api;
    String operator;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        operator = api.demoToken("operator");
    }

    JsonNode importAndWait(String fileName, String csv, String existing) throws InterruptedException {
        Api.Response r = api.upload("/api/v1/imports", operator, existing == null ? Map.of() : Map.of("existing", existing),
                fileName, csv.getBytes(StandardCharsets.UTF_8), CSV_TYPE);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        String id = r.json().get("id").asString();
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode job = api.get("/api/v1/imports/" + id, operator).json();
            if (!job.get("status").asString().equals("RUNNING")) {
                assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("DONE");
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not end");
    }

    /** Row number → action (or outcome when there is none) and the codes found on it. */
    Map<Integer, String> actions(String id) {
        Map<Integer, String> map = new HashMap<>();
        for (JsonNode row : api.get("/api/v1/imports/" + id + "/rows?size=1000", operator).json()) {
            List<String> codes = new ArrayList<>();
            row.get("errors").forEach(e -> codes.add(e.get("code").asString()));
            map.put(row.get("row").asInt(), (row.has("action") ? row.get("action").asString() : row.get("outcome").asString())
                    + codes);
        }
        return map;
    }

    JsonNode person(String nik) {
        JsonNode hits = api.get("/api/v1/people?nik=" + nik, operator).json();
        return hits.size() == 0 ? null : hits.get(0);
    }

    static String[] renamed(String[] row, String name) {
        String[] copy = row.clone();
        copy[2] = name;
        return copy;
    }

    @Test
    void registeredPeopleAreUpdatedWithHistoryOnlyWhereTheFileDiffersAndNewMembersAdded() throws Exception {
        String kk = ImportApiTest.kk();
        Person head = Person.of("Suparman", LocalDate.of(1966, 4, 12), false, "1");
        Person wife = Person.of("Rusmini", LocalDate.of(1969, 7, 3), true, "2");
        importAndWait("awal.csv", csvLine(',', HEADER) + csvLine(',', row(kk, head, DESA, "", ""))
                + csvLine(',', row(kk, wife, DESA, "", "")), null);
        String household = person(head.nik()).get("householdId").asString();
        Person child = Person.of("Dedi Suparman", LocalDate.of(2004, 2, 9), false, "3");

        JsonNode job = importAndWait("pembaruan.csv", csvLine(',', HEADER)
                + csvLine(',', renamed(row(kk, head, DESA, "", ""), "Suparman Hadi"))
                + csvLine(',', row(kk, wife, DESA, "", "")) + csvLine(',', row(kk, child, DESA, "", "")), "update");

        assertThat(job.get("updated").asInt()).as(job.toString()).isEqualTo(1);
        assertThat(job.get("households").asInt()).isZero();
        assertThat(job.get("errors").asInt()).isZero();
        Map<Integer, String> actions = actions(job.get("id").asString());
        assertThat(actions.get(1)).startsWith("UPDATED");
        assertThat(actions.get(2)).startsWith("UNCHANGED");
        assertThat(actions.get(3)).startsWith("UPDATED");
        assertThat(job.get("unchanged").asInt()).isEqualTo(1);
        assertThat(person(head.nik()).toString()).contains("Suparman Hadi");
        assertThat(person(child.nik()).get("householdId").asString()).isEqualTo(household);
        List<String> history = new ArrayList<>();
        for (JsonNode h : api.get("/api/v1/households/" + household + "/history", operator).json()) {
            history.add(h.get("entityType").asString() + ":" + h.get("action").asString()
                    + (h.get("action").asString().equals("UPDATED") ? h.get("changes").toString() : ""));
        }
        assertThat(history).anyMatch(h -> h.startsWith("member:UPDATED") && h.contains("Suparman Hadi"));
        assertThat(history).filteredOn(h -> h.startsWith("member:ADDED")).hasSize(3);
        JsonNode audit = api.get("/api/v1/audit?entityType=household&entityId=" + household, api.demoToken("admin"))
                .json().get("items");
        assertThat(audit.toString()).contains("REGISTRY_HOUSEHOLD_UPDATED");

        JsonNode same = importAndWait("sama-lagi.csv", csvLine(',', HEADER)
                + csvLine(',', renamed(row(kk, head, DESA, "", ""), "Suparman Hadi"))
                + csvLine(',', row(kk, wife, DESA, "", "")) + csvLine(',', row(kk, child, DESA, "", "")) + "\r\n", "update");

        assertThat(same.get("updated").asInt()).isZero();
        assertThat(same.get("unchanged").asInt()).isEqualTo(3);
        assertThat(actions(same.get("id").asString()).values()).allMatch(a -> a.startsWith("UNCHANGED"));
    }

    @Test
    void changesOfRegisteredPeopleBecomeChangeRequestsForTheSupervisorWhenTheImporterChoosesSo() throws Exception {
        String kk = ImportApiTest.kk();
        Person head = Person.of("Marzuki", LocalDate.of(1962, 10, 1), false, "1");
        importAndWait("awal-usulan.csv", csvLine(',', HEADER) + csvLine(',', row(kk, head, DESA, "", "")), null);
        String household = person(head.nik()).get("householdId").asString();

        JsonNode job = importAndWait("usulan.csv", csvLine(',', HEADER)
                + csvLine(',', renamed(row(kk, head, DESA, "", ""), "Marzuki Ali")), "request");

        assertThat(job.get("requested").asInt()).as(job.toString()).isEqualTo(1);
        assertThat(job.get("updated").asInt()).isZero();
        assertThat(actions(job.get("id").asString()).get(1)).startsWith("REQUESTED").contains("import.requested");
        assertThat(person(head.nik()).toString()).doesNotContain("Marzuki Ali");
        JsonNode requests = api.get("/api/v1/change-requests?household=" + household, operator).json().get("items");
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).get("kind").asString()).isEqualTo("CORRECT");
        assertThat(requests.get(0).get("status").asString()).isEqualTo("SUBMITTED");
        JsonNode request = api.get("/api/v1/change-requests/" + requests.get(0).get("id").asString(), operator).json();
        assertThat(request.toString()).contains("Marzuki Ali");
    }

    @Test
    void skippingRemainsTheDefaultOfTheApi() throws Exception {
        String kk = ImportApiTest.kk();
        Person head = Person.of("Jamaluddin", LocalDate.of(1970, 12, 30), false, "1");
        importAndWait("awal-lewati.csv", csvLine(',', HEADER) + csvLine(',', row(kk, head, DESA, "", "")), null);

        JsonNode job = importAndWait("lewati.csv", csvLine(',', HEADER)
                + csvLine(',', renamed(row(kk, head, DESA, "", ""), "Jamaluddin Malik")), null);

        assertThat(actions(job.get("id").asString()).get(1)).startsWith("SKIPPED").contains("import.exists");
        assertThat(person(head.nik()).toString()).doesNotContain("Jamaluddin Malik");
    }
}
