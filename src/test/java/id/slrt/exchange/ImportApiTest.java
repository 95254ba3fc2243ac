package id.slrt.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.exchange.internal.ImportRunner;
import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import id.slrt.support.TestNik;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Imports of real files through the API: CSV in both encodings and separators, XLSX written by POI,
 * damaged rows named with the registry's codes on the right row, idempotency, cancel, and scope.
 */
@IntegrationTest
class ImportApiTest {
    static final String DESA = "1409011012";
    static final String KEC = "140901";
    static final String DESA2 = "1409021016";
    static final String CSV_TYPE = "text/csv";
    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    int port;
    @Autowired
    ImportRunner runner;
    Api api;
    String operator;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        operator = api.demoToken("operator");
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** A person: NIK consistent with birth date and sex, in kecamatan 140901. */
    record Person(String nik, String name, LocalDate birth, boolean female, String relation) {
        static Person of(String name, LocalDate birth, boolean female, String relation) {
            return new Person(TestNik.nik(KEC, birth, female), name, birth, female, relation);
        }
    }

    static String kk() {
        return TestNik.kk(KEC, LocalDate.of(2015, 6, 7));
    }

    JsonNode upload(String token, String fileName, byte[] content, String type) {
        Api.Response r = api.upload("/api/v1/imports", token, Map.of(), fileName, content, type);
        assertThat(r.status()).as(r.body()).isIn(200, 202);
        return r.json();
    }

