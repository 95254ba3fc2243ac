package id.slrt.updating.batch;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the rows of the first sheet of an XLSX result file with SAX, without building the workbook
 * in memory, and keeps what POI's formatting would hide: whether a cell was stored as a number.
 */
final class XlsxRows {
    private XlsxRows() {
    }

    static void read(InputStream in, SheetCell.RowSink sink) throws IOException, UnreadableFileException {
        OPCPackage pkg = open(in);
        try {
            XSSFReader reader = new XSSFReader(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableFileException("batch.result.unreadable-xlsx", null);
            }
            try (InputStream sheet = sheets.next()) {
                parse(sheet, new SheetHandler(reader.getSharedStringsTable(), sink));
            }
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            throw new UnreadableFileException("batch.result.unreadable-xlsx", e);
        } finally {
            pkg.revert();
        }
    }

    private static OPCPackage open(InputStream in) throws IOException, UnreadableFileException {
        try {
            return OPCPackage.open(in);
        } catch (OpenXML4JException | RuntimeException e) {
            throw new UnreadableFileException("batch.result.unreadable-xlsx", e);
        }
    }

    private static void parse(InputStream sheet, DefaultHandler handler)
            throws IOException, SAXException, ParserConfigurationException {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(handler);
        parser.parse(new InputSource(sheet));
    }

    /** Collects cells row by row; cell positions come from their references, since empty cells are absent. */
    private static final class SheetHandler extends DefaultHandler {
        private final SharedStrings strings;
        private final SheetCell.RowSink sink;
        private final StringBuilder value = new StringBuilder();
        private List<SheetCell> cells = new ArrayList<>();
        private int rowNumber;
        private int column;
        private String type;
        private boolean collecting;
        private boolean phonetic;

        SheetHandler(SharedStrings strings, SheetCell.RowSink sink) {
            this.strings = strings;
            this.sink = sink;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (name(localName, qName)) {
                case "row" -> startRow(attributes.getValue("r"));
                case "c" -> startCell(attributes.getValue("r"), attributes.getValue("t"));
                case "v", "t" -> collecting = !phonetic;
                case "rPh" -> phonetic = true;
                default -> { }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (name(localName, qName)) {
                case "row" -> sink.row(rowNumber, cells);
                case "c" -> endCell();
                case "v", "t" -> collecting = false;
                case "rPh" -> phonetic = false;
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (collecting) {
                value.append(ch, start, length);
            }
        }

        private void startRow(String ref) {
            rowNumber = ref == null ? rowNumber + 1 : Integer.parseInt(ref);
            cells = new ArrayList<>();
            column = 0;
        }

        private void startCell(String ref, String cellType) {
            column = ref == null ? cells.size() : new CellReference(ref).getCol();
            type = cellType == null ? "n" : cellType;
            value.setLength(0);
        }

        private void endCell() {
            while (cells.size() < column) {
                cells.add(SheetCell.EMPTY);
            }
            cells.add(cell());
        }

        private SheetCell cell() {
            String raw = value.toString();
            return switch (type) {
                case "s" -> SheetCell.text(strings.getItemAt(Integer.parseInt(raw.trim())).getString());
                case "n" -> raw.isBlank() ? SheetCell.EMPTY : new SheetCell(plain(raw), true);
                case "b" -> SheetCell.text("1".equals(raw.trim()) ? "TRUE" : "FALSE");
                default -> SheetCell.text(raw);
            };
        }

        /** 1.40901E+15 as stored becomes 1409010000000000: the digits Excel kept. */
        private static String plain(String raw) {
            try {
                return new BigDecimal(raw.trim()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return raw.trim();
            }
        }

        private static String name(String localName, String qName) {
            if (localName != null && !localName.isEmpty()) {
                return localName;
            }
            int colon = qName.indexOf(':');
            return colon < 0 ? qName : qName.substring(colon + 1);
        }
    }
}
