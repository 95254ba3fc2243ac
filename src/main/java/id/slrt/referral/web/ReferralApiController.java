package id.slrt.referral.web;

import id.slrt.platform.FileRejected;
import id.slrt.platform.FileStore;
import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import id.slrt.platform.StoredFile;
import id.slrt.referral.IssuedLink;
import id.slrt.referral.NewReferral;
import id.slrt.referral.Referral;
import id.slrt.referral.ReferralQuery;
import id.slrt.referral.ReferralService;
import id.slrt.referral.ReferralService.View;
import id.slrt.shared.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Referrals over the API: create, list, read, the steps, the letter, the agency's link. */
@RestController
@Tag(name = "Rujukan", description = "Referrals to program units and partner agencies: create from a complaint or a "
        + "household, list, read, accept, decline, complete, cancel, refer again, letter PDF, issue/revoke link")
class ReferralApiController {
    private final ReferralService referrals;
    private final LetterPdf letters;
    private final FileStore files;

    ReferralApiController(ReferralService referrals, LetterPdf letters, FileStore files) {
        this.referrals = referrals;
        this.letters = letters;
        this.files = files;
    }

    /** A new referral: from {@code complaintId} or {@code householdId} (one of them). */
    record CreateRequest(UUID complaintId, UUID householdId, String agencyCode, UUID memberId, String reason,
                         String requestedAction, String contactName, String contactPhone) {
        NewReferral form() {
            return new NewReferral(agencyCode, memberId, reason, requestedAction, contactName, contactPhone);
        }
    }

    record StepRequest(Integer version, String note) {
    }

    record CompleteRequest(Integer version, String outcome, String note) {
    }

    record ReReferRequest(Integer version, String agencyCode, String reason, String requestedAction,
                          String contactName, String contactPhone) {
    }

    record LinkResponse(UUID referralId, String url, Instant expiresAt) {
    }

    @PostMapping("/api/v1/referrals")
    @Operation(summary = "Refer a complaint (complaintId) or a household (householdId) to an agency; the complaint "
            + "becomes REFERRED")
    ResponseEntity<Referral> create(@RequestBody CreateRequest body, @AuthenticationPrincipal CurrentActor me) {
        Referral r;
        if (body.complaintId() != null) {
            r = referrals.referComplaint(body.complaintId(), body.form(), me);
        } else if (body.householdId() != null) {
            r = referrals.referHousehold(body.householdId(), body.form(), me);
        } else {
            throw ProblemException.invalidField("complaintId", "referral.source-required");
        }
        return ResponseEntity.created(URI.create("/api/v1/referrals/" + r.id())).body(r);
    }

    @GetMapping("/api/v1/referrals")
    @Operation(summary = "Referrals you may see (a partner: its agency's only); status OPEN (default), one status or "
            + "empty for any; agency; region prefix; overdue; overdue ones first")
    Paged<Referral> list(@RequestParam(required = false) String status, @RequestParam(required = false) String agency,
                         @RequestParam(required = false) String region,
                         @RequestParam(defaultValue = "false") boolean overdue,
                         @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size) {
        return referrals.list(new ReferralQuery(status == null ? "OPEN" : status, agency, region, overdue),
                Math.max(0, page), Paged.size(size));
    }

    @GetMapping("/api/v1/referrals/{id}")
    @Operation(summary = "One referral with its agency, timeline and links (an audited read)")
    View get(@PathVariable UUID id) {
        return referrals.open(id).orElseThrow(() -> ProblemException.notFound("referral.not-found"));
    }

    @PostMapping("/api/v1/referrals/{id}/{step:accept|decline|cancel}")
    @Operation(summary = "Accept (note optional), decline (note = reason, required) or cancel (staff; reason required)")
    Referral step(@PathVariable UUID id, @PathVariable String step, @RequestBody(required = false) StepRequest body,
                  @AuthenticationPrincipal CurrentActor me) {
        Integer version = body == null ? null : body.version();
        String note = body == null ? null : body.note();
        return switch (step) {
            case "accept" -> referrals.accept(id, version, note, me);
            case "decline" -> referrals.decline(id, version, note, me);
            default -> referrals.cancel(id, version, note, me);
        };
    }

    @PostMapping(path = "/api/v1/referrals/{id}/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the outcome (RESOLVED, NOT_RESOLVED, NEEDS_OTHER_AGENCY) with a note; RESOLVED "
            + "resolves the complaint referred")
    Referral complete(@PathVariable UUID id, @RequestBody CompleteRequest body,
                      @AuthenticationPrincipal CurrentActor me) {
        return referrals.complete(id, body.version(), body.outcome(), body.note(), null, me);
    }

    @PostMapping(path = "/api/v1/referrals/{id}/complete", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Record the outcome with a document (multipart: outcome, note, version, file)")
    Referral completeWithDocument(@PathVariable UUID id, @RequestParam(required = false) Integer version,
                                  @RequestParam(required = false) String outcome,
                                  @RequestParam(required = false) String note,
                                  @RequestPart(name = "file", required = false) MultipartFile file,
                                  @AuthenticationPrincipal CurrentActor me) {
        StoredFile stored;
        try {
            stored = ReferralController.Documents.store(files, file);
        } catch (FileRejected e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", "problem.validation",
                    List.of(new ProblemException.FieldError("file", e.messageCode(), e.args())));
        }
        return referrals.complete(id, version, outcome, note, stored, me);
    }

    @PostMapping("/api/v1/referrals/{id}/rerefer")
    @Operation(summary = "Refer again to another agency (an open referral is cancelled)")
    ResponseEntity<Referral> reRefer(@PathVariable UUID id, @RequestBody ReReferRequest body,
                                     @AuthenticationPrincipal CurrentActor me) {
        Referral r = referrals.reRefer(id, body.version(), new NewReferral(body.agencyCode(), null, body.reason(),
                body.requestedAction(), body.contactName(), body.contactPhone()), me);
        return ResponseEntity.created(URI.create("/api/v1/referrals/" + r.id())).body(r);
    }

    @PostMapping("/api/v1/referrals/{id}/link")
    @Operation(summary = "Issue the agency's single-referral link (earlier ones are revoked); the URL is shown once")
    LinkResponse issueLink(@PathVariable UUID id, @AuthenticationPrincipal CurrentActor me) {
        IssuedLink link = referrals.issueLink(id, me);
        return new LinkResponse(id, ReferralController.linkUrl(link.token()), link.expiresAt());
    }

    @PostMapping("/api/v1/referrals/{id}/link/revoke")
    @Operation(summary = "Revoke the referral's usable links")
    java.util.Map<String, Integer> revokeLinks(@PathVariable UUID id, @AuthenticationPrincipal CurrentActor me) {
        return java.util.Map.of("revoked", referrals.revokeLinks(id, me));
    }

    @GetMapping(path = "/api/v1/referrals/{id}/letter.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The numbered referral letter (PDF; printing it is audited)")
    ResponseEntity<byte[]> letter(@PathVariable UUID id) {
        View v = referrals.letter(id).orElseThrow(() -> ProblemException.notFound("referral.not-found"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\""
                        + v.referral().number().replace('/', '-') + ".pdf\"")
                .body(letters.render(v.referral(), v.agency(), null, LocaleContextHolder.getLocale()));
    }
}
