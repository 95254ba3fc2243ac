package id.slrt.complaint;

import java.time.Instant;
import java.util.UUID;

/** An attachment of a complaint; its content is in the file store under {@code sha256}. */
public record ComplaintFile(UUID id, UUID complaintId, String sha256, long sizeBytes, String contentType,
                            String originalName, Instant uploadedAt, String uploadedBy) {
}
