package id.slrt.exchange.internal;

import id.slrt.platform.Csv;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the rows of a stored file one at a time, never the whole file in memory. The format comes
 * from the content: a ZIP is XLSX (first sheet, read with POI's SAX event API), anything else CSV.
 * CSV text is UTF-8 (with or without BOM) when every byte sequence is valid UTF-8, otherwise
 * Windows-1252 (what Excel on Windows writes for "CSV"); the delimiter is taken from the header line.
 */
public final class TableReader {
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int HEADER_LIMIT = 1 << 16;

    private TableReader() {
    }

    /** The format of the file and, for CSV, the text encoding that was detected. */
    public record Format(String format, String encoding) {
    }

    public static Format detect(Path file) {
        byte[] magic = head(file);
        if (Arrays.equals(magic, OLE2)) {
            throw new UnreadableFile("import.file.old-excel", null);
        }
        if (Arrays.equals(magic, ZIP)) {
            return new Format("XLSX", null);
        }
        return new Format("CSV", validUtf8(file) ? "UTF-8" : "windows-1252");
    }

    public static void read(Path file, Format format, TableSink sink) {
        if (format.format().equals("XLSX")) {
            readXlsx(file, sink);
        } else {
            readCsv(file, Charset.forName(format.encoding()), sink);
        }
    }

    /** The header cells: the first row that is not blank. */
    public static List<String> headers(Path file, Format format) {
        List<List<String>> found = new ArrayList<>();
        read(file, format, (line, cells) -> {
            if (cells.stream().allMatch(Cell::blank)) {
                return true;
            }
            found.add(cells.stream().map(Cell::text).toList());
            return false;
        });
        if (found.isEmpty()) {
            throw new UnreadableFile("import.file.empty", null);
        }
        return found.get(0);
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(4);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One pass over the bytes with a strict decoder: cheap, and the only sure way to tell. */
    static boolean validUtf8(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        try (InputStream stream = Files.newInputStream(file)) {
            byte[] buffer = new byte[32 * 1024];
            for (int n = stream.read(buffer); n >= 0; n = stream.read(buffer)) {
                in.put(buffer, 0, n).flip();
                CoderResult r = decoder.decode(in, out, false);
                if (r.isError()) {
                    return false;
                }
                in.compact();
                out.clear();
            }
            in.flip();
            return !decoder.decode(in, out, true).isError() && !decoder.flush(out).isError() && !in.hasRemaining();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readCsv(Path file, Charset charset, TableSink sink) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new BufferedInputStream(Files.newInputStream(file)), charset), 64 * 1024)) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            reader.mark(HEADER_LIMIT);
            String first = reader.readLine();
            while (first != null && first.isBlank()) {
                first = reader.readLine();
            }
            reader.reset();
            Csv.Parser parser = new Csv.Parser(reader, first == null ? ',' : Csv.detectDelimiter(first));
            for (List<String> record = parser.next(); record != null; record = parser.next()) {
                if (!sink.row(parser.recordLine(), record.stream().map(Cell::text).toList())) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readXlsx(Path file, TableSink sink) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableFile("import.file.unreadable-xlsx", null);
            }
            NumberAwareFormatter formatter = new NumberAwareFormatter();
            RowCollector rows = new RowCollector(sink, formatter);
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, rows, formatter, false));
                parser.parse(new InputSource(sheet));
            } catch (Stop stop) {
                // cancelled: the rest of the sheet is not read
            }
        } catch (UnreadableFile e) {
            throw e;
        } catch (Exception e) {
            throw new UnreadableFile("import.file.unreadable-xlsx", e);
        }
    }

    /** Thrown through the SAX parser to stop reading early. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    /**
     * POI formats a number cell through here just before handing it over: dates become ISO dates,
     * whole numbers plain digits (not Excel's 1.40901E+15), and the cell is remembered as a number.
     */
    private static final class NumberAwareFormatter extends DataFormatter {
        private boolean number;

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            number = true;
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904).toLocalDate().toString();
            }
            BigDecimal exact = new BigDecimal(value);
            if (value == Math.rint(value)) {
                return exact.toBigInteger().toString();
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }

        boolean takeNumber() {
            boolean was = number;
            number = false;
            return was;
        }
    }

    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final TableSink sink;
        private final NumberAwareFormatter formatter;
        private List<Cell> cells = new ArrayList<>();

        RowCollector(TableSink sink, NumberAwareFormatter formatter) {
            this.sink = sink;
            this.formatter = formatter;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
            formatter.takeNumber();
        }

        @Override
        public void endRow(int rowNum) {
            if (!sink.row(rowNum + 1, cells)) {
                throw new Stop();
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add(Cell.EMPTY);
            }
            cells.add(new Cell(formattedValue == null ? "" : formattedValue, formatter.takeNumber()));
        }
    }
}
