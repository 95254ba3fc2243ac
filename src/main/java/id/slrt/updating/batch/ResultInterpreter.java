package id.slrt.updating.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the rows of a result file, CSV or XLSX alike, into entries. The first non-empty row is the
 * header; every later non-empty row becomes exactly one {@link ResultLine} or {@link ResultProblem}.
 * Empty rows carry nothing and are skipped (spreadsheets and trailing newlines make them).
 */
final class ResultInterpreter implements SheetCell.RowSink {
    private static final Pattern NIK = Pattern.compile("\\d{16}");
    /** What Excel shows for a long number: 1.40901E+15, 1,40901E+15 with Indonesian settings. */
    private static final Pattern SCIENTIFIC = Pattern.compile("\\d+([.,]\\d+)?[eE][+-]?\\d+");

    private ResultColumns columns;
    private final List<ResultProblem> fileProblems = new ArrayList<>();
    private final List<ResultEntry> entries = new ArrayList<>();

    @Override
    public void row(int lineNumber, List<SheetCell> cells) {
        if (SheetCell.allBlank(cells) || !fileProblems.isEmpty()) {
            return;
        }
        if (columns == null) {
            columns = ResultColumns.of(cells);
            fileProblems.addAll(columns.problems(lineNumber));
            return;
        }
        entries.add(entry(lineNumber, cells));
    }

    BatchResult result() {
        if (columns == null) {
            return BatchResult.unreadable(new ResultProblem(0, "batch.result.empty"));
        }
        return new BatchResult(fileProblems, entries);
    }

    private ResultEntry entry(int line, List<SheetCell> cells) {
        String requestNumber = text(cells, columns.requestNumber());
        if (requestNumber == null) {
            return new ResultProblem(line, "batch.result.missing-request-number");
        }
        String status = text(cells, columns.status());
        if (status == null) {
            return new ResultProblem(line, "batch.result.missing-status", requestNumber);
        }
        Optional<Outcome> outcome = Outcome.fromStatus(status);
        if (outcome.isEmpty()) {
            return new ResultProblem(line, "batch.result.unknown-status", requestNumber, status);
        }
        SheetCell nik = cell(cells, columns.nik());
        Optional<ResultProblem> nikProblem = nikProblem(line, requestNumber, nik);
        if (nikProblem.isPresent()) {
            return nikProblem.get();
        }
        return new ResultLine(line, requestNumber, nikText(nik), outcome.get(), text(cells, columns.reason()));
    }

    private static Optional<ResultProblem> nikProblem(int line, String requestNumber, SheetCell cell) {
        String nik = nikText(cell);
        if (nik == null) {
            return Optional.empty();
        }
        if (cell.number() || SCIENTIFIC.matcher(nik).matches()) {
            return Optional.of(new ResultProblem(line, "batch.result.nik-as-number", requestNumber, nik));
        }
        if (!NIK.matcher(nik).matches()) {
            return Optional.of(new ResultProblem(line, "batch.result.nik-invalid", requestNumber, nik));
        }
        return Optional.empty();
    }

    /** The NIK as written; a leading apostrophe, Excel's mark for text, is dropped. */
    private static String nikText(SheetCell cell) {
        String text = cell.text().trim();
        if (text.startsWith("'")) {
            text = text.substring(1).trim();
        }
        return text.isEmpty() ? null : text;
    }

    private static String text(List<SheetCell> cells, int index) {
        String text = cell(cells, index).text().trim();
        return text.isEmpty() ? null : text;
    }

    private static SheetCell cell(List<SheetCell> cells, int index) {
        return index >= 0 && index < cells.size() ? cells.get(index) : SheetCell.EMPTY;
    }
}
