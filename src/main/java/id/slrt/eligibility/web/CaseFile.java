package id.slrt.eligibility.web;

import id.slrt.eligibility.EligibilityCase;
import id.slrt.platform.Csv;
import id.slrt.region.RegionService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A run's cases as a file, row by row from the database cursor: CSV (UTF-8 with BOM, RFC 4180, CRLF)
 * or XLSX streamed with SXSSF (100 rows in memory), ids as text so Excel keeps every digit.
 */
final class CaseFile {
    static final List<String> HEADERS = List.of("run_id", "program", "kind", "kode_wilayah", "desa", "household_id",
            "nomor_kk", "kepala_keluarga", "alasan", "nomor_usulan");
    private static final boolean[] TEXT = {true, false, false, true, false, true, true, false, false, true};

    private CaseFile() {
    }

    interface Export {
        long rows(Consumer<EligibilityCase> sink);
    }

    static void send(String format, String name, HttpServletResponse response, RegionService regions, Export export)
            throws IOException {
        boolean xlsx = "xlsx".equalsIgnoreCase(format);
        response.setContentType(xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : "text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + (xlsx ? ".xlsx\"" : ".csv\""));
        OutputStream out = response.getOutputStream();
        if (xlsx) {
            xlsx(out, regions, export);
        } else {
            csv(out, regions, export);
        }
    }

    static List<String> values(EligibilityCase c, RegionService regions) {
        return List.of(c.runId().toString(), c.programCode(), c.kind().name(), c.regionCode(), regions.label(c.regionCode()),
                c.householdId().toString(), nz(c.noKk()), nz(c.headName()), c.reason(), nz(c.requestNumber()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void csv(OutputStream stream, RegionService regions, Export export) throws IOException {
        stream.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
        Csv.writeRecord(out, HEADERS, ',');
        export.rows(c -> {
            try {
                Csv.writeRecord(out, values(c, regions), ',');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    private static void xlsx(OutputStream out, RegionService regions, Export export) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            workbook.setCompressTempFiles(true);
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat((short) BuiltinFormats.getBuiltinFormat("@"));
            SXSSFSheet sheet = workbook.createSheet("kasus");
            SXSSFRow first = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                first.createCell(i).setCellValue(HEADERS.get(i));
                first.getCell(i).setCellStyle(header);
                sheet.setColumnWidth(i, (i == 8 ? 80 : 20) * 256);
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, HEADERS.size() - 1));
            int[] next = {1};
            export.rows(c -> {
                // Excel's sheet limit; cases of one run stay far below it
                SXSSFRow row = sheet.createRow(next[0]++);
                List<String> v = values(c, regions);
                for (int i = 0; i < v.size(); i++) {
                    if (!v.get(i).isEmpty()) {
                        var cell = row.createCell(i);
                        cell.setCellValue(v.get(i));
                        if (TEXT[i]) {
                            cell.setCellStyle(text);
                        }
                    }
                }
            });
            workbook.write(out);
            out.flush();
            workbook.dispose();
        }
    }
}
