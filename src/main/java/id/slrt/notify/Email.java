package id.slrt.notify;

/**
 * An email to queue. {@code regionCode} is the region the message is about (it scopes who may see it);
 * {@code recipientEmail} may be null when the user has none yet: the message stays visible as pending.
 * {@code dedupKey} names the message: queueing the same key twice keeps the first.
 */
public record Email(String regionCode, String recipientUsername, String recipientEmail, String subject, String body,
                    String templateKey, String dedupKey) {
}
