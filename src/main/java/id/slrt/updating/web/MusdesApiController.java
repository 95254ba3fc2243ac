package id.slrt.updating.web;

import id.slrt.platform.ApiProblemHandler;
import id.slrt.platform.FileStore;
import id.slrt.platform.Paged;
import id.slrt.shared.CurrentActor;
import id.slrt.updating.ChangeRequest;
import id.slrt.updating.Musdes;
import id.slrt.updating.MusdesForm;
import id.slrt.updating.MusdesService;
import id.slrt.updating.UpdatingService.BulkResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/** Village deliberations over the API: record, edit, attach minutes, submit the requests grouped under one. */
@RestController
@RequestMapping("/api/v1/musdes")
@Tag(name = "Musdes", description = "Village deliberations (musdes/muskel) and the requests they agreed")
class MusdesApiController {
    private final MusdesService musdes;
    private final FileStore files;
    private final ApiProblemHandler problems;

    MusdesApiController(MusdesService musdes, FileStore files, ApiProblemHandler problems) {
        this.musdes = musdes;
        this.files = files;
        this.problems = problems;
    }

    record MusdesView(Musdes musdes, List<ChangeRequest> requests) {
    }

    @GetMapping
    @Operation(summary = "Deliberations in your scope, newest first; region filters by a region code prefix")
    Paged<Musdes> list(@RequestParam(required = false) String region, @RequestParam(defaultValue = "0") int page,
                       @RequestParam(required = false) Integer size) {
        return musdes.list(region, Math.max(page, 0), Paged.size(size));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a deliberation of your desa (not in the future); attach the minutes with PUT /{id}/minutes")
    ResponseEntity<Musdes> create(@RequestBody MusdesForm form, @AuthenticationPrincipal CurrentActor me) {
        Musdes m = musdes.create(form, null, me);
        return ResponseEntity.created(URI.create("/api/v1/musdes/" + m.id())).body(m);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One deliberation with the requests grouped under it")
    MusdesView get(@PathVariable UUID id) {
        MusdesService.View v = musdes.view(id).orElseThrow(MusdesApiController::notFound);
        return new MusdesView(v.musdes(), v.requests());
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a deliberation (send the version you read)")
    Musdes update(@PathVariable UUID id, @RequestBody MusdesForm form, @AuthenticationPrincipal CurrentActor me) {
        return musdes.update(id, form, null, me);
    }

    @PutMapping(path = "/{id}/minutes", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach or replace the minutes (berita acara): PDF, JPEG, PNG or WebP, multipart field \"file\"")
    Musdes attachMinutes(@PathVariable UUID id, @RequestPart("file") MultipartFile file,
                         @AuthenticationPrincipal CurrentActor me) {
        try {
            return musdes.attachMinutes(id, new MusdesService.Minutes(file.getInputStream(), file.getOriginalFilename(),
                    file.getContentType()), me);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/{id}/minutes")
    @Operation(summary = "The minutes file")
    ResponseEntity<Resource> minutes(@PathVariable UUID id) {
        return MinutesDownload.of(musdes, files, id);
    }

    @PostMapping("/{id}/submit-requests")
    @Operation(summary = "Submit every draft you made under this deliberation; each is checked on its own")
    List<BulkResult> submitRequests(@PathVariable UUID id, @AuthenticationPrincipal CurrentActor me) {
        return musdes.submitRequests(id, me);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(HttpServletRequest request) {
        HttpStatus status = HttpStatus.CONTENT_TOO_LARGE;
        String detail = problems.text("file.too-large", "-", DataSize.ofBytes(files.maxSize()).toMegabytes() + " MB");
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.build(status, "file-rejected", detail, List.of(), request.getRequestURI()));
    }

    private static id.slrt.updating.UpdatingProblem notFound() {
        return new id.slrt.updating.UpdatingProblem(HttpStatus.NOT_FOUND, "not-found", "musdes.not-found");
    }
}
