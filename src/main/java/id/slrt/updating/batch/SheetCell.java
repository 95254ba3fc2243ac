package id.slrt.updating.batch;

import java.util.List;

/**
 * A cell of a result file as text, and whether a spreadsheet stored it as a number (an id stored as a
 * number has already lost its 16th digit in Excel).
 */
record SheetCell(String text, boolean number) {
    static final SheetCell EMPTY = new SheetCell("", false);

    static SheetCell text(String text) {
        return new SheetCell(text, false);
    }

    static boolean allBlank(List<SheetCell> cells) {
        return cells.stream().allMatch(c -> c.text().isBlank());
    }

    /** Receives the rows of a sheet in order. */
    interface RowSink {
        void row(int lineNumber, List<SheetCell> cells);
    }
}
