package id.slrt.updating.batch;

import id.slrt.platform.Csv;
import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.registry.Relationship;
import id.slrt.registry.Sex;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class BatchFileWriterTest {
    private final BatchFileWriter writer = new BatchFileWriter();

    @Test
    void headerIsNomorUsulanJenisUsulanTheDtksBnbaColumnsThenKeterangan() {
        assertThat(BatchColumn.headers()).containsExactly("nomor_usulan", "jenis_usulan", "iddtks", "provinsi",
                "kabupaten_kota", "kecamatan", "desa_kelurahan", "alamat", "dusun", "rt", "rw", "nomor_kk",
                "nomor_nik", "nama", "tanggal_lahir", "tempat_lahir", "jenis_kelamin", "nama_ibu_kandung",
                "hubungan_keluarga", "keterangan");
    }

    @Test
    void csvStartsWithBomAndUsesCommasAndCrlf() throws IOException {
        byte[] bytes = csv(List.of(SampleRows.row(1)));

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith(String.join(",", BatchColumn.headers()) + "\r\n");
        assertThat(text.split("\r\n")).hasSize(2);
    }

    @Test
    void csvWritesCodesDatesAndIdsAsDtksExpects() throws IOException {
        BatchRow row = new BatchRow("UP-2026-000123", BatchAction.TAMBAH_ART, null, "JAWA BARAT", "KOTA BOGOR",
                "BOGOR TENGAH", "PABATON", "Jl. Juanda", null, "001", "002", "3271010101200001",
                "3271015502900003", "DEWI", LocalDate.of(1990, 2, 15), "BOGOR", Sex.P, "SITI",
                Relationship.ISTRI_SUAMI, null);

        List<String> fields = records(csv(List.of(row))).get(1);

        assertThat(fields).containsExactly("UP-2026-000123", "TAMBAH_ART", "", "JAWA BARAT", "KOTA BOGOR",
                "BOGOR TENGAH", "PABATON", "Jl. Juanda", "", "001", "002", "3271010101200001",
                "3271015502900003", "DEWI", "1990-02-15", "BOGOR", "2", "SITI", "2", "");
    }

    @Test
    void csvQuotesCommasQuotesAndLineBreaksSoTheyComeBackUnchanged() throws IOException {
        String note = "pindah, \"kontrak\" habis\nlihat berita acara";
        BatchRow row = withNote(SampleRows.row(1), note);

        byte[] bytes = csv(List.of(row));

        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"pindah, \"\"kontrak\"\" habis\nlihat");
        assertThat(records(bytes).get(1)).last().isEqualTo(note);
    }

    @Test
    void xlsxHasABoldFrozenHeaderRow() throws IOException {
        try (XSSFWorkbook book = xlsx(SampleRows.rows(3))) {
            Sheet sheet = book.getSheetAt(0);
            Row header = sheet.getRow(0);

            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("nomor_usulan");
            assertThat(book.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
        }
    }

    @Test
    void xlsxWritesNikAndKkAsTextCellsWithTextFormatSoExcelKeepsAll16Digits() throws IOException {
        try (XSSFWorkbook book = xlsx(SampleRows.rows(2))) {
            Row row = book.getSheetAt(0).getRow(1);
            for (BatchColumn column : List.of(BatchColumn.NOMOR_NIK, BatchColumn.NOMOR_KK, BatchColumn.RT)) {
                var cell = row.getCell(column.ordinal());
                assertThat(cell.getCellType()).as(column.header()).isEqualTo(CellType.STRING);
                assertThat(cell.getCellStyle().getDataFormatString()).as(column.header()).isEqualTo("@");
            }
            assertThat(row.getCell(BatchColumn.NOMOR_NIK.ordinal()).getStringCellValue())
                    .isEqualTo(SampleRows.nik(1));
            assertThat(row.getCell(BatchColumn.RT.ordinal()).getStringCellValue()).isEqualTo("003");
        }
    }

    @Test
    void xlsxOfOneHundredThousandRowsIsStreamedFromAStream() throws IOException {
        Runtime runtime = Runtime.getRuntime();
        CountingOutputStream out = new CountingOutputStream();
        long start = System.nanoTime();

        writer.writeXlsx(SampleRows.stream(100_000), out);

        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("100 000-row XLSX: %d ms, %d KiB, heap used %d MiB of max %d MiB%n", millis,
                out.count / 1024, (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
        assertThat(out.count).isGreaterThan(1_000_000);
    }

    @Test
    void actionCodesAreReadBackIgnoringCaseSpacesAndHyphens() {
        assertThat(BatchAction.fromCode(" tambah art ")).contains(BatchAction.TAMBAH_ART);
        assertThat(BatchAction.fromCode("Pecah-KK")).contains(BatchAction.PECAH_KK);
        assertThat(BatchAction.fromCode("HAPUS")).isEmpty();
        assertThat(BatchAction.GABUNG_KK.labelKey()).isEqualTo("batch.action.GABUNG_KK");
    }

    private byte[] csv(List<BatchRow> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeCsv(rows, out);
        return out.toByteArray();
    }

    private XSSFWorkbook xlsx(List<BatchRow> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeXlsx(rows, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    static List<List<String>> records(byte[] csv) throws IOException {
        String text = new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "");
        Csv.Parser parser = new Csv.Parser(new StringReader(text), ',');
        List<List<String>> records = new ArrayList<>();
        for (List<String> r = parser.next(); r != null; r = parser.next()) {
            records.add(r);
        }
        return records;
    }

    static BatchRow withNote(BatchRow r, String note) {
        return new BatchRow(r.requestNumber(), r.action(), r.idDtks(), r.provinsi(), r.kabupatenKota(),
                r.kecamatan(), r.desaKelurahan(), r.alamat(), r.dusun(), r.rt(), r.rw(), r.nomorKk(), r.nomorNik(),
                r.nama(), r.tanggalLahir(), r.tempatLahir(), r.jenisKelamin(), r.namaIbuKandung(),
                r.hubunganKeluarga(), note);
    }

    /** Discards the bytes, counting them: the test measures the writer, not a buffer. */
    private static final class CountingOutputStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