    JsonNode awaitEnd(String token, String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            Api.Response r = api.get("/api/v1/imports/" + id, token);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            if (!r.json().get("status").asString().equals("RUNNING")) {
                return r.json();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not end");
    }

    JsonNode importAndWait(String token, String fileName, byte[] content, String type) throws InterruptedException {
        JsonNode started = upload(token, fileName, content, type);
        return awaitEnd(token, started.get("id").asString());
    }

    /** Row number → the codes found on it, for rows of one outcome. */
    Map<Integer, List<String>> codes(String token, String id, String outcome) {
        Api.Response r = api.get("/api/v1/imports/" + id + "/rows?outcome=" + outcome + "&size=1000", token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<Integer, List<String>> map = new HashMap<>();
        for (JsonNode row : r.json()) {
            List<String> list = new ArrayList<>();
            row.get("errors").forEach(e -> list.add(e.get("code").asString()));
            map.put(row.get("row").asInt(), list);
        }
        return map;
    }

    JsonNode errorOf(String token, String id, int rowNo, String code) {
        Api.Response r = api.get("/api/v1/imports/" + id + "/rows?outcome=error&size=1000", token);
        for (JsonNode row : r.json()) {
            if (row.get("row").asInt() == rowNo) {
                for (JsonNode e : row.get("errors")) {
                    if (e.get("code").asString().equals(code)) {
                        return e;
                    }
                }
            }
        }
        throw new AssertionError("no " + code + " on row " + rowNo + ": " + r.body());
    }

    boolean inRegistry(String nik) {
        Api.Response r = api.get("/api/v1/people?nik=" + nik, api.demoToken("slrt"));
        assertThat(r.status()).isEqualTo(200);
        return r.json().size() > 0;
    }

    static String csvLine(char sep, String... fields) {
        return String.join(String.valueOf(sep), fields) + "\r\n";
    }

    static final String[] HEADER = {"NO_KK", "NIK", "NAMA", "TEMPAT_LAHIR", "TGL_LAHIR", "JENIS_KELAMIN",
            "HUB_KELUARGA", "STATUS_KAWIN", "ALAMAT", "RT", "RW", "KODE_WILAYAH", "BANK", "NO_REKENING", "PKH",
            "KETERANGAN_DESA"};

    static String[] row(String kk, Person p, String desa, String bank, String account) {
        return new String[] {kk, p.nik(), p.name(), "Teluk Kuantan", p.birth().toString(), p.female() ? "P" : "L",
                p.relation(), "KAWIN", "Jl. Sudirman 5", "001", "002", desa, bank, account, "Y", "catatan desa"};
    }

    // --- tests -----------------------------------------------------------------------------------

    @Test
    void utf8CommaCsvWithBomImportsEveryHouseholdAndKeepsUnknownColumns() throws Exception {
        String kk1 = kk();
        String kk2 = kk();
        Person head1 = Person.of("Budi Santoso", LocalDate.of(1975, 1, 12), false, "1");
        Person wife1 = Person.of("Siti Aminah", LocalDate.of(1978, 2, 13), true, "Istri");
        Person head2 = Person.of("Ahmad Yani", LocalDate.of(1969, 3, 14), false, "Kepala Keluarga");
        StringBuilder csv = new StringBuilder("\uFEFF").append(csvLine(',', "Nomor KK", "nik", "Nama Lengkap",
                "tempat lahir", "Tanggal Lahir", "JK", "Hubungan", "ALAMAT", "RT", "RW", "KDDESA", "CATATAN"));
        for (Object[] r : new Object[][] {{kk1, head1}, {kk1, wife1}, {kk2, head2}}) {
            Person p = (Person) r[1];
            csv.append(csvLine(',', (String) r[0], p.nik(), p.name(), "Pekanbaru",
                    String.format("%02d-%02d-%d", p.birth().getDayOfMonth(), p.birth().getMonthValue(), p.birth().getYear()),
                    p.female() ? "Perempuan" : "Laki-laki", p.relation(), "\"Jl. Tuanku Tambusai, Gg. 2\"", "1", "3",
                    DESA, "pindahan"));
        }
        JsonNode job = importAndWait(operator, "keluarga-utf8.csv", csv.toString().getBytes(StandardCharsets.UTF_8), CSV_TYPE);

        assertThat(job.get("status").asString()).isEqualTo("DONE");
        assertThat(job.get("totalRows").asInt()).isEqualTo(3);
        assertThat(job.get("errors").asInt()).as(codes(operator, job.get("id").asString(), "error").toString()).isZero();
        assertThat(job.get("accepted").asInt() + job.get("warnings").asInt()).isEqualTo(3);
        assertThat(job.get("households").asInt()).isEqualTo(2);
        assertThat(inRegistry(head1.nik())).isTrue();
        assertThat(inRegistry(wife1.nik())).isTrue();
        assertThat(inRegistry(head2.nik())).isTrue();
        JsonNode columns = job.get("columns");
        assertThat(columns.get(11).get("header").asString()).isEqualTo("CATATAN");
        assertThat(columns.get(11).has("field")).isFalse();
        Api.Response rows = api.get("/api/v1/imports/" + job.get("id").asString() + "/rows", operator);
        assertThat(rows.status()).isEqualTo(200);
        assertThat(rows.json().size()).isEqualTo(3);
        assertThat(rows.json().get(0).get("row").asInt()).isEqualTo(1);
    }

    @Test
    void windows1252SemicolonCsvKeepsAccentedNames() throws Exception {
        String kk = kk();
        Person head = Person.of("José Ñoño", LocalDate.of(1971, 4, 15), false, "1");
        Person child = Person.of("Renée Ñoño", LocalDate.of(2005, 5, 16), true, "3");
        StringBuilder csv = new StringBuilder(csvLine(';', "NO_KK", "NIK", "NAMA", "TGL_LAHIR", "JENIS_KELAMIN",
                "HUB_KELUARGA", "STATUS_KAWIN", "KODE_WILAYAH"));
        csv.append(csvLine(';', kk, head.nik(), head.name(), "15/04/1971", "1", "1", "2", DESA));
        csv.append(csvLine(';', kk, child.nik(), child.name(), "16/05/2005", "2", "3", "1", DESA));
        byte[] bytes = csv.toString().getBytes(Charset.forName("windows-1252"));
        assertThat(bytes).contains((byte) 0xE9); // é as one Windows-1252 byte: not valid UTF-8

        JsonNode job = importAndWait(operator, "keluarga-1252.csv", bytes, CSV_TYPE);

        assertThat(job.get("status").asString()).isEqualTo("DONE");
        assertThat(job.get("errors").asInt()).as(codes(operator, job.get("id").asString(), "error").toString()).isZero();
        Api.Response people = api.get("/api/v1/people?nik=" + head.nik(), operator);
        assertThat(people.json().get(0).get("fullName").asString()).isEqualTo("José Ñoño");
        Api.Response child1 = api.get("/api/v1/people?nik=" + child.nik(), operator);
        assertThat(child1.json().get(0).get("fullName").asString()).isEqualTo("Renée Ñoño");
        assertThat(child1.json().get(0).get("birthDate").asString()).isEqualTo("2005-05-16");
    }

    @Test
    void xlsxWrittenByPoiIsReadWithDatesAndANikStoredAsANumberIsNamed() throws Exception {
        String kk1 = kk();
        String kk2 = kk();
        Person head = Person.of("Rahmat Hidayat", LocalDate.of(1980, 6, 17), false, "1");
        Person wife = Person.of("Nur Aini", LocalDate.of(1982, 7, 18), true, "2");
        Person damaged = Person.of("Joko Susilo", LocalDate.of(1984, 8, 19), false, "1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("DTKS");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            String[] header = {"NO_KK", "NIK", "NAMA", "TGL_LAHIR", "JK", "HUB_KELUARGA", "KODE_WILAYAH", "PBI"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            Row r1 = sheet.createRow(1);
            r1.createCell(0).setCellValue(kk1);
            r1.createCell(1).setCellValue(head.nik());
            r1.createCell(2).setCellValue(head.name());
            r1.createCell(3).setCellValue(head.birth()); // a real Excel date cell
            r1.getCell(3).setCellStyle(date);
            r1.createCell(4).setCellValue("L");
            r1.createCell(5).setCellValue(1); // DTKS code as a number
            r1.createCell(6).setCellValue(DESA);
            r1.createCell(7).setCellValue("Ya");
            Row r2 = sheet.createRow(2);
            r2.createCell(0).setCellValue(kk1);
            r2.createCell(1).setCellValue(wife.nik());
            r2.createCell(2).setCellValue(wife.name());
            r2.createCell(3).setCellValue(org.apache.poi.ss.usermodel.DateUtil.getExcelDate(wife.birth())); // a bare serial
            r2.createCell(4).setCellValue("P");
            r2.createCell(5).setCellValue("Istri");
            r2.createCell(6).setCellValue(DESA);
            Row r3 = sheet.createRow(3);
            r3.createCell(0).setCellValue(kk2);
            r3.createCell(1).setCellValue(Double.parseDouble(damaged.nik())); // Excel turned it into a number
            r3.createCell(2).setCellValue(damaged.name());
            r3.createCell(3).setCellValue("19-08-1984");
            r3.createCell(4).setCellValue("L");
            r3.createCell(5).setCellValue("1");
            r3.createCell(6).setCellValue(DESA);
            wb.write(out);
        }
        JsonNode job = importAndWait(operator, "keluarga.xlsx", out.toByteArray(), XLSX_TYPE);
        String id = job.get("id").asString();

        assertThat(job.get("status").asString()).isEqualTo("DONE");
        assertThat(job.get("totalRows").asInt()).isEqualTo(3);
        assertThat(codes(operator, id, "error")).containsOnlyKeys(3);
        JsonNode e = errorOf(operator, id, 3, "nik.scientific-notation");
        assertThat(e.get("column").asString()).isEqualTo("NIK");
        assertThat(e.get("message").asString()).contains("notasi ilmiah oleh Excel");
        assertThat(inRegistry(head.nik())).isTrue();
        Api.Response w = api.get("/api/v1/people?nik=" + wife.nik(), operator);
        assertThat(w.json().get(0).get("birthDate").asString()).isEqualTo(wife.birth().toString());
        assertThat(inRegistry(damaged.nik())).isFalse();
    }

    @Test
    void damagedRowsAreReportedWithTheRegistryCodesOnTheirRowsWhileTheRestIsImported() throws Exception {
        Person good = Person.of("Sri Wahyuni", LocalDate.of(1986, 9, 20), true, "1");
        Person sci = Person.of("Agus Salim", LocalDate.of(1987, 10, 21), false, "1");
        Person short15 = Person.of("Dedi Kurniawan", LocalDate.of(1988, 11, 22), false, "1");
        Person letters = Person.of("Eko Prasetyo", LocalDate.of(1989, 12, 23), false, "1");
        Person badDate = Person.of("Fajar Nugroho", LocalDate.of(1990, 1, 24), false, "1");
        Person sexX = Person.of("Gita Lestari", LocalDate.of(1991, 2, 25), true, "1");
        Person dupFirst = Person.of("Hadi Wijaya", LocalDate.of(1992, 3, 26), false, "1");
        Person good2 = Person.of("Indah Permata", LocalDate.of(1993, 4, 27), true, "1");
        StringBuilder csv = new StringBuilder(csvLine(',', HEADER));
        csv.append(csvLine(',', row(kk(), good, DESA, "BNI", "0123456789")));                         // 1
        String[] s = row(kk(), sci, DESA, "", "");
        s[1] = "1.40901E+15";
        csv.append(csvLine(',', s));                                                                   // 2
        String[] f = row(kk(), short15, DESA, "", "");
        f[1] = short15.nik().substring(1);
        csv.append(csvLine(',', f));                                                                   // 3
        csv.append(csvLine(',', row(kk(), letters, DESA, "BNI", "12345O7890")));                      // 4
        String[] d = row(kk(), badDate, DESA, "", "");
        d[4] = "31-02-1990";
        csv.append(csvLine(',', d));                                                                   // 5
        String[] x = row(kk(), sexX, DESA, "", "");
        x[5] = "X";
        csv.append(csvLine(',', x));                                                                   // 6
        csv.append(csvLine(',', row(kk(), dupFirst, DESA, "", "")));                                  // 7
        String[] dup = row(kk(), new Person(dupFirst.nik(), "Hadi Wijaya", dupFirst.birth(), false, "1"), DESA, "", "");
        csv.append(csvLine(',', dup));                                                                 // 8
        csv.append(csvLine(',', row(kk(), good2, DESA, "", "")));                                     // 9

        JsonNode job = importAndWait(operator, "rusak.csv", csv.toString().getBytes(StandardCharsets.UTF_8), CSV_TYPE);
        String id = job.get("id").asString();

        assertThat(job.get("status").asString()).isEqualTo("DONE");
        assertThat(job.get("totalRows").asInt()).isEqualTo(9);
        assertThat(job.get("errors").asInt()).isEqualTo(6);
        Map<Integer, List<String>> errors = codes(operator, id, "error");
        assertThat(errors).containsOnlyKeys(2, 3, 4, 5, 6, 8);
        assertThat(errors.get(2)).contains("nik.scientific-notation");
        assertThat(errors.get(3)).contains("nik.length");
        assertThat(errors.get(4)).contains("bank-account.letters");
        assertThat(errors.get(5)).contains("birth-date.invalid");
        assertThat(errors.get(6)).containsExactly("import.sex-unknown");
        assertThat(errors.get(8)).contains("import.nik-duplicate-in-file");
        assertThat(errorOf(operator, id, 4, "bank-account.letters").get("column").asString()).isEqualTo("NO_REKENING");
        assertThat(errorOf(operator, id, 5, "birth-date.invalid").get("column").asString()).isEqualTo("TGL_LAHIR");
        assertThat(errorOf(operator, id, 8, "import.nik-duplicate-in-file").get("message").asString()).contains("7");
        assertThat(inRegistry(good.nik())).isTrue();
        assertThat(inRegistry(good2.nik())).isTrue();
        assertThat(inRegistry(dupFirst.nik())).isTrue();
        assertThat(inRegistry(letters.nik())).isFalse();
        assertThat(inRegistry(badDate.nik())).isFalse();

        byte[] quarantine = download("/api/v1/imports/" + id + "/quarantine", operator);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(quarantine))) {
            Sheet sheet = wb.getSheetAt(0);
            Row head = sheet.getRow(0);
            assertThat(head.getCell(HEADER.length).getStringCellValue()).isEqualTo("KESALAHAN");
            assertThat(sheet.getLastRowNum()).isEqualTo(6);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("1.40901E+15");
            assertThat(sheet.getRow(1).getCell(HEADER.length).getStringCellValue()).contains("notasi ilmiah");
            assertThat(sheet.getRow(3).getCell(13).getStringCellValue()).isEqualTo("12345O7890");
        }
    }

