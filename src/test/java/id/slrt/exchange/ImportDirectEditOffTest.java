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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * In a district where only the SLRT operator edits the registry directly (the same settings as
 * DirectEditSwitchTest, so the two share one application context), a village operator's import may not
 * update registered people directly: it is refused before anything is read, and audited.
 */
@IntegrationTest
@TestPropertySource(properties = "slrt.registry.direct-edit-roles=OPERATOR_SLRT")
class ImportDirectEditOffTest {
    @LocalServerPort
    int port;

    @Test
    void aRoleThatMayNotEditTheRegistryDirectlyCannotChooseToUpdateRegisteredPeople() {
        Api api = new Api(port);
        byte[] csv = (csvLine(',', HEADER) + csvLine(',', row(ImportApiTest.kk(),
                Person.of("Baharuddin", LocalDate.of(1977, 3, 3), false, "1"), DESA, "", "")))
                .getBytes(StandardCharsets.UTF_8);

        Api.Response refused = api.upload("/api/v1/imports", api.demoToken("operator"), Map.of("existing", "update"),
                "langsung.csv", csv, CSV_TYPE);
        Api.Response proposing = api.upload("/api/v1/imports/preview", api.demoToken("operator"),
                Map.of("existing", "request"), "langsung.csv", csv, CSV_TYPE);

        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("usulan pemutakhiran");
        assertThat(proposing.status()).as(proposing.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/audit?action=IMPORT_REFUSED", api.demoToken("admin")).json().get("items").toString())
                .contains("operator");
    }
}
