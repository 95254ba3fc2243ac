package id.slrt.exchange;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A registry export running in the background: the filters it was asked with, how far it has got
 * (rows written; households of the list when it started, and done so far), and, when DONE, the file,
 * kept until {@code expiresAt} for its maker to download.
 */
public record ExportJob(UUID id, String regionCode, ExportFormat format, ExportLayout layout, Map<String, String> filters,
                        Status status, long households, long householdsDone, long rowsDone, String fileName,
                        Long fileSize, String failure, Instant createdAt, String createdBy, Instant finishedAt,
                        Instant expiresAt) {

    public enum Status {
        RUNNING, DONE, FAILED, EXPIRED;

        public String labelKey() {
            return "export.job.status." + name();
        }
    }

    public int percent() {
        if (status != Status.RUNNING) {
            return 100;
        }
        return households <= 0 ? 0 : (int) Math.min(99, 100 * householdsDone / households);
    }
}
