package id.slrt.updating.batch;

import id.slrt.platform.Csv;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a SIKS-NG export batch as CSV or XLSX, one row at a time, so that a batch of any size is
 * never held in memory: pass a {@link Stream} or any {@link Iterable} straight from the database.
 * The output stream is flushed but not closed; it belongs to the caller.
 * <p>
 * <b>CSV</b> is for machines (the SIKS-NG upload): comma-separated with RFC 4180 quoting, CRLF line
 * ends, UTF-8 with a byte order mark. Comma, not semicolon, because RFC 4180 and every CSV library
 * expect it and the DTKS exports we know of are not semicolon files. The cost: Excel with Indonesian
 * regional settings expects {@code ;} as list separator and opens a comma file in one column, and
 * Excel turns 16-digit NIK and No. KK into {@code 1.40901E+15} when it opens any CSV. Operators who
 * want a spreadsheet take the XLSX, where ids are text cells. The BOM makes Excel and LibreOffice
 * read letters outside ASCII (é, ñ, curly quotes) as UTF-8 instead of Windows-1252. No {@code sep=,} line: Excel then
 * ignores the BOM and parsers take it for the header.
 * <p>
 * <b>XLSX</b> is for people: one sheet, a bold frozen header row with a filter, fixed column widths
 * (autosizing is slow on a streamed sheet), and id columns formatted as text and written as string
 * cells, so that editing and saving in Excel keeps all 16 digits.
 */
public class BatchFileWriter {
    /** Rows kept in memory by SXSSF before they are flushed to its temporary file. */
    private static final int WINDOW = 100;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String SHEET = "usulan";

    public void writeCsv(Iterable<BatchRow> rows, OutputStream out) throws IOException {
        out.write(BOM);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        Csv.writeRecord(writer, BatchColumn.headers(), ',');
        for (BatchRow row : rows) {
            Csv.writeRecord(writer, cells(row), ',');
        }
        writer.flush();
    }

    public void writeCsv(Stream<BatchRow> rows, OutputStream out) throws IOException {
        writeCsv(rows::iterator, out);
    }

    public void writeXlsx(Iterable<BatchRow> rows, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        try {
            SXSSFSheet sheet = workbook.createSheet(SHEET);
            Styles styles = new Styles(workbook);
            layOut(sheet, styles);
            writeHeader(sheet, styles);
            int index = 1;
            for (BatchRow row : rows) {
                writeRow(sheet.createRow(index++), row, styles);
            }
            workbook.write(out);
            out.flush();
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    public void writeXlsx(Stream<BatchRow> rows, OutputStream out) throws IOException {
        writeXlsx(rows::iterator, out);
    }

    private static List<String> cells(BatchRow row) {
        return Stream.of(BatchColumn.values()).map(c -> c.valueOf(row)).toList();
    }

    private static void layOut(SXSSFSheet sheet, Styles styles) {
        BatchColumn[] columns = BatchColumn.values();
        for (BatchColumn column : columns) {
            sheet.setColumnWidth(column.ordinal(), column.width() * 256);
            if (column.id()) {
                sheet.setDefaultColumnStyle(column.ordinal(), styles.text);
            }
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, columns.length - 1));
    }

    private static void writeHeader(SXSSFSheet sheet, Styles styles) {
        SXSSFRow header = sheet.createRow(0);
        for (BatchColumn column : BatchColumn.values()) {
            var cell = header.createCell(column.ordinal());
            cell.setCellValue(column.header());
            cell.setCellStyle(styles.header);
        }
    }

    private static void writeRow(SXSSFRow target, BatchRow row, Styles styles) {
        for (BatchColumn column : BatchColumn.values()) {
            String value = column.valueOf(row);
            if (value.isEmpty()) {
                continue;
            }
            var cell = target.createCell(column.ordinal());
            cell.setCellValue(value);
            if (column.id()) {
                cell.setCellStyle(styles.text);
            }
        }
    }

    /** Cell styles are workbook-wide and limited in number: create each once. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle text;

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            text = workbook.createCellStyle();
            text.setDataFormat((short) BuiltinFormats.getBuiltinFormat("@"));
        }
    }
}
