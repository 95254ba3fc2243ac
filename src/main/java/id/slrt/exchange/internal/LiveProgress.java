package id.slrt.exchange.internal;

import id.slrt.exchange.ImportPhase;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Progress of the imports running in this server, read by the pages while the job's own transaction
 * is still open (its counts reach the database when it ends), and the place a cancel request is noted.
 */
@org.springframework.stereotype.Component
public class LiveProgress {
    private final Map<UUID, Job> running = new ConcurrentHashMap<>();

    /** Counters written by the job's thread and read by request threads. */
    public static final class Job {
        volatile ImportPhase phase = ImportPhase.QUEUED;
        volatile int totalRows;
        volatile int rowsDone;
        volatile int accepted;
        volatile int warnings;
        volatile int errors;
        volatile int households;
        volatile int updated;
        volatile int requested;
        volatile int unchanged;
        volatile long phaseStartedNanos = System.nanoTime();
        volatile String cancelledBy;

        public ImportPhase phase() {
            return phase;
        }

        public int totalRows() {
            return totalRows;
        }

        public int rowsDone() {
            return rowsDone;
        }

        public int accepted() {
            return accepted;
        }

        public int warnings() {
            return warnings;
        }

        public int errors() {
            return errors;
        }

        public int households() {
            return households;
        }

        public int updated() {
            return updated;
        }

        public int requested() {
            return requested;
        }

        public int unchanged() {
            return unchanged;
        }

        /** Rows per second in the current phase. */
        public double rate() {
            double seconds = (System.nanoTime() - phaseStartedNanos) / 1e9;
            return seconds <= 0 ? 0 : rowsDone / seconds;
        }

        public boolean cancelRequested() {
            return cancelledBy != null;
        }

        void phase(ImportPhase next) {
            phase = next;
            rowsDone = 0;
            phaseStartedNanos = System.nanoTime();
        }
    }

    public Job start(UUID id) {
        Job job = new Job();
        running.put(id, job);
        return job;
    }

    public Optional<Job> of(UUID id) {
        return Optional.ofNullable(running.get(id));
    }

    /** False when the job does not run here (any more). */
    public boolean cancel(UUID id, String by) {
        Job job = running.get(id);
        if (job == null) {
            return false;
        }
        job.cancelledBy = by;
        return true;
    }

    public void end(UUID id) {
        running.remove(id);
    }
}
