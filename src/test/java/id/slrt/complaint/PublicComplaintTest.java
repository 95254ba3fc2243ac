package id.slrt.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import id.slrt.complaint.Citizen.Upload;
import id.slrt.complaint.web.PublicLimits;
import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import id.slrt.support.TestNik;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The citizen's doors without an account: the form, the receipt, the status by code. */
@IntegrationTest
class PublicComplaintTest {
    static final String DESA = "1409011012";
    static final String KEC = "140901";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;
    @Autowired
    PublicLimits limits;
    Citizen citizen;

    @BeforeEach
    void setUp() {
        limits.reset();
        citizen = new Citizen(port);
    }

    static Map<String, String> filing(String name, String phone, String nik, String description) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("regionCode", DESA);
        f.put("complainantName", name);
        f.put("complainantPhone", phone);
        f.put("complainantNik", nik);
        f.put("subjectNik", "");
        f.put("category", "PAYMENT_PROBLEM");
        f.put("type", "PENGADUAN");
        f.put("description", description);
        f.put("website", "");
        return f;
    }

    /** Files on the public form and returns the tracking code from the redirect to the receipt. */
    String file(Citizen who, Map<String, String> fields, Upload... files) {
        Citizen.Response r = who.postMultipart("/pengaduan", "/pengaduan", fields, files);
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        assertThat(r.location()).contains("/pengaduan/tanda-terima?code=SLRT-");
        return r.location().substring(r.location().indexOf("code=") + 5);
    }

    @Test
    void filingOnThePublicFormGivesACodeAndAPrintableReceiptWithoutTheNik() throws Exception {
        String nik = TestNik.nik(KEC, LocalDate.of(1969, 4, 12), false);
        String code = file(citizen, filing("Sutrisno", "0812 3456 7788", nik,
                "Tunjangan guru mengaji tidak cair karena NIK tidak valid dan nomor rekening kurang satu digit."),
                new Upload("buku-tabungan.pdf", "application/pdf", PDF));

        assertThat(code).matches("SLRT-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}");
        Citizen.Response page = citizen.get("/pengaduan/tanda-terima?code=" + code);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(code).doesNotContain(nik).doesNotContain("Sutrisno");

        Citizen.Response pdf = citizen.get("/pengaduan/tanda-terima.pdf?code=" + code);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(new String(pdf.bytes(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = new PdfTextExtractor(new PdfReader(pdf.bytes())).getTextFromPage(1);
        assertThat(text).contains(code).contains("Masalah pencairan").contains("/pengaduan/status")
                .doesNotContain(nik).doesNotContain("Sutrisno");

        // The complaint reached the desa, with its attachment and the registry's check of the NIK.
        Api api = new Api(port);
        JsonNode list = api.get("/api/v1/complaints?status=RECEIVED&size=200&sort=newest", api.demoToken("operator")).json();
        JsonNode mine = null;
        for (JsonNode c : list.get("items")) {
            if (c.get("trackingCode").asString().equals(code)) {
                mine = c;
            }
        }
        assertThat(mine).as("the desa operator sees the complaint").isNotNull();
        assertThat(mine.get("channel").asString()).isEqualTo("WEB_PUBLIC");
        assertThat(mine.get("complainantPhone").asString()).isEqualTo("081234567788");
        JsonNode view = api.get("/api/v1/complaints/" + mine.get("id").asString(), api.demoToken("operator")).json();
        assertThat(view.get("files")).hasSize(1);
        assertThat(view.get("events").get(0).get("action").asString()).isEqualTo("FILED");
    }

    @Test
    void aReceiptIsOnlyShownToTheSessionThatFiled() {
        String code = file(citizen, filing("Wati", "", "", "Beras bantuan tidak datang bulan ini."));
        Citizen stranger = new Citizen(port);
        assertThat(stranger.get("/pengaduan/tanda-terima?code=" + code).status()).isEqualTo(404);
        assertThat(stranger.get("/pengaduan/tanda-terima.pdf?code=" + code).status()).isEqualTo(404);
    }

    @Test
    void theStatusPageShowsTheStageButNoPersonalDataAndRefusesAWrongPhoneSuffix() {
        String nik = TestNik.nik(KEC, LocalDate.of(1980, 1, 20), true);
        String code = file(citizen, filing("Rahmawati Siregar", "081298765432", nik,
                "Anak saya belum menerima KIP sejak semester lalu."));
        Citizen other = new Citizen(port);

        Citizen.Response ok = other.postForm("/pengaduan/status", "/pengaduan/status",
                Map.of("code", code.toLowerCase().replace("-", " "), "phone", "5432"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).contains("id=\"status-result\"").contains("Diterima, menunggu ditanggapi petugas")
                .doesNotContain("Rahmawati").doesNotContain(nik).doesNotContain("KIP sejak").doesNotContain("081298765432");

        Citizen.Response wrongSuffix = other.postForm("/pengaduan/status", "/pengaduan/status",
                Map.of("code", code, "phone", "1111"));
        Citizen.Response unknown = other.postForm("/pengaduan/status", "/pengaduan/status",
                Map.of("code", "SLRT-22222-22222", "phone", "5432"));
        assertThat(wrongSuffix.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(wrongSuffix.body()).doesNotContain("id=\"status-result\"");
        assertThat(message(wrongSuffix.body())).isEqualTo(message(unknown.body())).contains("Kode tidak ditemukan");

        Citizen.Response english = other.postForm("/pengaduan/status?lang=en", "/pengaduan/status?lang=en",
                Map.of("code", code, "phone", "5432"));
        assertThat(english.body()).contains("Received, waiting for a response from staff")
                .contains("Expected to be resolved by");
    }

    @Test
    void aWrongTypeOrOversizedAttachmentIsRefusedAndTheFormKeepsWhatWasTyped() {
        Map<String, String> fields = filing("Hendra Gunawan", "", "", "Kursi roda untuk anak saya yang lumpuh.");
        fields.put("category", "NEED_DISABILITY_AID");

        Citizen.Response wrongType = citizen.postMultipart("/pengaduan", "/pengaduan", fields,
                new Upload("surat.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        "PK\u0003\u0004 not a photo".getBytes(StandardCharsets.UTF_8)));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body()).contains("id=\"files-error\"").contains("surat.docx")
                .contains("value=\"Hendra Gunawan\"").contains("Kursi roda untuk anak saya yang lumpuh.")
                .containsPattern("value=\"NEED_DISABILITY_AID\"\\s+selected");

        byte[] big = new byte[10 * 1024 * 1024 + 1024];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        Citizen.Response tooLarge = citizen.postMultipart("/pengaduan", "/pengaduan", fields,
                new Upload("foto-besar.pdf", "application/pdf", big));
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.body()).contains("id=\"files-error\"").contains("Berkas terlalu besar: foto-besar.pdf")
                .contains("value=\"Hendra Gunawan\"").contains("Kursi roda untuk anak saya yang lumpuh.");
    }

    @Test
    void anInvalidNikIsRefusedOnItsFieldAndOneTypedWithSpacesIsTakenAsItsDigits() {
        Map<String, String> fields = filing("Budi", "", "3201-99", "Data KK saya salah.");
        Citizen.Response refused = citizen.postMultipart("/pengaduan", "/pengaduan", fields);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("NIK harus 16 digit");

        String nik = TestNik.nik(KEC, LocalDate.of(1991, 7, 3), false);
        fields.put("complainantNik", nik.substring(0, 6) + " " + nik.substring(6, 12) + " " + nik.substring(12));
        file(citizen, fields);
    }

    @Test
    void aRobotFillingTheHiddenFieldFilesNothing() {
        Map<String, String> fields = filing("Bot", "", "", "Beli obat murah di sini.");
        fields.put("website", "http://spam.example");
        Citizen.Response r = citizen.postMultipart("/pengaduan", "/pengaduan", fields);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.location()).isEmpty();
    }

    @Test
    void theEleventhFilingFromOneClientWithinTenMinutesIsRefusedWithTheFormKept() {
        for (int i = 0; i < 10; i++) {
            file(citizen, filing("Warga " + i, "", "", "Pengaduan ke-" + i));
        }
        Citizen.Response refused = citizen.postMultipart("/pengaduan", "/pengaduan",
                filing("Warga 11", "", "", "Pengaduan kesebelas"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("Terlalu banyak permintaan").contains("value=\"Warga 11\"");
    }

    @Test
    void thePublicFormWorksWithoutLogInAndNeedsItsCsrfToken() {
        Citizen.Response form = citizen.get("/pengaduan");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"complaint-form\"").contains("name=\"_csrf\"")
                .contains("id=\"regionCode-level-0\"").contains("name=\"website\"");
        assertThat(citizen.get("/pengaduan/status").status()).isEqualTo(200);
    }

    private static String message(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("class=\"alert alert-danger\" role=\"alert\">([^<]+)<")
                .matcher(html);
        return m.find() ? m.group(1) : "";
    }
}
