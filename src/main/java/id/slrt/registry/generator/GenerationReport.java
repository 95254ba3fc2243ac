package id.slrt.registry.generator;

import java.time.Duration;
import java.util.Map;

/** What a run wrote: rows per table (in write order) and how long it took. */
public record GenerationReport(String district, long seed, long households, long people, Map<String, Long> rows,
                               Duration elapsed) {

    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    public double peoplePerSecond() {
        return perSecond(people);
    }

    public double rowsPerSecond() {
        return perSecond(totalRows());
    }

    private double perSecond(long count) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        return count / seconds;
    }
}
