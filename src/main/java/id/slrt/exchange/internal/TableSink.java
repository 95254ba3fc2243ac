package id.slrt.exchange.internal;

import java.util.List;

/** Receives a table's rows in order: {@code line} is the file's line (CSV) or sheet row (XLSX), 1-based. */
public interface TableSink {
    /** @return false to stop reading (the job was cancelled) */
    boolean row(int line, List<Cell> cells);
}
