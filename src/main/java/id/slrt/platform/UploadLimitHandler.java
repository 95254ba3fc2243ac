package id.slrt.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload larger than the multipart limit is refused before any controller runs, so no controller's
 * own handler sees it: the API answers a 413 problem, a page is sent back where it came from with
 * {@code uploadError=too-large} for its form to show.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitHandler {
    private final ApiProblemHandler problems;
    private final FileStore files;

    UploadLimitHandler(ApiProblemHandler problems, FileStore files) {
        this.problems = problems;
        this.files = files;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<?> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problems.build(HttpStatus.CONTENT_TOO_LARGE, FileRejected.TYPE,
                            problems.text("file.upload-too-large", FileStore.readableSize(files.maxSize())), List.of(),
                            request.getRequestURI()));
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, back(request)).build();
    }

    /** The page the form was on (same site only), else the site's home. */
    private static String back(HttpServletRequest request) {
        String referer = request.getHeader(HttpHeaders.REFERER);
        String path = request.getContextPath() + "/";
        if (referer != null) {
            URI uri = URI.create(referer);
            if (uri.getHost() == null || uri.getHost().equals(request.getServerName())) {
                path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? path : uri.getRawPath();
            }
        }
        return path + "?uploadError=too-large";
    }
}
