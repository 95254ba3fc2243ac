package id.slrt.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import id.slrt.support.TestNik;
import id.slrt.support.WebSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Export of the filtered household list: in the caller's scope only, CSV with BOM and exact headers in
 * both layouts, XLSX ids as text cells, filters applied, every export audited, partners refused.
 */
@IntegrationTest
class ExportApiTest {
    static final String DESA = "1409011012"; // operator: Pasar Lubuk Jambi, Kuantan Mudik
    static final String KEC = "140901";
    static final String DESA2 = "1409021016"; // operator2: Pasar Teluk, Kuantan Tengah
    static final String KEC2 = "140902";
    static final String REGISTRY_HEADER = "Nomor KK,Kode Wilayah,Provinsi,Kabupaten/Kota,Kecamatan,Desa/Kelurahan,"
            + "Alamat,RT,RW,Dusun,ID DTKS,Desil,Status Kepemilikan Rumah,Luas Lantai (m2),Jenis Lantai,Jenis Dinding,"
            + "Jenis Atap,Sumber Air Minum,Sumber Penerangan,Bahan Bakar Memasak,Fasilitas BAB,PPKS,Program,"
            + "Kualitas Data,NIK,Nama,Tempat Lahir,Tanggal Lahir,Jenis Kelamin,Hubungan Keluarga,Status Kawin,"
            + "Nama Ibu Kandung";
    static final String SIKSNG_HEADER = "iddtks,provinsi,kabupaten_kota,kecamatan,desa_kelurahan,alamat,dusun,rt,rw,"
            + "nomor_kk,nomor_nik,nama,tanggal_lahir,tempat_lahir,jenis_kelamin,nama_ibu_kandung,hubungan_keluarga";
    static final ObjectMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    Api api;
    String operator;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        api = new Api(port);
        operator = api.demoToken("operator");
    }

    /** A household as created: its No. KK, the head's and the wife's NIK, its id. */
    record Family(String id, String kk, String dtksId, String headNik, String wifeNik) {
    }

    Family register(String token, String desa, String kec, String head) {
        String kk = TestNik.kk(kec, LocalDate.of(2016, 4, 5));
        String headNik = TestNik.nik(kec, LocalDate.of(1980, 3, 4), false);
        String wifeNik = TestNik.nik(kec, LocalDate.of(1984, 7, 9), true);
        String dtksId = "DTKS" + kk.substring(8);
        String body = """
                {"regionCode":"%s","noKk":"%s","dtksId":"%s","address":"Jl. \\"Lintas\\" Tengah, No. 5","rt":"001",
                 "rw":"002","dusun":"Dusun I","floorType":"TANAH","desil":2,"members":[
                 {"nik":"%s","fullName":"%s","birthPlace":"Teluk Kuantan","birthDate":"1980-03-04","sex":"L",
                  "relationship":"KEPALA","maritalStatus":"KAWIN","motherName":"Siti Mariam"},
                 {"nik":"%s","fullName":"Nur Aini","birthPlace":"Lubuk Jambi","birthDate":"1984-07-09","sex":"P",
                  "relationship":"ISTRI_SUAMI","maritalStatus":"KAWIN","motherName":"Rosnah"}]}"""
                .formatted(desa, kk, dtksId, headNik, head, wifeNik);
        Api.Response r = api.post("/api/v1/households", token, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return new Family(r.json().get("household").get("id").asString(), kk, dtksId, headNik, wifeNik);
    }

    record Download(int status, String contentType, String disposition, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Data lines of a CSV (BOM and header dropped). */
        List<String> rows() {
            List<String> lines = Arrays.asList(text().substring(1).split("\r\n"));
            return lines.subList(1, lines.size());
        }
    }

    Download download(String token, String query) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/exports/households?" + query)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Download(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                r.headers().firstValue("Content-Disposition").orElse(""), r.body());
    }

    @Test
    void anOperatorsExportHoldsOnlyTheirOwnDesasHouseholds() throws Exception {
        Family mine = register(operator, DESA, KEC, "Ahmad Ekspor");
        Family theirs = register(api.demoToken("operator2"), DESA2, KEC2, "Bahar Ekspor");

        Download csv = download(operator, "format=csv&layout=registry");
        assertThat(csv.status()).as(csv.text()).isEqualTo(200);
        assertThat(csv.text()).contains(mine.kk()).doesNotContain(theirs.kk()).doesNotContain(theirs.headNik());
        assertThat(csv.rows()).isNotEmpty().allSatisfy(line -> assertThat(line.split(",")[1]).isEqualTo(DESA));

        Download other = download(api.demoToken("operator2"), "format=csv&layout=siksng");
        assertThat(other.text()).contains(theirs.kk()).doesNotContain(mine.kk());
        Download asking = download(api.demoToken("operator2"), "format=csv&region=" + DESA);
        assertThat(asking.status()).isEqualTo(200);
        assertThat(asking.text()).as("a region outside the scope yields nothing, not another desa's data")
                .doesNotContain(mine.kk());
        assertThat(asking.rows()).isEmpty();
    }

    @Test
    void theCsvHasABomTheExactHeaderAndTheHouseholdsRowsInBothLayouts() throws Exception {
        Family f = register(operator, DESA, KEC, "Ahmad Baris");

        Download registry = download(operator, "format=csv&layout=registry");
        assertThat(registry.contentType()).startsWith("text/csv");
        assertThat(registry.disposition()).startsWith("attachment").contains("rumah-tangga-" + DESA + "-").contains(".csv");
        assertThat(Arrays.copyOf(registry.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(registry.text().substring(1)).startsWith(REGISTRY_HEADER + "\r\n");
        assertThat(registry.rows()).containsSubsequence(
                f.kk() + "," + DESA + ",Riau,Kabupaten Kuantan Singingi,Kuantan Mudik,Pasar Lubuk Jambi,"
                        + "\"Jl. \"\"Lintas\"\" Tengah, No. 5\",001,002,Dusun I," + f.dtksId() + ",2,,,TANAH,,,,,,,,,OK,"
                        + f.headNik() + ",Ahmad Baris,Teluk Kuantan,1980-03-04,L,KEPALA,KAWIN,Siti Mariam",
                f.kk() + "," + DESA + ",Riau,Kabupaten Kuantan Singingi,Kuantan Mudik,Pasar Lubuk Jambi,"
                        + "\"Jl. \"\"Lintas\"\" Tengah, No. 5\",001,002,Dusun I," + f.dtksId() + ",2,,,TANAH,,,,,,,,,OK,"
                        + f.wifeNik() + ",Nur Aini,Lubuk Jambi,1984-07-09,P,ISTRI_SUAMI,KAWIN,Rosnah");

        Download siksng = download(operator, "format=csv&layout=siksng");
        assertThat(siksng.disposition()).contains("dtks-bnba-" + DESA + "-");
        assertThat(Arrays.copyOf(siksng.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(siksng.text().substring(1)).startsWith(SIKSNG_HEADER + "\r\n");
        assertThat(siksng.rows()).containsSubsequence(
                f.dtksId() + ",Riau,Kabupaten Kuantan Singingi,Kuantan Mudik,Pasar Lubuk Jambi,"
                        + "\"Jl. \"\"Lintas\"\" Tengah, No. 5\",Dusun I,001,002," + f.kk() + "," + f.headNik()
                        + ",Ahmad Baris,1980-03-04,Teluk Kuantan,1,Siti Mariam,1",
                f.dtksId() + ",Riau,Kabupaten Kuantan Singingi,Kuantan Mudik,Pasar Lubuk Jambi,"
                        + "\"Jl. \"\"Lintas\"\" Tengah, No. 5\",Dusun I,001,002," + f.kk() + "," + f.wifeNik()
                        + ",Nur Aini,1984-07-09,Lubuk Jambi,2,Rosnah,2");
    }

    @Test
    void inTheXlsxNikAndKkAreTextCellsNotNumbers() throws Exception {
        Family f = register(operator, DESA, KEC, "Ahmad Sel");
        for (String layout : List.of("registry", "siksng")) {
            Download xlsx = download(operator, "format=xlsx&layout=" + layout);
            assertThat(xlsx.status()).isEqualTo(200);
            assertThat(xlsx.contentType()).isEqualTo(ImportApiTest.XLSX_TYPE);
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                Sheet sheet = book.getSheetAt(0);
                List<String> headers = cells(sheet.getRow(0));
                assertThat(String.join(",", headers)).isEqualTo(layout.equals("registry") ? REGISTRY_HEADER : SIKSNG_HEADER);
                int nik = headers.indexOf(layout.equals("registry") ? "NIK" : "nomor_nik");
                int kk = headers.indexOf(layout.equals("registry") ? "Nomor KK" : "nomor_kk");
                Row head = null;
                for (Row row : sheet) {
                    Cell c = row.getCell(nik);
                    if (c != null && c.getCellType() == CellType.STRING && f.headNik().equals(c.getStringCellValue())) {
                        head = row;
                    }
                }
                assertThat(head).as("the head's row in the " + layout + " sheet").isNotNull();
                for (int column : new int[] {nik, kk}) {
                    Cell cell = head.getCell(column);
                    assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                    assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("@");
                }
                assertThat(head.getCell(kk).getStringCellValue()).isEqualTo(f.kk());
            }
        }
    }

    @Test
    void filtersApply() throws Exception {
        Family withPkh = register(operator, DESA, KEC, "Ahmad Pkh");
        Family without = register(operator, DESA, KEC, "Ahmad Tanpa");
        assertThat(api.post("/api/v1/households/" + withPkh.id() + "/programs", operator, "{\"program\":\"PKH\"}")
                .status()).isEqualTo(200);

        Download pkh = download(operator, "format=csv&layout=registry&program=PKH");
        assertThat(pkh.text()).contains(withPkh.headNik()).doesNotContain(without.headNik());
        assertThat(pkh.rows()).isNotEmpty().allSatisfy(line -> assertThat(line).contains(",PKH"));
        Download all = download(operator, "format=csv&layout=registry");
        assertThat(all.text()).contains(withPkh.headNik(), without.headNik());
    }

    @Test
    void everyExportIsAuditedWithItsFiltersLayoutFormatAndRowCount() throws Exception {
        String fasilitator = api.demoToken("fasilitator");
        Family f = register(operator, DESA, KEC, "Ahmad Audit");
        api.post("/api/v1/households/" + f.id() + "/programs", operator, "{\"program\":\"PKH\"}");
        Download csv = download(fasilitator, "format=csv&layout=siksng&program=PKH&region=" + DESA);
        int rows = csv.rows().size();
        assertThat(rows).isPositive();

        JsonNode entries = api.get("/api/v1/audit?action=REGISTRY_EXPORTED&actor=fasilitator&size=100",
                api.demoToken("admin")).json().get("items");
        boolean found = false;
        for (JsonNode e : entries) {
            JsonNode changes = JSON.readTree(e.get("changes").asString());
            if (changes.get("rows").get("to").asLong() == rows && "PKH".equals(changes.get("program").get("to").asString())) {
                assertThat(changes.get("region").get("to").asString()).isEqualTo(DESA);
                assertThat(changes.get("layout").get("to").asString()).isEqualTo("siksng");
                assertThat(changes.get("format").get("to").asString()).isEqualTo("csv");
                assertThat(e.get("regionCode").asString()).isEqualTo(DESA);
                assertThat(e.get("actorRole").asString()).isEqualTo("FASILITATOR");
                found = true;
            }
        }
        assertThat(found).as("an audit row with %d rows among %s", rows, entries).isTrue();
    }

    @Test
    void partnersMayNotExportAndUnknownFormatsAreRefused() throws Exception {
        assertThat(download(api.demoToken("mitra"), "format=csv").status()).isEqualTo(403);
        WebSession mitra = WebSession.login(port, "mitra", Api.DEMO_PASSWORD);
        assertThat(mitra.get("/exports/households?format=csv").status()).isEqualTo(403);

        Download bad = download(operator, "format=pdf&layout=bnba");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("\"format\"").contains("\"layout\"");
    }

    @Test
    void theListPageLinksToTheExportWithItsFilters() {
        register(operator, DESA, KEC, "Ahmad Halaman");
        WebSession web = WebSession.login(port, "operator", Api.DEMO_PASSWORD);
        WebSession.Page list = web.get("/households?quality=OK");
        assertThat(list.status()).isEqualTo(200);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("id=\"export-csv\"[^>]*href=\"([^\"]+)\"")
                .matcher(list.body());
        assertThat(link.find()).as("the CSV download link").isTrue();
        String href = link.group(1).replace("&amp;", "&");
        assertThat(href).startsWith("/exports/households?")
                .contains("format=csv", "layout=registry", "region=" + DESA, "quality=OK");
        WebSession.Page file = web.get(href);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).startsWith("\uFEFF" + REGISTRY_HEADER + "\r\n");
    }

    @Test
    void printsTheTimeToExportTheWholeRegistry() throws Exception {
        String slrt = api.demoToken("slrt");
        for (String query : List.of("format=csv&layout=registry", "format=xlsx&layout=registry", "format=csv&layout=siksng")) {
            long start = System.nanoTime();
            Download d = download(slrt, query);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(d.status()).isEqualTo(200);
            int rows = query.contains("csv") ? d.rows().size() : -1;
            System.out.printf("EXPORT %s: %d bytes, %s rows, %d ms%n", query, d.body().length,
                    rows < 0 ? "?" : String.valueOf(rows), ms);
        }
    }

    private static List<String> cells(Row row) {
        DataFormatter f = new DataFormatter();
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            out.add(f.formatCellValue(row.getCell(i)));
        }
        return out;
    }
}
