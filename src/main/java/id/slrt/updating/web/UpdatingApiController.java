package id.slrt.updating.web;

import id.slrt.platform.FileStore;
import id.slrt.platform.ImageMetadata;
import id.slrt.platform.Paged;
import id.slrt.platform.StoredFile;
import id.slrt.shared.CurrentActor;
import id.slrt.updating.ChangeKind;
import id.slrt.updating.ChangeRequest;
import id.slrt.updating.Evidence;
import id.slrt.updating.RequestEvent;
import id.slrt.updating.RequestStatus;
import id.slrt.updating.UpdatingProblem;
import id.slrt.updating.UpdatingService;
import id.slrt.updating.UpdatingService.BulkAction;
import id.slrt.updating.UpdatingService.BulkResult;
import id.slrt.updating.UpdatingService.Proposal;
import id.slrt.updating.UpdatingService.View;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Change requests and their workflow steps over the API; the same rules and audit as the pages. */
@RestController
@RequestMapping("/api/v1/change-requests")
@Tag(name = "Pemutakhiran", description = "Change requests: draft, submit, verify or return, apply or reject")
class UpdatingApiController {
    private final UpdatingService updating;
    private final Inboxes inboxes;

    private final FileStore files;

    UpdatingApiController(UpdatingService updating, Inboxes inboxes, FileStore files) {
        this.updating = updating;
        this.inboxes = inboxes;
        this.files = files;
    }

    record CreateRequest(String kind, UUID householdId, Map<String, String> proposed, String reason, UUID musdesId) {
    }

    record EditRequest(Integer version, Map<String, String> proposed, String reason, UUID musdesId) {
    }

    record NoteRequest(String note) {
    }

    record ReturnRequest(Map<String, String> reasons) {
    }

    record ApplyRequest(Map<String, String> decisions) {
    }

    record BulkRequest(String action, List<UUID> ids, String note) {
    }

    record RequestView(ChangeRequest request, List<id.slrt.updating.FieldDiff> diffs, boolean changedSinceBase,
                       boolean conflicts, List<RequestEvent> events) {
        static RequestView of(View v) {
            return new RequestView(v.request(), v.diffs(), v.changedSinceBase(), v.conflicts(), v.events());
        }
    }

    @PostMapping
    @Operation(summary = "Draft a change request; the validation service's findings come back in issues")
    ResponseEntity<ChangeRequest> create(@RequestBody CreateRequest body, @AuthenticationPrincipal CurrentActor me) {
        ChangeRequest r = updating.draft(new Proposal(ChangeKind.parse(body.kind()), body.householdId(),
                body.proposed(), body.reason(), body.musdesId()), me);
        return ResponseEntity.created(URI.create("/api/v1/change-requests/" + r.id())).body(r);
    }

    /** A request in a list: what it is and where it stands, without the personal data it carries. */
    record RequestSummary(UUID id, String number, String kind, String status, String regionCode, String subject,
                          String maker, java.time.Instant createdAt, java.time.Instant updatedAt, java.time.Instant dueAt,
                          boolean hasErrors, UUID householdId, UUID batchId, UUID musdesId) {
        static RequestSummary of(ChangeRequest r) {
            return new RequestSummary(r.id(), r.number(), r.kind().name(), r.status().name(), r.regionCode(),
                    r.subject(), r.maker(), r.createdAt(), r.updatedAt(), r.dueAt(), r.hasErrors(), r.householdId(),
                    r.batchId(), r.musdesId());
        }
    }

