package id.slrt.notify;

import java.time.Instant;
import java.util.UUID;

/**
 * A queued message and where its delivery stands: status (see {@link OutboxStatus}), attempts made, when the
 * next one is due, the last error, when it was sent.
 */
public record OutboxMessage(UUID id, String regionCode, String channel, String recipientUsername,
                            String recipientEmail, String recipientPhone, String subject, String body,
                            String templateKey, String dedupKey, String status, int attempts, String lastError,
                            Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt, Instant sentAt) {

    /** The address it goes to, a phone shown only by its last four digits (lists show no full numbers). */
    public String maskedRecipient() {
        if (recipientPhone != null) {
            int n = recipientPhone.length();
            return "••••" + recipientPhone.substring(Math.max(0, n - 4));
        }
        return recipientEmail;
    }

    public boolean hasAddress() {
        return "EMAIL".equals(channel) ? recipientEmail != null : recipientPhone != null;
    }
}
