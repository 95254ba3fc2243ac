package id.slrt.exchange.internal;

import id.slrt.exchange.ExportFormat;
import id.slrt.exchange.ExportLayout;
import id.slrt.registry.ExportRow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes export rows one at a time as they come from the database cursor, so that no export is held
 * in memory. The output stream is flushed, not closed: it belongs to the caller.
 * <p>
 * Its own small writer rather than {@code updating.batch.BatchFileWriter}: that one writes a fixed
 * column set (the SIKS-NG usulan batch, with {@code nomor_usulan}, {@code jenis_usulan},
 * {@code keterangan}) from its own row type, and is not a named interface of the updating module.
 * The file conventions are the same: <b>CSV</b> UTF-8 with a byte order mark, comma, RFC 4180
 * quoting, CRLF; <b>XLSX</b> streamed with SXSSF, a bold frozen header with a filter, fixed widths,
 * and ids (NIK, No. KK, RT/RW, dates) as text-formatted string cells so Excel keeps all 16 digits.
 */
public abstract sealed class ExportWriter implements AutoCloseable {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Rows SXSSF keeps in memory before flushing them to its (compressed) temporary file. */
    private static final int WINDOW = 100;

    protected final List<ExportLayout.Column> columns;

    private ExportWriter(ExportLayout layout) {
        this.columns = layout.columns();
    }

    public static ExportWriter open(ExportFormat format, ExportLayout layout, OutputStream out) throws IOException {
        return format == ExportFormat.XLSX ? new Xlsx(layout, out) : new Csv(layout, out);
    }

    /** Writes one row; I/O failures are unchecked so this can be a database row callback. */
    public abstract void write(ExportRow row);

    /** Completes the file (the XLSX is written out here) and flushes. */
    public abstract void finish() throws IOException;

    /** Frees temporary files; safe after {@link #finish()} and after a failure. */
    @Override
    public void close() {
    }

    static String quote(String field) {
        return id.slrt.platform.Csv.quote(field, ',');
    }

    static final class Csv extends ExportWriter {
        private final Writer out;

        Csv(ExportLayout layout, OutputStream stream) throws IOException {
            super(layout);
            stream.write(BOM);
            out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
            record(layout.headers());
        }

        @Override
        public void write(ExportRow row) {
            try {
                for (int i = 0; i < columns.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    out.write(quote(columns.get(i).valueOf(row)));
                }
                out.write("\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void record(List<String> fields) throws IOException {
            out.write(String.join(",", fields.stream().map(ExportWriter::quote).toList()));
            out.write("\r\n");
        }

        @Override
        public void finish() throws IOException {
            out.flush();
        }
    }

    static final class Xlsx extends ExportWriter {
        /** Rows per sheet, header included: Excel's limit; a larger export continues on a new sheet. */
        static final int MAX_ROWS = 1_048_576;

        private final OutputStream out;
        private final String name;
        private final SXSSFWorkbook workbook;
        private final CellStyle header;
        private final CellStyle text;
        private SXSSFSheet sheet;
        private int next;

        Xlsx(ExportLayout layout, OutputStream out) {
            super(layout);
            this.out = out;
            this.name = layout.fileName();
            workbook = new SXSSFWorkbook(WINDOW);
            workbook.setCompressTempFiles(true);
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            text = workbook.createCellStyle();
            text.setDataFormat((short) BuiltinFormats.getBuiltinFormat("@"));
            newSheet();
        }

        private void newSheet() {
            int number = workbook.getNumberOfSheets();
            sheet = workbook.createSheet(number == 0 ? name : name + "-" + (number + 1));
            SXSSFRow first = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                ExportLayout.Column column = columns.get(i);
                sheet.setColumnWidth(i, column.width() * 256);
                if (column.id()) {
                    sheet.setDefaultColumnStyle(i, text);
                }
                var cell = first.createCell(i);
                cell.setCellValue(column.header());
                cell.setCellStyle(header);
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, columns.size() - 1));
            next = 1;
        }

        @Override
        public void write(ExportRow row) {
            if (next == MAX_ROWS) {
                newSheet();
            }
            SXSSFRow target = sheet.createRow(next++);
            for (int i = 0; i < columns.size(); i++) {
                ExportLayout.Column column = columns.get(i);
                String value = column.valueOf(row);
                if (value.isEmpty()) {
                    continue;
                }
                var cell = target.createCell(i);
                cell.setCellValue(value);
                if (column.id()) {
                    cell.setCellStyle(text);
                }
            }
        }

        @Override
        public void finish() throws IOException {
            workbook.write(out);
            out.flush();
        }

        @Override
        public void close() {
            workbook.dispose();
            try {
                workbook.close();
            } catch (IOException e) {
                // temporary files are gone already (dispose); nothing left to free
            }
        }
    }
}
