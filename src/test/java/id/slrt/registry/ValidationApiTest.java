package id.slrt.registry;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ValidationApiTest {
    @LocalServerPort
    int port;
    Api api;
    String token;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        token = api.demoToken("operator");
    }

    @Test
    void validFemaleNikIsParsed() {
        JsonNode r = api.post("/api/v1/validation/nik", token,
                "{\"nik\":\"1409015708850001\",\"birthDate\":\"1985-08-17\",\"sex\":\"P\"}").json();
        assertThat(r.get("valid").asBoolean()).isTrue();
        assertThat(r.get("errors")).isEmpty();
        assertThat(r.get("warnings")).isEmpty();
        assertThat(r.get("parsed").get("regionCode").asString()).isEqualTo("140901");
        assertThat(r.get("parsed").get("birthDate").asString()).isEqualTo("1985-08-17");
        assertThat(r.get("parsed").get("sex").asString()).isEqualTo("P");
    }

    @Test
    void excelMangledNikGetsAnIndonesianMessageNamingExcel() {
        JsonNode r = api.post("/api/v1/validation/nik", token, "{\"nik\":\"1.40901E+15\"}").json();
        assertThat(r.get("valid").asBoolean()).isFalse();
        assertThat(r.get("errors").get(0).get("code").asString()).isEqualTo("nik.scientific-notation");
        assertThat(r.get("errors").get(0).get("message").asString()).contains("notasi ilmiah oleh Excel");
        JsonNode en = api.post("/api/v1/validation/nik", token, "{\"nik\":\"1.40901E+15\"}", "en").json();
        assertThat(en.get("errors").get(0).get("message").asString()).contains("scientific notation by Excel");
    }

    @Test
    void mismatchWithEnteredBirthDateIsAWarningWithBothDates() {
        JsonNode r = api.post("/api/v1/validation/nik", token,
                "{\"nik\":\"1409010101900002\",\"birthDate\":\"1990-01-02\",\"sex\":\"L\"}").json();
        assertThat(r.get("valid").asBoolean()).isTrue();
        assertThat(r.get("warnings").get(0).get("code").asString()).isEqualTo("nik.birthdate-mismatch");
        assertThat(r.get("warnings").get(0).get("message").asString()).contains("01-01-1990").contains("02-01-1990");
    }

    @Test
    void fifteenDigitsAndAnImpossibleDate() {
        JsonNode r = api.post("/api/v1/validation/nik", token, "{\"nik\":\"140901010190000\"}").json();
        assertThat(r.get("errors").get(0).get("message").asString()).isEqualTo("NIK harus 16 digit; yang diisi 15 digit.");
        JsonNode date = api.post("/api/v1/validation/nik", token, "{\"nik\":\"1409013104900001\"}").json();
        assertThat(date.get("errors").get(0).get("code").asString()).isEqualTo("nik.date-invalid");
    }

    @Test
    void bankAccountWithALetterOrAMissingDigitNamesTheExpectedLength() {
        JsonNode letter = api.post("/api/v1/validation/bank-account", token,
                "{\"bank\":\"BRI\",\"number\":\"12340100O123501\"}").json();
        assertThat(letter.get("valid").asBoolean()).isFalse();
        assertThat(letter.get("errors").get(0).get("code").asString()).isEqualTo("bank-account.letters");
        JsonNode missing = api.post("/api/v1/validation/bank-account", token,
                "{\"bank\":\"BRI\",\"number\":\"12340100012350\"}").json();
        assertThat(missing.get("errors").get(0).get("message").asString())
                .isEqualTo("Nomor rekening Bank Rakyat Indonesia harus 15 digit; yang diisi 14 digit "
                        + "(ada digit yang kurang, mungkin angka nol di depan hilang).");
        JsonNode ok = api.post("/api/v1/validation/bank-account", token, "{\"bank\":\"bni\",\"number\":\"0123456789\"}").json();
        assertThat(ok.get("valid").asBoolean()).isTrue();
    }

    @Test
    void validationNeedsAToken() {
        assertThat(api.post("/api/v1/validation/nik", null, "{\"nik\":\"1409010101900002\"}").status()).isEqualTo(401);
    }
}
