package id.slrt.notify;

/**
 * A short text to a phone (SMS or WhatsApp). {@code regionCode} scopes who may see it; {@code phone} is as the
 * complaint keeps it (domestic, 08…); {@code dedupKey} names the message: queueing the same key twice keeps the
 * first. Build {@code body} from a template with {@link Notifications#render}.
 */
public record TextMessage(String regionCode, DeliveryChannel channel, String phone, String body, String templateKey,
                          String dedupKey) {
    public TextMessage {
        if (channel == DeliveryChannel.EMAIL) {
            throw new IllegalArgumentException("a text message goes by SMS or WhatsApp");
        }
    }
}
