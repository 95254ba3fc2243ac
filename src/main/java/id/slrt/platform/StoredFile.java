package id.slrt.platform;

/**
 * A file kept by {@link FileStore}: its content is found again by {@code sha256}; {@code contentType}
 * is what the bytes are (sniffed), not what the uploader claimed; {@code originalName} is for display.
 */
public record StoredFile(String sha256, long size, String contentType, String originalName) {
}