    @GetMapping
    @Operation(summary = "Requests in your scope (summaries; open one for its fields): an inbox (to-verify, returned, "
            + "to-apply, drafts) or all, with filters")
    Paged<RequestSummary> list(@AuthenticationPrincipal CurrentActor me,
                              @RequestParam(required = false) String inbox, @RequestParam(required = false) String status,
                              @RequestParam(required = false) String kind, @RequestParam(required = false) String region,
                              @RequestParam(required = false) UUID household,
                              @RequestParam(defaultValue = "false") boolean overdue,
                              @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                              @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size) {
        Paged<ChangeRequest> found = updating.list(inboxes.query(me, inbox, status, kind, region, household, overdue, q,
                sort), Math.max(0, page), Paged.size(size));
        return new Paged<>(found.items().stream().map(RequestSummary::of).toList(), found.page(), found.size(),
                found.total());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One request: base, current and proposed value per field, conflicts, timeline")
    RequestView get(@PathVariable UUID id) {
        return RequestView.of(updating.open(id).orElseThrow(() ->
                new UpdatingProblem(HttpStatus.NOT_FOUND, "not-found", "updating.not-found")));
    }

    @PutMapping("/{id}")
    @Operation(summary = "The maker changes a draft or returned request (send the version you read)")
    ChangeRequest edit(@PathVariable UUID id, @RequestBody EditRequest body, @AuthenticationPrincipal CurrentActor me) {
        return updating.edit(id, body.version() == null ? -1 : body.version(), body.proposed(), body.reason(),
                body.musdesId(), me);
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit to the kecamatan supervisor (refused while the proposal has errors)")
    ChangeRequest submit(@PathVariable UUID id, @AuthenticationPrincipal CurrentActor me) {
        return updating.submit(id, me);
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "The maker withdraws a request not yet verified")
    ChangeRequest withdraw(@PathVariable UUID id, @RequestBody(required = false) NoteRequest body,
                           @AuthenticationPrincipal CurrentActor me) {
        return updating.withdraw(id, body == null ? null : body.note(), me);
    }

    @PostMapping("/{id}/verify")
    @Operation(summary = "The kecamatan supervisor verifies a submitted request (never their own)")
    ChangeRequest verify(@PathVariable UUID id, @RequestBody(required = false) NoteRequest body,
                         @AuthenticationPrincipal CurrentActor me) {
        return updating.verify(id, body == null ? null : body.note(), me);
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "Return to the maker with a reason per field (key \"\" for the whole request)")
    ChangeRequest returnToMaker(@PathVariable UUID id, @RequestBody ReturnRequest body,
                                @AuthenticationPrincipal CurrentActor me) {
        return updating.returnToMaker(id, body.reasons(), me);
    }

    @PostMapping("/{id}/apply")
    @Operation(summary = "The district applies a verified request; where fields conflict, decide PROPOSED or CURRENT per field")
    ChangeRequest apply(@PathVariable UUID id, @RequestBody(required = false) ApplyRequest body,
                        @AuthenticationPrincipal CurrentActor me) {
        return updating.apply(id, body == null ? Map.of() : body.decisions(), me);
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "The district rejects a request with a reason")
    ChangeRequest reject(@PathVariable UUID id, @RequestBody NoteRequest body, @AuthenticationPrincipal CurrentActor me) {
        return updating.reject(id, body.note(), me);
    }

    @PostMapping(value = "/{id}/files", consumes = "multipart/form-data")
    @Operation(summary = "Attach evidence (JPEG, PNG, WebP or PDF; type and size checked); EXIF date and GPS are read from photos")
    ResponseEntity<Evidence> attach(@PathVariable UUID id, @RequestParam String evidenceType,
                                    @RequestParam("file") MultipartFile file, @AuthenticationPrincipal CurrentActor me)
            throws IOException {
        updating.mayAttach(id, me);
        try (InputStream in = file.getInputStream()) {
            StoredFile stored = files.store(in, file.getOriginalFilename(), file.getContentType());
            ImageMetadata meta = "image/jpeg".equals(stored.contentType())
                    ? files.open(stored.sha256()).map(ImageMetadata::read).orElse(ImageMetadata.NONE)
                    : ImageMetadata.NONE;
            Evidence e = updating.attach(id, evidenceType, stored, meta, me);
            return ResponseEntity.created(URI.create("/api/v1/change-requests/" + id + "/files/" + e.id())).body(e);
        }
    }

    @GetMapping("/{id}/files")
    @Operation(summary = "The evidence attached to a request")
    List<Evidence> evidence(@PathVariable UUID id) {
        updating.find(id).orElseThrow(() -> new UpdatingProblem(HttpStatus.NOT_FOUND, "not-found", "updating.not-found"));
        return updating.evidence(id);
    }

    @GetMapping("/{id}/files/{fileId}")
    @Operation(summary = "One evidence file's content (reading it is audited)")
    ResponseEntity<InputStreamResource> file(@PathVariable UUID id, @PathVariable UUID fileId) throws IOException {
        Evidence e = updating.openEvidence(id, fileId)
                .orElseThrow(() -> new UpdatingProblem(HttpStatus.NOT_FOUND, "not-found", "updating.not-found"));
        Path path = files.open(e.sha256())
                .orElseThrow(() -> new UpdatingProblem(HttpStatus.NOT_FOUND, "not-found", "updating.not-found"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(e.contentType())).contentLength(Files.size(path))
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(Files.newInputStream(path)));
    }

    @PostMapping("/bulk")
    @Operation(summary = "One step (SUBMIT, VERIFY, APPLY) on many requests, each checked on its own")
    List<BulkResult> bulk(@RequestBody BulkRequest body, @AuthenticationPrincipal CurrentActor me) {
        BulkAction action;
        try {
            action = BulkAction.valueOf(String.valueOf(body.action()).toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new UpdatingProblem(HttpStatus.BAD_REQUEST, "validation", "updating.bulk-action-unknown");
        }
        return updating.bulk(action, body.ids() == null ? List.of() : body.ids(), body.note(), me);
    }
}
