package id.slrt.updating.batch;

import java.util.Arrays;

/**
 * A row, or the whole file, that the reader could not understand. The text is the message
 * {@code messageKey} (in messages_*.properties, prefix {@code batch.}) formatted with {@code args};
 * the line number is not part of it, show it beside.
 *
 * @param lineNumber line (CSV) or row (XLSX), 1-based; 0 when the problem is not tied to a line
 * @param messageKey message key
 * @param args       message arguments
 */
public record ResultProblem(int lineNumber, String messageKey, Object... args) implements ResultEntry {

    public ResultProblem {
        args = args == null ? new Object[0] : args.clone();
    }

    @Override
    public Object[] args() {
        return args.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResultProblem p && p.lineNumber == lineNumber
                && p.messageKey.equals(messageKey) && Arrays.equals(p.args, args);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * lineNumber + messageKey.hashCode()) + Arrays.hashCode(args);
    }

    @Override
    public String toString() {
        return "ResultProblem[line " + lineNumber + ", " + messageKey + " " + Arrays.toString(args) + "]";
    }
}