    @Test
    void theSameFileImportedAgainChangesNothingAndSaysSo() throws Exception {
        Person head = Person.of("Joni Iskandar", LocalDate.of(1974, 5, 28), false, "1");
        byte[] csv = (csvLine(',', HEADER) + csvLine(',', row(kk(), head, DESA, "", ""))).getBytes(StandardCharsets.UTF_8);
        JsonNode first = importAndWait(operator, "sekali.csv", csv, CSV_TYPE);
        assertThat(first.get("households").asInt()).isEqualTo(1);

        Api.Response again = api.upload("/api/v1/imports", operator, Map.of(), "sekali-lagi.csv", csv, CSV_TYPE);

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(first.get("id").asString());
        assertThat(again.json().get("alreadyImported").asBoolean()).isTrue();
        assertThat(again.json().get("message").asString()).contains("sudah pernah diimpor");
        assertThat(api.get("/api/v1/people?nik=" + head.nik(), operator).json().size()).isEqualTo(1);
    }

    @Test
    void aPersonAlreadyInTheRegistryIsReportedAndSkipped() throws Exception {
        Person head = Person.of("Kartini Dewi", LocalDate.of(1976, 6, 29), true, "1");
        String kk = kk();
        importAndWait(operator, "pertama.csv",
                (csvLine(',', HEADER) + csvLine(',', row(kk, head, DESA, "", ""))).getBytes(StandardCharsets.UTF_8), CSV_TYPE);
        Person child = Person.of("Lia Dewi", LocalDate.of(2010, 7, 30), true, "3");
        byte[] second = (csvLine(',', HEADER) + csvLine(',', row(kk, head, DESA, "", ""))
                + csvLine(',', row(kk, child, DESA, "", ""))).getBytes(StandardCharsets.UTF_8);

        JsonNode job = importAndWait(operator, "kedua.csv", second, CSV_TYPE);

        Map<Integer, List<String>> warnings = codes(operator, job.get("id").asString(), "warning");
        assertThat(warnings.get(1)).contains("import.exists");
        assertThat(warnings.get(2)).contains("import.household-skipped");
        assertThat(job.get("households").asInt()).isZero();
        assertThat(inRegistry(child.nik())).isFalse();
    }

