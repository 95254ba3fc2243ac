package id.slrt.platform;

import org.springframework.http.HttpStatus;

/**
 * An upload {@link FileStore} refuses: too large, empty, or not one of the accepted types. Its message
 * code and arguments make the text shown to the user; the API answers it as a problem of type
 * {@code file-rejected}.
 */
public class FileRejected extends ProblemException {
    public static final String TYPE = "file-rejected";

    private FileRejected(HttpStatus status, String messageCode, Object... args) {
        super(status, TYPE, messageCode, args);
    }

    /** A nameless upload still needs something to stand where the name goes in the message. */
    private static String shown(String name) {
        return name.isBlank() ? "-" : name;
    }

    static FileRejected tooLarge(String name, String maxSize) {
        return new FileRejected(HttpStatus.CONTENT_TOO_LARGE, "file.too-large", shown(name), maxSize);
    }

    static FileRejected typeNotAllowed(String name) {
        return new FileRejected(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file.type-not-allowed", shown(name));
    }

    static FileRejected empty(String name) {
        return new FileRejected(HttpStatus.BAD_REQUEST, "file.empty", shown(name));
    }
}
