package id.slrt.updating;

import java.time.Instant;
import java.util.List;

/**
 * What importing one result file did: how many requests it confirmed and sent back, how many it named
 * that were already decided by an earlier import, and a report for every line that did something or
 * could not be used, with its line number (the header being line 1). Nothing is dropped silently.
 */
public record ImportSummary(String sha256, String fileName, Instant importedAt, String importedBy, int confirmed,
                            int rejected, int alreadyDecided, int problems, List<Line> lines) {

    /** What happened to one line. */
    public enum Result { CONFIRMED, REJECTED, ALREADY_DECIDED, DUPLICATE, PROBLEM }

    /**
     * One line of the file: its result, and a message key with arguments saying why
     * ({@code siksng.line.*} or the reader's {@code batch.result.*}).
     */
    public record Line(int line, String requestNumber, Result result, String messageKey, List<String> args) {
        public boolean problem() {
            return result == Result.PROBLEM;
        }

        public Object[] argArray() {
            return args == null ? new Object[0] : args.toArray();
        }
    }

    public List<Line> problemLines() {
        return lines.stream().filter(Line::problem).toList();
    }
}
