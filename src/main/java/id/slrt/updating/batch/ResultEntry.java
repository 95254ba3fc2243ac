package id.slrt.updating.batch;

/** What the reader made of one data row of a result file: a {@link ResultLine} or a {@link ResultProblem}. */
public sealed interface ResultEntry permits ResultLine, ResultProblem {
    /** Row in the file, 1-based, counting the header: line for CSV, row number for XLSX. */
    int lineNumber();
}
