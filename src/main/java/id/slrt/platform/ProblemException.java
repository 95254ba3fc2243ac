package id.slrt.platform;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An error a use case raises: the API answers it as RFC 9457 problem+json, forms show it inline. {@code type} is a stable slug; {@code messageCode}
 * is a message key rendered in the request's language; {@code fieldErrors} name offending fields.
 */
public class ProblemException extends RuntimeException {
    private final HttpStatus status;
    private final String type;
    private final String messageCode;
    private final transient Object[] args;
    private final List<FieldError> fieldErrors;

    public record FieldError(String field, String code, Object... args) {
    }

    public ProblemException(HttpStatus status, String type, String messageCode, Object... args) {
        this(status, type, messageCode, List.of(), args);
    }

    public ProblemException(HttpStatus status, String type, String messageCode, List<FieldError> fieldErrors, Object... args) {
        super(messageCode);
        this.status = status;
        this.type = type;
        this.messageCode = messageCode;
        this.args = args;
        this.fieldErrors = fieldErrors;
    }

    public static ProblemException notFound(String messageCode, Object... args) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", messageCode, args);
    }

    public static ProblemException invalidField(String field, String code, Object... args) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation", "problem.validation",
                List.of(new FieldError(field, code, args)));
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation", "problem.validation", errors);
    }

    public static ProblemException conflict(String messageCode, Object... args) {
        return new ProblemException(HttpStatus.CONFLICT, "conflict", messageCode, args);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String messageCode() {
        return messageCode;
    }

    public Object[] args() {
        return args;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
