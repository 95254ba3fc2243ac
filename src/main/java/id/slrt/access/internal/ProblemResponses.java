package id.slrt.access.internal;

import id.slrt.platform.ApiProblemHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.ObjectMapper;

/** Writes 401/403 problem+json from the security filters, in the request's language. */
@Component
class ProblemResponses {
    private final ApiProblemHandler handler;
    private final ObjectMapper json;
    private final LocaleResolver locales;

    ProblemResponses(ApiProblemHandler handler, ObjectMapper json, LocaleResolver locales) {
        this.handler = handler;
        this.json = json;
        this.locales = locales;
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status, String type, String messageCode)
            throws IOException {
        LocaleContextHolder.setLocale(locales.resolveLocale(request));
        try {
            ProblemDetail body = handler.build(HttpStatusCode.valueOf(status), type, handler.text(messageCode),
                    List.of(), request.getRequestURI());
            response.setStatus(status);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), body);
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
