package id.slrt.updating.batch;

import java.util.List;

/**
 * Everything read from a result file. When {@code fileProblems} is not empty the file could not be
 * used at all (not UTF-8, a required column missing, not a spreadsheet) and {@code entries} is empty;
 * otherwise there is one entry per non-empty data row, in file order.
 *
 * @param fileProblems problems with the file as a whole
 * @param entries      one {@link ResultLine} or {@link ResultProblem} per data row
 */
public record BatchResult(List<ResultProblem> fileProblems, List<ResultEntry> entries) {

    public BatchResult {
        fileProblems = List.copyOf(fileProblems);
        entries = fileProblems.isEmpty() ? List.copyOf(entries) : List.of();
    }

    static BatchResult unreadable(ResultProblem problem) {
        return new BatchResult(List.of(problem), List.of());
    }

    /** True when the file itself was understood; rows may still have problems. */
    public boolean readable() {
        return fileProblems.isEmpty();
    }

    /** The rows that were understood. */
    public List<ResultLine> lines() {
        return entries.stream().filter(ResultLine.class::isInstance).map(ResultLine.class::cast).toList();
    }

    /** Problems of single rows (not of the file). */
    public List<ResultProblem> rowProblems() {
        return entries.stream().filter(ResultProblem.class::isInstance).map(ResultProblem.class::cast).toList();
    }
}
