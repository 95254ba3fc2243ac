package id.slrt.notify;

import java.time.Instant;
import java.util.UUID;

/** A queued message and where its delivery stands (PENDING, SENT, FAILED). */
public record OutboxMessage(UUID id, String regionCode, String channel, String recipientUsername,
                            String recipientEmail, String subject, String body, String templateKey, String dedupKey,
                            String status, int attempts, String lastError, Instant createdAt, Instant sentAt) {
}
