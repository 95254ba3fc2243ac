package id.slrt.exchange;

import static id.slrt.exchange.ImportApiTest.CSV_TYPE;
import static id.slrt.exchange.ImportApiTest.DESA;
import static id.slrt.exchange.ImportApiTest.DESA2;
import static id.slrt.exchange.ImportApiTest.HEADER;
import static id.slrt.exchange.ImportApiTest.csvLine;
import static id.slrt.exchange.ImportApiTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.exchange.ImportApiTest.Person;
import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import id.slrt.support.TestNik;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The set-based path of import (households judged and registered a batch at a time by RegistryBulk):
 * what it finds across scopes and within a batch, and what it writes besides the rows.
 */
@IntegrationTest
class ImportBulkTest {
    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    JsonNode importAndWait(String token, String fileName, String csv) throws InterruptedException {
        Api.Response r = api.upload("/api/v1/imports", token, Map.of(), fileName, csv.getBytes(StandardCharsets.UTF_8),
                CSV_TYPE);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        String id = r.json().get("id").asString();
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode job = api.get("/api/v1/imports/" + id, token).json();
            if (!job.get("status").asString().equals("RUNNING")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not end");
    }

    List<String> codesOfRow(String token, String id, String outcome, int rowNo) {
        List<String> codes = new ArrayList<>();
        for (JsonNode row : api.get("/api/v1/imports/" + id + "/rows?outcome=" + outcome + "&size=1000", token).json()) {
            if (row.get("row").asInt() == rowNo) {
                row.get("errors").forEach(e -> codes.add(e.get("code").asString()));
            }
        }
        return codes;
    }

    JsonNode person(String nik) {
        JsonNode hits = api.get("/api/v1/people?nik=" + nik, api.demoToken("slrt")).json();
        return hits.size() == 0 ? null : hits.get(0);
    }

    @Test
    void aNikRegisteredInADesaOutsideTheImportersScopeIsFoundAndItsHouseholdSkipped() throws Exception {
        Person elsewhere = Person.of("Rahmat Hidayat", LocalDate.of(1979, 3, 14), false, "1");
        JsonNode first = importAndWait(api.demoToken("operator2"), "desa-kedua.csv", csvLine(',', HEADER)
                + csvLine(',', row(TestNik.kk("140902", LocalDate.of(2016, 2, 3)), elsewhere, DESA2, "", "")));
        assertThat(first.get("households").asInt()).isEqualTo(1);

        Person wife = Person.of("Nurhayati", LocalDate.of(1982, 8, 21), true, "2");
        String operator = api.demoToken("operator");
        String kk = ImportApiTest.kk();
        JsonNode job = importAndWait(operator, "desa-pertama.csv", csvLine(',', HEADER)
                + csvLine(',', row(kk, elsewhere, DESA, "", "")) + csvLine(',', row(kk, wife, DESA, "", "")));

        String id = job.get("id").asString();
        assertThat(job.get("households").asInt()).isZero();
        assertThat(codesOfRow(operator, id, "warning", 1)).containsExactly("import.exists");
        assertThat(codesOfRow(operator, id, "warning", 2)).contains("import.household-skipped");
        assertThat(person(wife.nik())).isNull();
    }

    @Test
    void twoHouseholdsOfOneFileWithTheSameKkRegisterOnlyTheFirst() throws Exception {
        String kk = ImportApiTest.kk();
        Person a = Person.of("Syafrudin", LocalDate.of(1970, 1, 9), false, "1");
        Person b = Person.of("Zulkifli", LocalDate.of(1971, 4, 2), false, "1");
        String slrt = api.demoToken("slrt");

        JsonNode job = importAndWait(slrt, "kk-sama.csv", csvLine(',', HEADER)
                + csvLine(',', row(kk, a, DESA, "", "")) + csvLine(',', row(kk, b, DESA2, "", "")));

        String id = job.get("id").asString();
        assertThat(job.get("households").asInt()).isEqualTo(1);
        assertThat(codesOfRow(slrt, id, "accepted", 1)).isEmpty();
        assertThat(codesOfRow(slrt, id, "warning", 2)).containsExactly("import.kk-exists");
        assertThat(person(a.nik())).isNotNull();
        assertThat(person(b.nik())).isNull();
    }

    @Test
    void anImportedHouseholdHasItsHistoryWithTheImportAsReasonAndTheBatchIsAudited() throws Exception {
        Person head = Person.of("Darmawan", LocalDate.of(1968, 11, 5), false, "1");
        Person wife = Person.of("Rosmiati", LocalDate.of(1972, 2, 17), true, "2");
        String operator = api.demoToken("operator");
        String kk = ImportApiTest.kk();
        JsonNode job = importAndWait(operator, "riwayat.csv", csvLine(',', HEADER)
                + csvLine(',', row(kk, head, DESA, "BRI", "123401000123503")) + csvLine(',', row(kk, wife, DESA, "", "")));
        assertThat(job.get("households").asInt()).as(job.toString()).isEqualTo(1);

        String household = person(head.nik()).get("householdId").asString();
        JsonNode history = api.get("/api/v1/households/" + household + "/history", operator).json();
        List<String> entries = new ArrayList<>();
        String reason = null;
        for (JsonNode h : history) {
            entries.add(h.get("entityType").asString() + ":" + h.get("action").asString());
            if (h.get("entityType").asString().equals("household")) {
                reason = h.get("reason").asString();
            }
        }
        assertThat(entries).containsExactlyInAnyOrder("household:CREATED", "member:ADDED", "member:ADDED",
                "bank_account:ADDED", "program_participation:ADDED");
        assertThat(reason).contains("riwayat.csv");

        JsonNode audit = api.get("/api/v1/audit?entityType=registry&entityId=import:" + job.get("id").asString(),
                api.demoToken("admin")).json().get("items");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("action").asString()).isEqualTo("REGISTRY_HOUSEHOLDS_CREATED_IN_BULK");
        assertThat(audit.get(0).get("actor").asString()).isEqualTo("operator");
    }
}
