package id.slrt.exchange;

import java.util.List;

/** One staged data row: its 1-based number (header not counted), original cells, outcome and findings. */
public record ImportRow(int row, List<String> cells, RowOutcome outcome, List<RowProblem> problems) {
}
