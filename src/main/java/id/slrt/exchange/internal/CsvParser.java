package id.slrt.exchange.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records, one at a time: quoted fields may hold the delimiter, quotes (doubled) and line
 * breaks; LF or CR alone also end a record; text after a closing quote is kept (files come from
 * tools we do not control). Same rules as the SIKS-NG result reader in updating.batch.
 */
final class CsvParser {
    private static final int NONE = -2;
    private final Reader in;
    private final char delimiter;
    private int pushedBack = NONE;
    private int line = 1;
    private int recordLine;

    CsvParser(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** The delimiter among comma, semicolon, tab and pipe that occurs most often outside quotes; comma on a tie. */
    static char detectDelimiter(String headerLine) {
        int[] counts = new int[4];
        char[] candidates = {',', ';', '\t', '|'};
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

    int recordLine() {
        return recordLine;
    }

    /** The next record, or null at the end of the input. */
    List<String> next() throws IOException {
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
            if (c == '\n' || (c == '\r' && peekNot('\n'))) {
                line++;
            }
            field.append((char) c);
        }
    }

    private boolean peekNot(int expected) throws IOException {
        int after = read();
        pushedBack = after;
        return after != expected;
    }

    private boolean isLineEnd(int c) throws IOException {
        if (c == '\r') {
            int after = read();
            if (after != '\n') {
                pushedBack = after;
            }
        } else if (c != '\n') {
            return false;
        }
        line++;
        return true;
    }

    private int read() throws IOException {
        if (pushedBack != NONE) {
            int c = pushedBack;
            pushedBack = NONE;
            return c;
        }
        return in.read();
    }
}
