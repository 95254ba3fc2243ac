package id.slrt.exchange.internal;

/** The file as a whole cannot be read; {@code messageKey} tells the importer why. */
public class UnreadableFile extends RuntimeException {
    private final String messageKey;

    public UnreadableFile(String messageKey, Throwable cause) {
        super(messageKey, cause);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
