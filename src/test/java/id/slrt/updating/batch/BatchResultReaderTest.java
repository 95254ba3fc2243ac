package id.slrt.updating.batch;

import id.slrt.platform.Csv;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class BatchResultReaderTest {
    private static final String REASON = "NIK tidak padan dengan Dukcapil";
    private final BatchFileWriter writer = new BatchFileWriter();
    private final BatchResultReader reader = new BatchResultReader();

    @Test
    void csvBatchComesBackWithEveryThirdRowRejected() throws IOException {
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        writer.writeCsv(SampleRows.rows(10), batch);

        BatchResult result = read(kemensosMarksCsv(batch.toByteArray()));

        assertThat(result.readable()).isTrue();
        assertThat(result.rowProblems()).isEmpty();
        assertEveryThirdRejected(result.lines());
    }

    @Test
    void xlsxBatchComesBackWithEveryThirdRowRejected() throws IOException {
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        writer.writeXlsx(SampleRows.rows(10), batch);

        BatchResult result = read(kemensosMarksXlsx(batch.toByteArray()));

        assertThat(result.readable()).isTrue();
        assertThat(result.rowProblems()).isEmpty();
        assertEveryThirdRejected(result.lines());
    }

    @Test
    void lineNumbersCountTheHeaderAndLineBreaksInsideQuotes() throws IOException {
        BatchResult result = read(csv("""
                nomor_usulan,status,keterangan
                UP-1,DITOLAK,"baris satu
                baris dua"
                UP-2,DITERIMA,
                """));

        assertThat(result.lines()).extracting(ResultLine::lineNumber).containsExactly(2, 4);
        assertThat(result.lines().get(0).reason()).isEqualTo("baris satu\nbaris dua");
    }

    @Test
    void semicolonFileFromExcelWithIndonesianSettingsIsRead() throws IOException {
        BatchResult result = read(csv("NO_USULAN;NIK;HASIL;ALASAN\nUP-1;3201014000000001;Ditolak;meninggal, akta ada\n"));

        assertThat(result.lines()).containsExactly(
                new ResultLine(2, "UP-1", "3201014000000001", Outcome.REJECTED, "meninggal, akta ada"));
    }

    @Test
    void pipeFileLikeDtksExportsIsRead() throws IOException {
        BatchResult result = read(csv("id_usulan|nomor_nik|status_verifikasi|catatan\nUP-1|3201014000000001| valid |\n"));

        assertThat(result.lines()).containsExactly(
                new ResultLine(2, "UP-1", "3201014000000001", Outcome.CONFIRMED, null));
    }

    @Test
    void headersMatchIgnoringCaseSpacesAndOrder() throws IOException {
        BatchResult result = read(csv("Keterangan,Status,No. Usulan\n-,OK,UP-1\n"));

        assertThat(result.lines()).containsExactly(new ResultLine(2, "UP-1", null, Outcome.CONFIRMED, "-"));
    }

    @Test
    void byteOrderMarkIsOptional() throws IOException {
        String text = "nomor_usulan,status\nUP-1,DITERIMA\n";
        byte[] withBom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);

        assertThat(read(withBom).lines()).isEqualTo(read(csv(text)).lines()).hasSize(1);
    }

    @Test
    void everyListedStatusValueIsUnderstood() throws IOException {
        BatchResult result = read(csv("""
                nomor_usulan,status
                A,DITERIMA
                B,disetujui
                C,Valid
                D,CONFIRMED
                E,ok
                F,DITOLAK
                G,tidak valid
                H,TIDAK_VALID
                I,rejected
                """));

        assertThat(result.lines()).extracting(ResultLine::outcome).containsExactly(
                Outcome.CONFIRMED, Outcome.CONFIRMED, Outcome.CONFIRMED, Outcome.CONFIRMED, Outcome.CONFIRMED,
                Outcome.REJECTED, Outcome.REJECTED, Outcome.REJECTED, Outcome.REJECTED);
    }

    @Test
    void unknownOrMissingStatusAndMissingRequestNumberAreProblemsNotDroppedRows() throws IOException {
        BatchResult result = read(csv("""
                nomor_usulan,status
                UP-1,DIPROSES
                UP-2,
                ,DITERIMA
                UP-4,DITERIMA
                """));

        assertThat(result.entries()).containsExactly(
                new ResultProblem(2, "batch.result.unknown-status", "UP-1", "DIPROSES"),
                new ResultProblem(3, "batch.result.missing-status", "UP-2"),
                new ResultProblem(4, "batch.result.missing-request-number"),
                new ResultLine(5, "UP-4", null, Outcome.CONFIRMED, null));
    }

    @Test
    void emptyLinesAreNotRows() throws IOException {
        BatchResult result = read(csv("\nnomor_usulan,status\n\nUP-1,OK\n\n"));

        assertThat(result.entries()).containsExactly(new ResultLine(4, "UP-1", null, Outcome.CONFIRMED, null));
    }

    @Test
    void nikThatExcelTurnedIntoScientificNotationIsAProblem() throws IOException {
        BatchResult result = read(csv("nomor_usulan;nik;status\nUP-1;1.40901E+15;DITERIMA\nUP-2;1,40901E+15;DITERIMA\n"));

        assertThat(result.entries()).containsExactly(
                new ResultProblem(2, "batch.result.nik-as-number", "UP-1", "1.40901E+15"),
                new ResultProblem(3, "batch.result.nik-as-number", "UP-2", "1,40901E+15"));
    }

    @Test
    void nikStoredAsANumberInXlsxIsAProblemEvenWhenItShowsAllDigits() throws IOException {
        byte[] xlsx = workbook(sheet -> {
            header(sheet, "nomor_usulan", "nik", "status");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("UP-1");
            row.createCell(1).setCellValue(1.40901E15);
            row.createCell(2).setCellValue("DITERIMA");
        });

        assertThat(read(xlsx).entries()).containsExactly(
                new ResultProblem(2, "batch.result.nik-as-number", "UP-1", "1409010000000000"));
    }

    @Test
    void nikThatIsNot16DigitsIsAProblem() throws IOException {
        BatchResult result = read(csv("nomor_usulan,nik,status\nUP-1,320101400000001,DITERIMA\n"));

        assertThat(result.entries()).containsExactly(
                new ResultProblem(2, "batch.result.nik-invalid", "UP-1", "320101400000001"));
    }

    @Test
    void missingRequiredColumnsAreFileProblemsNamingTheAcceptedNames() throws IOException {
        BatchResult result = read(csv("nik,keterangan\n3201014000000001,x\n"));

        assertThat(result.readable()).isFalse();
        assertThat(result.entries()).isEmpty();
        assertThat(result.fileProblems()).containsExactly(
                new ResultProblem(1, "batch.result.missing-column", "nomor_usulan", "nomor_usulan, no_usulan, id_usulan"),
                new ResultProblem(1, "batch.result.missing-column", "status", "status, hasil, status_verifikasi"));
    }

    @Test
    void emptyFileIsAFileProblem() throws IOException {
        assertThat(read(new byte[0]).fileProblems()).containsExactly(new ResultProblem(0, "batch.result.empty"));
    }

    @Test
    void csvSavedInWindows1252IsAFileProblemNotGarbledNames() throws IOException {
        byte[] latin = "nomor_usulan,status,keterangan\nUP-1,DITOLAK,Bapak André pindah\n"
                .getBytes(Charset.forName("windows-1252"));

        assertThat(read(latin).fileProblems()).containsExactly(new ResultProblem(0, "batch.result.not-utf8"));
    }

    @Test
    void legacyXlsIsRecognisedByItsBytesNotItsName() throws IOException {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

        assertThat(read(ole2).fileProblems()).containsExactly(new ResultProblem(0, "batch.result.old-excel"));
    }

    @Test
    void zipThatIsNotAWorkbookIsAFileProblem() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (var out = new java.util.zip.ZipOutputStream(zip)) {
            out.putNextEntry(new java.util.zip.ZipEntry("hello.txt"));
            out.write("halo".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(read(zip.toByteArray()).fileProblems())
                .containsExactly(new ResultProblem(0, "batch.result.unreadable-xlsx"));
    }

    private BatchResult read(byte[] bytes) throws IOException {
        return reader.read(new ByteArrayInputStream(bytes));
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean rejected(int dataRow) {
        return dataRow % 3 == 0;
    }

    private static void assertEveryThirdRejected(List<ResultLine> lines) {
        assertThat(lines).hasSize(10);
        for (int i = 1; i <= 10; i++) {
            ResultLine line = lines.get(i - 1);
            assertThat(line.lineNumber()).isEqualTo(i + 1);
            assertThat(line.requestNumber()).isEqualTo(SampleRows.requestNumber(i));
            assertThat(line.nik()).isEqualTo(SampleRows.nik(i));
            assertThat(line.outcome()).isEqualTo(rejected(i) ? Outcome.REJECTED : Outcome.CONFIRMED);
            assertThat(line.reason()).isEqualTo(rejected(i) ? REASON : null);
        }
    }

    /** Kemensos' answer: our batch with a status column added and keterangan replaced by their reason. */
    private static byte[] kemensosMarksCsv(byte[] batch) throws IOException {
        List<List<String>> records = BatchFileWriterTest.records(batch);
        StringWriter out = new StringWriter();
        for (int i = 0; i < records.size(); i++) {
            List<String> fields = new ArrayList<>(records.get(i));
            int last = fields.size() - 1;
            if (i == 0) {
                fields.add("status");
            } else {
                fields.set(last, rejected(i) ? REASON : "");
                fields.add(rejected(i) ? "DITOLAK" : "DITERIMA");
            }
            Csv.writeRecord(out, fields, ',');
        }
        return csv(out.toString());
    }

    private static byte[] kemensosMarksXlsx(byte[] batch) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(batch))) {
            Sheet sheet = book.getSheetAt(0);
            int status = BatchColumn.values().length;
            int note = BatchColumn.KETERANGAN.ordinal();
            sheet.getRow(0).createCell(status).setCellValue("HASIL");
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                row.createCell(status).setCellValue(rejected(i) ? "DITOLAK" : "DISETUJUI");
                row.createCell(note).setCellValue(rejected(i) ? REASON : "");
            }
            return bytes(book);
        }
    }

    private static byte[] workbook(java.util.function.Consumer<Sheet> fill) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            fill.accept(book.createSheet());
            return bytes(book);
        }
    }

    private static void header(Sheet sheet, String... names) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < names.length; i++) {
            row.createCell(i).setCellValue(names[i]);
        }
    }

    private static byte[] bytes(XSSFWorkbook book) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.write(out);
        return out.toByteArray();
    }
}
