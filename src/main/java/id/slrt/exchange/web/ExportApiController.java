package id.slrt.exchange.web;

import id.slrt.exchange.ExportFormat;
import id.slrt.exchange.ExportJob;
import id.slrt.exchange.ExportJobs;
import id.slrt.exchange.ExportLayout;
import id.slrt.exchange.ExportService;
import id.slrt.platform.ProblemException;
import id.slrt.platform.Texts;
import id.slrt.registry.HouseholdFilter;
import id.slrt.shared.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Registry export over the API: the same filters as {@code GET /api/v1/households}, the whole list as a file. */
@RestController
@Tag(name = "Exports", description = "Export the filtered household list as CSV or XLSX, registry or SIKS-NG layout")
class ExportApiController {
    private final ExportService exports;
    private final ExportJobs jobs;
    private final Texts texts;

    ExportApiController(ExportService exports, ExportJobs jobs, Texts texts) {
        this.exports = exports;
        this.jobs = jobs;
        this.texts = texts;
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

    /** A background export as the API shows it. */
    record JobView(UUID id, ExportJob.Status status, String format, String layout, Map<String, String> filters,
                   long households, long householdsDone, long rowsDone, int percent, String fileName, Long fileSize,
                   Instant createdAt, Instant finishedAt, Instant expiresAt, String failure) {
        static JobView of(ExportJob j, String failure) {
            return new JobView(j.id(), j.status(), j.format().name().toLowerCase(), j.layout().name().toLowerCase(),
                    j.filters(), j.households(), j.householdsDone(), j.rowsDone(), j.percent(), j.fileName(), j.fileSize(),
                    j.createdAt(), j.finishedAt(), j.expiresAt(), failure);
        }
    }

    @PostMapping("/api/v1/exports/households")
    @Operation(summary = "Start the same export in the background (for large lists): 202 with the job; follow it at "
            + "/api/v1/exports/{id} and download /api/v1/exports/{id}/file when DONE, while it is kept")
    ResponseEntity<JobView> start(@RequestParam(required = false) String format,
                                  @RequestParam(required = false) String layout,
                                  @RequestParam(required = false) String region, @RequestParam(required = false) String ppks,
                                  @RequestParam(required = false) String program,
                                  @RequestParam(required = false) String quality,
                                  @RequestParam(required = false) String status, @AuthenticationPrincipal CurrentActor me) {
        Request request = new Request(format, layout, region, ppks, program, quality, status);
        request.check();
        ExportJob job = jobs.start(request.filter(), ExportLayout.parse(layout), ExportFormat.parse(format), me);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/exports/" + job.id()))
                .body(JobView.of(job, null));
    }

    @GetMapping("/api/v1/exports/{id}")
    @Operation(summary = "A background export of yours: RUNNING (households and rows done), DONE, FAILED or EXPIRED")
    JobView job(@PathVariable UUID id, @AuthenticationPrincipal CurrentActor me) {
        ExportJob job = jobs.require(id, me);
        return JobView.of(job, job.failure() == null ? null : texts.get(job.failure()));
    }

    @GetMapping("/api/v1/exports/{id}/file")
    @Operation(summary = "The file of a finished background export of yours (409 while running, 410 once expired); audited")
    void file(@PathVariable UUID id, @AuthenticationPrincipal CurrentActor me, HttpServletResponse response)
            throws IOException {
        sendFile(jobs, id, me, response);
    }

    static void sendFile(ExportJobs jobs, UUID id, CurrentActor me, HttpServletResponse response) throws IOException {
        ExportJob job = jobs.require(id, me);
        java.nio.file.Path file = jobs.download(id, me);
        response.setContentType(job.format().mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(job.fileName())
                .build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentLengthLong(java.nio.file.Files.size(file));
        java.nio.file.Files.copy(file, response.getOutputStream());
    }

    /** The request parameters of an export, shared with the page endpoint. */
    record Request(String format, String layout, String region, String ppks, String program, String quality,
                   String status) {
        HouseholdFilter filter() {
            return new HouseholdFilter(blankToNull(region), blankToNull(ppks), blankToNull(program),
                    blankToNull(quality), blankToNull(status), null, false);
        }

        /** Refuses an unknown format or layout. */
        void check() {
            List<ProblemException.FieldError> errors = new ArrayList<>();
            if (ExportFormat.parse(format) == null) {
                errors.add(new ProblemException.FieldError("format", "export.format-unknown"));
            }
            if (ExportLayout.parse(layout) == null) {
                errors.add(new ProblemException.FieldError("layout", "export.layout-unknown"));
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
        }
    }

    static void send(ExportService exports, Request request, CurrentActor me, HttpServletResponse response)
            throws IOException {
        request.check();
        ExportFormat format = ExportFormat.parse(request.format());
        ExportLayout layout = ExportLayout.parse(request.layout());
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
