package id.slrt.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 fields: a field holding the delimiter, a quote or a line break is quoted, quotes inside are
 * doubled, records end with CRLF. The parser also accepts LF or CR alone, and is lenient with text
 * after a closing quote, since files come from tools we do not control. One implementation for the
 * SIKS-NG batch files, imports and exports.
 */
public final class Csv {
    private static final int NONE = -2;

    private Csv() {
    }

    public static void writeRecord(Writer out, List<String> fields, char delimiter) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(delimiter);
            }
            out.write(quote(fields.get(i), delimiter));
        }
        out.write("\r\n");
    }

    public static String quote(String field, char delimiter) {
        if (field.indexOf(delimiter) < 0 && field.indexOf('"') < 0
                && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /** The delimiter among comma, semicolon, tab and pipe that occurs most often outside quotes; comma on a tie. */
    public static char detectDelimiter(String headerLine) {
        char[] candidates = {',', ';', '\t', '|'};
        int[] counts = new int[candidates.length];
        boolean quoted = false;
        for (char c : headerLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                for (int i = 0; i < candidates.length; i++) {
                    counts[i] += c == candidates[i] ? 1 : 0;
                }
            }
        }
        int best = 0;
        for (int i = 1; i < candidates.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return candidates[best];
    }

    /** Reads records one at a time and knows the line on which each one starts. */
    public static final class Parser {
        private final Reader in;
        private final char delimiter;
        private int pushedBack = NONE;
        private int line = 1;
        private int recordLine;

        public Parser(Reader in, char delimiter) {
            this.in = in;
            this.delimiter = delimiter;
        }

        /** 1-based line number on which the record last returned by {@link #next()} starts. */
        public int recordLine() {
            return recordLine;
        }

        /** The next record, or null at the end of the input. */
        public List<String> next() throws IOException {
            int c = read();
            if (c < 0) {
                return null;
            }
            recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            while (true) {
                if (c == '"' && field.isEmpty()) {
                    c = readQuoted(field);
                    continue;
                }
                if (c < 0 || isLineEnd(c)) {
                    fields.add(field.toString());
                    return fields;
                }
                if (c == delimiter) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append((char) c);
                }
                c = read();
            }
        }

        /** Appends the quoted text and returns the character after the closing quote. */
        private int readQuoted(StringBuilder field) throws IOException {
            while (true) {
                int c = read();
                if (c < 0) {
                    return c;
                }
                if (c == '"') {
                    int after = read();
                    if (after != '"') {
                        return after;
                    }
                }
                if (c == '\n' || c == '\r') {
                    countLineBreak(c);
                }
                field.append((char) c);
            }
        }

        /** True at the end of a record; CRLF is consumed as one break. */
        private boolean isLineEnd(int c) throws IOException {
            if (c == '\r') {
                int after = read();
                if (after != '\n') {
                    unread(after);
                }
            } else if (c != '\n') {
                return false;
            }
            line++;
            return true;
        }

        /** Counts a line break inside quotes; of CRLF only the LF counts, so the pair is one line. */
        private void countLineBreak(int c) throws IOException {
            if (c == '\r') {
                int after = read();
                unread(after);
                if (after == '\n') {
                    return;
                }
            }
            line++;
        }

        private int read() throws IOException {
            if (pushedBack != NONE) {
                int c = pushedBack;
                pushedBack = NONE;
                return c;
            }
            return in.read();
        }

        private void unread(int c) {
            pushedBack = c;
        }
    }
}
