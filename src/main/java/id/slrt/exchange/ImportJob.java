package id.slrt.exchange;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import of one file. Counts are rows; {@code rowsDone} grows while the job runs, and
 * {@code rowsPerSecond} is the rate so far. {@code columns} are the file's header cells in order, with
 * the field each is read as. {@code existing} says what is done with people already registered;
 * {@code updated} (households), {@code requested} (change requests) and {@code unchanged} (rows) what came of it.
 */
public record ImportJob(UUID id, String regionCode, String sha256, String fileName, long fileSize, String format,
                        ImportStatus status, ImportPhase phase, int totalRows, int rowsDone, int accepted,
                        int warnings, int errors, int households, List<Column> columns, String encoding,
                        String failure, Instant createdAt, String createdBy, Instant finishedAt,
                        String cancelledBy, double rowsPerSecond, ExistingPeople existing, int updated,
                        int requested, int unchanged) {

    /** A header cell of the file and the canonical field it was read as ({@code null}: kept as it is). */
    public record Column(String header, String field) {
    }

    /** Percent of rows done in the current phase, for a progress bar. */
    public int percent() {
        if (status.finished()) {
            return 100;
        }
        if (totalRows <= 0) {
            return 0;
        }
        return (int) Math.min(100, Math.round(100.0 * rowsDone / totalRows));
    }
}
