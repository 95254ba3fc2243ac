package id.slrt.eligibility.lang;

import java.util.List;

/**
 * One thing wrong with a rule's text: a message key with its arguments and the place in the text
 * ({@code start} inclusive, {@code end} exclusive, as character offsets) it points at.
 */
public record RuleError(String code, List<String> args, int start, int end) {

    public RuleError {
        args = List.copyOf(args);
        end = Math.max(end, start + 1);
    }

    public static RuleError at(Span span, String code, String... args) {
        return new RuleError(code, List.of(args), span.start(), span.end());
    }

    /** The 1-based line and column of {@code start} in {@code text}. */
    public int[] lineColumn(String text) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(start, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }

    /** The line the error is on and a caret line under the offending part, for a fixed-width display. */
    public String excerpt(String text) {
        int from = Math.min(start, text.length());
        int lineStart = text.lastIndexOf('\n', from - 1) + 1;
        int lineEnd = text.indexOf('\n', from);
        if (lineEnd < 0) {
            lineEnd = text.length();
        }
        String line = text.substring(lineStart, lineEnd).replace('\t', ' ').stripTrailing();
        int caretFrom = from - lineStart;
        int caretLength = Math.max(1, Math.min(end, lineEnd) - from);
        return line + "\n" + " ".repeat(caretFrom) + "^".repeat(caretLength);
    }
}