    @Test
    void aCancelledImportLeavesTheRegistryUnchanged() throws Exception {
        List<Person> people = new ArrayList<>();
        StringBuilder csv = new StringBuilder(csvLine(',', HEADER));
        for (int i = 0; i < 30; i++) {
            Person p = Person.of("Warga Batal", LocalDate.of(1960 + i, 1 + i % 12, 1 + i % 28), false, "1");
            people.add(p);
            csv.append(csvLine(',', row(kk(), p, DESA, "", "")));
        }
        CountDownLatch release = new CountDownLatch(1);
        runner.holdBeforeCommit("batal.csv", release);
        try {
            String id = upload(operator, "batal.csv", csv.toString().getBytes(StandardCharsets.UTF_8), CSV_TYPE)
                    .get("id").asString();
            awaitEveryHouseholdChecked(id, 30);

            Api.Response cancel = api.post("/api/v1/imports/" + id + "/cancel", operator, "");
            assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
            release.countDown();
            JsonNode job = awaitEnd(operator, id);

            assertThat(job.get("status").asString()).isEqualTo("CANCELLED");
            assertThat(job.get("households").asInt()).isZero();
            for (Person p : people) {
                assertThat(inRegistry(p.nik())).as(p.nik()).isFalse();
            }
            Api.Response late = api.post("/api/v1/imports/" + id + "/cancel", operator, "");
            assertThat(late.status()).isEqualTo(409);
        } finally {
            release.countDown();
            runner.release("batal.csv");
        }
    }

