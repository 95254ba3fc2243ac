package id.slrt.exchange;

import static id.slrt.exchange.ImportApiTest.CSV_TYPE;
import static id.slrt.exchange.ImportApiTest.DESA;
import static id.slrt.exchange.ImportApiTest.csvLine;
import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.exchange.ImportApiTest.Person;
import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A file whose headers the importer does not know: previewed with those columns kept as they are,
 * the mapping corrected by the caller, previewed again and imported right; unknown columns stay with the row.
 */
@IntegrationTest
class ImportMappingTest {
    static final String MAPPING = "{\"No Kartu Kel\":\"NO_KK\",\"Nama Warga\":\"NAMA\",\"Tgl Lhr\":\"TGL_LAHIR\"}";

    @LocalServerPort
    int port;
    Api api;
    String operator;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        operator = api.demoToken("operator");
    }

    static byte[] file(String kk, Person head, Person wife) {
        StringBuilder csv = new StringBuilder(csvLine(';', "No Kartu Kel", "NIK", "Nama Warga", "Tgl Lhr", "JK", "HUB_KELUARGA",
                "KODE_WILAYAH", "Catatan RT"));
        for (Person p : new Person[] {head, wife}) {
            csv.append(csvLine(';', kk, p.nik(), p.name(), p.birth().toString(), p.female() ? "P" : "L", p.relation(),
                    DESA, "rumah " + p.name()));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, JsonNode> byHeader(JsonNode columns) {
        Map<String, JsonNode> map = new HashMap<>();
        columns.forEach(c -> map.put(c.get("header").asString(), c));
        return map;
    }

    @Test
    void nonStandardHeadersArePreviewedUnmappedThenCorrectedAndTheFileImportsRight() throws Exception {
        String kk = ImportApiTest.kk();
        Person head = Person.of("Hendrawan", LocalDate.of(1971, 5, 6), false, "1");
        Person wife = Person.of("Yusnidar", LocalDate.of(1974, 9, 8), true, "2");
        byte[] csv = file(kk, head, wife);

        Api.Response detected = api.upload("/api/v1/imports/preview", operator, Map.of(), "tidak-baku.csv", csv, CSV_TYPE);

        assertThat(detected.status()).as(detected.body()).isEqualTo(200);
        Map<String, JsonNode> columns = byHeader(detected.json().get("columns"));
        assertThat(columns.get("No Kartu Kel").has("field")).isFalse();
        assertThat(columns.get("Nama Warga").has("field")).isFalse();
        assertThat(columns.get("NIK").get("field").asString()).isEqualTo("NIK");
        assertThat(columns.get("Catatan RT").has("field")).isFalse();
        JsonNode rows = detected.json().get("rows");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("outcome").asString()).isEqualTo("ERROR");

        Api.Response corrected = api.upload("/api/v1/imports/preview", operator, Map.of("mapping", MAPPING),
                "tidak-baku.csv", csv, CSV_TYPE);

        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        columns = byHeader(corrected.json().get("columns"));
        assertThat(columns.get("No Kartu Kel").get("field").asString()).isEqualTo("NO_KK");
        assertThat(columns.get("No Kartu Kel").has("detected")).isFalse();
        assertThat(columns.get("Nama Warga").get("field").asString()).isEqualTo("NAMA");
        for (JsonNode row : corrected.json().get("rows")) {
            assertThat(row.get("outcome").asString()).as(row.toString()).isIn("ACCEPTED", "WARNING");
            assertThat(row.get("errors").toString()).doesNotContain("\"ERROR\"");
        }
        assertThat(corrected.json().get("rows").get(1).get("cells").get("Catatan RT").asString())
                .isEqualTo("rumah Yusnidar");
        assertThat(api.get("/api/v1/people?nik=" + head.nik(), operator).json().size()).as("a preview saves nothing")
                .isZero();

        Api.Response started = api.upload("/api/v1/imports", operator, Map.of("mapping", MAPPING), "tidak-baku.csv",
                csv, CSV_TYPE);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode job = awaitEnd(started.json().get("id").asString());

        assertThat(job.get("status").asString()).isEqualTo("DONE");
        assertThat(job.get("households").asInt()).isEqualTo(1);
        assertThat(job.get("errors").asInt()).isZero();
        JsonNode people = api.get("/api/v1/people?nik=" + wife.nik(), operator).json();
        assertThat(people.size()).isEqualTo(1);
        assertThat(people.get(0).toString()).contains("Yusnidar");
        JsonNode stored = api.get("/api/v1/imports/" + job.get("id").asString() + "/rows", operator).json();
        assertThat(stored.get(0).get("cells").get("Catatan RT").asString()).isEqualTo("rumah Hendrawan");
    }

    @Test
    void aMappingThatNamesAnUnknownColumnOrGivesAFieldTwiceIsRefused() {
        byte[] csv = file(ImportApiTest.kk(), Person.of("Salim", LocalDate.of(1980, 1, 2), false, "1"),
                Person.of("Rukiah", LocalDate.of(1981, 2, 3), true, "2"));

        Api.Response unknown = api.upload("/api/v1/imports", operator, Map.of("mapping", "{\"Kolom Hilang\":\"NIK\"}"),
                "salah-peta.csv", csv, CSV_TYPE);
        Api.Response twice = api.upload("/api/v1/imports/preview", operator,
                Map.of("mapping", "{\"Nama Warga\":\"NIK\"}"), "salah-peta.csv", csv, CSV_TYPE);
        Api.Response badField = api.upload("/api/v1/imports/preview", operator,
                Map.of("mapping", "{\"Nama Warga\":\"NAMA_PANGGILAN\"}"), "salah-peta.csv", csv, CSV_TYPE);

        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.body()).contains("Kolom Hilang");
        assertThat(twice.status()).as(twice.body()).isEqualTo(400);
        assertThat(twice.body()).contains("NIK");
        assertThat(badField.status()).as(badField.body()).isEqualTo(400);
        assertThat(badField.body()).contains("NAMA_PANGGILAN");
    }

    JsonNode awaitEnd(String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode job = api.get("/api/v1/imports/" + id, operator).json();
            if (!job.get("status").asString().equals("RUNNING")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not end");
    }
}
