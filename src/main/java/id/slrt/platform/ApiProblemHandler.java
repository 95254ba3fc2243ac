package id.slrt.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;

/**
 * API errors as RFC 9457 {@code application/problem+json}: a stable {@code type}, a {@code detail} in
 * the request's language and, for validation, {@code errors} naming each field.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblemHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);
    public static final String TYPE_PREFIX = "urn:slrt:problem:";

    private final MessageSource messages;

    ApiProblemHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e, HttpServletRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (ProblemException.FieldError fe : e.fieldErrors()) {
            errors.add(fieldError(fe.field(), fe.code(), text(fe.code(), fe.args())));
        }
        return respond(e.status(), e.type(), text(e.messageCode(), e.args()), errors, request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (FieldError fe : e.getBindingResult().getFieldErrors()) {
            String message = messages.getMessage(fe, LocaleContextHolder.getLocale());
            errors.add(fieldError(fe.getField(), "validation." + fe.getCode(), message));
        }
        return respond(HttpStatus.BAD_REQUEST, "validation", text("problem.validation"), errors, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        JacksonException jackson = findJackson(e);
        String field = jackson == null ? null : fieldPath(jackson);
        List<Map<String, Object>> errors = new ArrayList<>();
        if (field != null && !field.isEmpty()) {
            errors.add(fieldError(field, "validation.unreadable", text("problem.field-unreadable", field)));
            return respond(HttpStatus.BAD_REQUEST, "validation", text("problem.validation"), errors, request);
        }
        return respond(HttpStatus.BAD_REQUEST, "malformed-json", text("problem.malformed-json"), errors, request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParam(MissingServletRequestParameterException e, HttpServletRequest request) {
        return respond(HttpStatus.BAD_REQUEST, "validation", text("problem.validation"),
                List.of(fieldError(e.getParameterName(), "validation.NotBlank", text("NotBlank"))), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(HttpStatus.BAD_REQUEST, "validation", text("problem.validation"),
                List.of(fieldError(e.getName(), "validation.unreadable", text("problem.field-unreadable", e.getName()))), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", text("problem.method-not-allowed"), List.of(), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        return respond(HttpStatus.FORBIDDEN, "forbidden", text("problem.forbidden"), List.of(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal", text("problem.internal"), List.of(), request);
    }

    /** Builds the problem body; also used by the security layer for 401 and 403. */
    public ProblemDetail build(HttpStatusCode status, String type, String detail, List<Map<String, Object>> errors, String path) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setType(URI.create(TYPE_PREFIX + type));
        pd.setTitle(text("problem.title." + type));
        pd.setInstance(URI.create(path));
        if (!errors.isEmpty()) {
            pd.setProperty("errors", errors);
        }
        return pd;
    }

    public String text(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    private ResponseEntity<ProblemDetail> respond(HttpStatus status, String type, String detail,
                                                  List<Map<String, Object>> errors, HttpServletRequest request) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(build(status, type, detail, errors, request.getRequestURI()));
    }

    private static Map<String, Object> fieldError(String field, String code, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", field);
        m.put("code", code);
        m.put("message", message);
        return m;
    }

    private static JacksonException findJackson(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof JacksonException j) {
                return j;
            }
        }
        return null;
    }

    private static String fieldPath(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