    /** Waits until the job has checked (and saved, uncommitted) every household and waits at the hold. */
    void awaitEveryHouseholdChecked(String id, int rows) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode j = api.get("/api/v1/imports/" + id, operator).json();
            if (j.get("phase").asString().equals("CHECKING") && j.get("rowsDone").asInt() == rows) {
                assertThat(j.get("households").asInt()).isEqualTo(rows);
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import did not reach its commit");
    }

    @Test
    void anOperatorCannotImportIntoADesaOutsideTheirScopeNorSeeAnotherDesasImport() throws Exception {
        Person other = Person.of("Mulyadi", LocalDate.of(1979, 8, 31), false, "1");
        Person mine = Person.of("Nurhayati", LocalDate.of(1981, 9, 1), true, "1");
        byte[] csv = (csvLine(',', HEADER) + csvLine(',', row(kk(), other, DESA2, "", ""))
                + csvLine(',', row(kk(), mine, DESA, "", ""))).getBytes(StandardCharsets.UTF_8);

        JsonNode job = importAndWait(operator, "desa-lain.csv", csv, CSV_TYPE);
        String id = job.get("id").asString();

        assertThat(codes(operator, id, "error")).containsOnlyKeys(1);
        assertThat(errorOf(operator, id, 1, "region.outside-scope").get("column").asString()).isEqualTo("KODE_WILAYAH");
        assertThat(inRegistry(other.nik())).isFalse();
        assertThat(inRegistry(mine.nik())).isTrue();
        String operator2 = api.demoToken("operator2");
        assertThat(api.get("/api/v1/imports/" + id, operator2).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/imports/" + id, api.demoToken("supervisor")).status()).isEqualTo(403);
    }

    byte[] download(String path, String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
