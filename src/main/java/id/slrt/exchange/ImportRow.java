package id.slrt.exchange;

import java.util.List;

/**
 * One staged data row: its 1-based number (header not counted), original cells (every column of the
 * file, known or not), outcome, findings, and what became of it when not the plain case (see RowAction).
 */
public record ImportRow(int row, List<String> cells, RowOutcome outcome, List<RowProblem> problems, RowAction action) {
}
