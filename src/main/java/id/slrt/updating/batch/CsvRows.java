package id.slrt.updating.batch;

import id.slrt.platform.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the rows of a CSV result file: UTF-8 with or without BOM, delimiter taken from the header line. */
final class CsvRows {
    /** The header line must fit in this many characters to detect the delimiter. */
    private static final int HEADER_LIMIT = 1 << 16;

    private CsvRows() {
    }

    static void read(InputStream in, SheetCell.RowSink sink) throws IOException, UnreadableFileException {
        BufferedReader reader = utf8(in);
        try {
            skipBom(reader);
            char delimiter = delimiter(reader);
            Csv.Parser parser = new Csv.Parser(reader, delimiter);
            for (List<String> record = parser.next(); record != null; record = parser.next()) {
                sink.row(parser.recordLine(), record.stream().map(SheetCell::text).toList());
            }
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException("batch.result.not-utf8", e);
        }
    }

    /** A decoder that fails on bytes that are not UTF-8 (a file saved as "CSV" in Windows-1252). */
    private static BufferedReader utf8(InputStream in) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new InputStreamReader(in, decoder));
    }

    private static void skipBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /** Looks at the first non-blank line and rewinds, so the parser still sees every line. */
    private static char delimiter(BufferedReader reader) throws IOException {
        reader.mark(HEADER_LIMIT);
        String line = reader.readLine();
        while (line != null && line.isBlank()) {
            line = reader.readLine();
        }
        reader.reset();
        return line == null ? ',' : Csv.detectDelimiter(line);
    }
}
