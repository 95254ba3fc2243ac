package id.slrt.exchange.web;

import id.slrt.exchange.ExportFormat;
import id.slrt.exchange.ExportLayout;
import id.slrt.exchange.ExportService;
import id.slrt.platform.ProblemException;
import id.slrt.registry.HouseholdFilter;
import id.slrt.shared.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Registry export over the API: the same filters as {@code GET /api/v1/households}, the whole list as a file. */
@RestController
@Tag(name = "Exports", description = "Export the filtered household list as CSV or XLSX, registry or SIKS-NG layout")
class ExportApiController {
    private final ExportService exports;

    ExportApiController(ExportService exports) {
        this.exports = exports;
    }

    @GetMapping("/api/v1/exports/households")
    @Operation(summary = "One row per active member of the filtered households (your scope), streamed as a file; audited")
    void households(@RequestParam(required = false) String format, @RequestParam(required = false) String layout,
                    @RequestParam(required = false) String region, @RequestParam(required = false) String ppks,
                    @RequestParam(required = false) String program, @RequestParam(required = false) String quality,
                    @RequestParam(required = false) String status, @AuthenticationPrincipal CurrentActor me,
                    HttpServletResponse response) throws IOException {
        send(exports, new Request(format, layout, region, ppks, program, quality, status), me, response);
    }

    /** The request parameters of an export, shared with the page endpoint. */
    record Request(String format, String layout, String region, String ppks, String program, String quality,
                   String status) {
        HouseholdFilter filter() {
            return new HouseholdFilter(blankToNull(region), blankToNull(ppks), blankToNull(program),
                    blankToNull(quality), blankToNull(status), null, false);
        }
    }

    static void send(ExportService exports, Request request, CurrentActor me, HttpServletResponse response)
            throws IOException {
        ExportFormat format = ExportFormat.parse(request.format());
        ExportLayout layout = ExportLayout.parse(request.layout());
        List<ProblemException.FieldError> errors = new ArrayList<>();
        if (format == null) {
            errors.add(new ProblemException.FieldError("format", "export.format-unknown"));
        }
        if (layout == null) {
            errors.add(new ProblemException.FieldError("layout", "export.layout-unknown"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        HouseholdFilter filter = request.filter();
        response.setContentType(format.mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(exports.fileName(filter, layout, format, me)).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        exports.export(filter, layout, format, response.getOutputStream(), me);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
