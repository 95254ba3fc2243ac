package id.slrt.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The quarantine of an import as XLSX: the error rows with their original columns, as text (so that
 * no NIK turns into a number again), and a last column KESALAHAN saying what is wrong. Corrected, the
 * file can be imported again as it is: KESALAHAN is an unknown column and is only kept. Written with
 * POI's streaming workbook, a hundred rows in memory at a time.
 */
@Component
public class Quarantine {
    public static final String ERROR_COLUMN = "KESALAHAN";

    private final ImportService imports;
    private final ImportMessages messages;

    Quarantine(ImportService imports, ImportMessages messages) {
        this.imports = imports;
        this.messages = messages;
    }

    public void write(UUID jobId, OutputStream out) {
        ImportJob job = imports.require(jobId);
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            Sheet sheet = workbook.createSheet("Karantina");
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            List<String> headers = job.columns().stream().map(ImportJob.Column::header)
                    .filter(h -> !h.equals(ERROR_COLUMN)).toList();
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                head.createCell(i).setCellValue(headers.get(i));
                sheet.setDefaultColumnStyle(i, text);
            }
            head.createCell(headers.size()).setCellValue(ERROR_COLUMN);
            int errorColumn = job.columns().stream().map(ImportJob.Column::header).toList().indexOf(ERROR_COLUMN);
            int[] next = {1};
            imports.eachRow(jobId, RowOutcome.ERROR, r -> {
                Row row = sheet.createRow(next[0]++);
                int c = 0;
                for (int i = 0; i < Math.min(r.cells().size(), job.columns().size()); i++) {
                    if (i == errorColumn) {
                        continue;
                    }
                    var cell = row.createCell(c++);
                    cell.setCellStyle(text);
                    cell.setCellValue(r.cells().get(i));
                }
                row.createCell(headers.size()).setCellValue(messages.summary(r));
            });
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }
}
