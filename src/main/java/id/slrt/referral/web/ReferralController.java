package id.slrt.referral.web;

import id.slrt.complaint.Complaint;
import id.slrt.complaint.ComplaintService;
import id.slrt.platform.FileRejected;
import id.slrt.platform.FileStore;
import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import id.slrt.platform.SlrtProperties;
import id.slrt.platform.StoredFile;
import id.slrt.platform.Texts;
import id.slrt.referral.Agencies;
import id.slrt.referral.IssuedLink;
import id.slrt.referral.NewReferral;
import id.slrt.referral.Outcome;
import id.slrt.referral.Referral;
import id.slrt.referral.ReferralQuery;
import id.slrt.referral.ReferralService;
import id.slrt.referral.ReferralService.View;
import id.slrt.referral.ReferralStatus;
import id.slrt.region.RegionPicker;
import id.slrt.region.RegionService;
import id.slrt.registry.Member;
import id.slrt.registry.RegistryService;
import id.slrt.shared.CurrentActor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The referral pages of staff and of partner (MITRA) users: the list (row-level security shows a partner
 * only its agency's referrals), referring a complaint or a household, a referral with its timeline, the
 * agency's answer, cancelling, referring again, the agency's link, and the letter.
 */
@Controller
class ReferralController {
    private final ReferralService referrals;
    private final Agencies agencies;
    private final ComplaintService complaints;
    private final RegistryService registry;
    private final RegionPicker picker;
    private final RegionService regions;
    private final LetterPdf letters;
    private final FileStore files;
    private final Texts texts;
    private final Clock clock;
    private final ZoneId zone;

    ReferralController(ReferralService referrals, Agencies agencies, ComplaintService complaints,
                       RegistryService registry, RegionPicker picker, RegionService regions, LetterPdf letters,
                       FileStore files, Texts texts, Clock clock, SlrtProperties properties) {
        this.referrals = referrals;
        this.agencies = agencies;
        this.complaints = complaints;
        this.registry = registry;
        this.picker = picker;
        this.regions = regions;
        this.letters = letters;
        this.files = files;
        this.texts = texts;
        this.clock = clock;
        this.zone = properties.timezone();
    }

    record Filter(String status, String agency, String region, boolean overdue) {
    }

    @GetMapping("/referrals")
    String list(@AuthenticationPrincipal CurrentActor me, @RequestParam(required = false) String status,
                @RequestParam(required = false) String agency, @RequestParam(required = false) String region,
                @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "0") int page,
                @RequestParam(required = false) Integer size, Model model) {
        String st = status == null ? "OPEN" : status;
        String regionFilter = region == null || region.isBlank() || region.equals(me.regionScope()) ? null : region;
        Paged<Referral> result = referrals.list(new ReferralQuery(st, agency, regionFilter, overdue), Math.max(0, page),
                Paged.size(size));
        model.addAttribute("result", result);
        model.addAttribute("filter", new Filter(st, agency, regionFilter, overdue));
        model.addAttribute("statuses", ReferralStatus.values());
        model.addAttribute("agencies", agencies.all());
        model.addAttribute("agencyNames", agencyNames());
        model.addAttribute("partner", me.agencyLimit() != null);
        model.addAttribute("picker", picker.build("region", me.regionScope(), 4, regionFilter));
        model.addAttribute("today", today());
        model.addAttribute("regions", regions);
        return "referral/list";
    }

    // --- referring -----------------------------------------------------------------------------

    @GetMapping("/referrals/new")
    String newForm(@RequestParam(required = false) UUID complaint, @RequestParam(required = false) UUID household,
                   @RequestParam(required = false) String reason, Model model) {
        NewReferral form = NewReferral.empty();
        if (household != null && reason != null && !reason.isBlank()) {
            // From an eligibility case: why this household is referred, for the staff member to check and send.
            form = new NewReferral(null, null, reason.strip(), null, null, null);
        }
        if (complaint != null) {
            Complaint c = complaints.find(complaint).orElseThrow(ReferralController::notFound);
            form = new NewReferral(null, null, c.description(), null, c.complainantName(), c.complainantPhone());
        }
        fillForm(model, form, complaint, household, Map.of(), true);
        return "referral/form";
    }

    @PostMapping("/referrals/new")
    String create(@ModelAttribute NewReferral form, @RequestParam(required = false) UUID complaint,
                  @RequestParam(required = false) UUID household,
                  @RequestParam(defaultValue = "false") boolean issueLink, @AuthenticationPrincipal CurrentActor me,
                  Model model, RedirectAttributes flash) {
        try {
            Referral r = complaint != null ? referrals.referComplaint(complaint, form, me)
                    : household != null ? referrals.referHousehold(household, form, me) : null;
            if (r == null) {
                throw notFound();
            }
            flash.addFlashAttribute("success", texts.get("referral.created", r.number()));
            if (issueLink) {
                IssuedLink link = referrals.issueLink(r.id(), me);
                flash.addFlashAttribute("linkUrl", linkUrl(link.token()));
                flash.addFlashAttribute("linkToken", link.token());
            }
            return "redirect:/referrals/" + r.id();
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw notFound();
            }
            Map<String, String> errors = texts.fieldErrors(e);
            if (errors.isEmpty()) {
                model.addAttribute("failure", texts.get(e.messageCode(), e.args()));
            }
            fillForm(model, form, complaint, household, errors, issueLink);
            return "referral/form";
        }
    }

    private void fillForm(Model model, NewReferral form, UUID complaint, UUID household, Map<String, String> errors,
                          boolean issueLink) {
        model.addAttribute("form", form);
        model.addAttribute("complaint", complaint == null ? null : complaints.find(complaint).orElse(null));
        List<Member> members = household == null ? List.of()
                : registry.find(household).map(d -> d.members().stream().filter(Member::active).toList())
                .orElseThrow(ReferralController::notFound);
        model.addAttribute("household", household);
        model.addAttribute("members", members);
        model.addAttribute("agencies", agencies.active());
        model.addAttribute("errors", errors);
        model.addAttribute("hasErrors", !errors.isEmpty());
        model.addAttribute("issueLink", issueLink);
    }

    // --- one referral --------------------------------------------------------------------------

    @GetMapping("/referrals/{id}")
    String detail(@PathVariable UUID id, @AuthenticationPrincipal CurrentActor me, Model model) {
        View v = referrals.open(id).orElseThrow(ReferralController::notFound);
        Referral r = v.referral();
        boolean partner = me.agencyLimit() != null;
        boolean creator = ReferralService.CREATORS.contains(me.role());
        model.addAttribute("v", v);
        model.addAttribute("r", r);
        model.addAttribute("partner", partner);
        model.addAttribute("canManage", creator);
        model.addAttribute("canAnswer", ReferralService.ANSWERERS.contains(me.role()));
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("agencies", agencies.active());
        model.addAttribute("agencyNames", agencyNames());
        model.addAttribute("today", today());
        model.addAttribute("regions", regions);
        model.addAttribute("now", clock.instant());
        model.addAttribute("maxSize", files.maxSize() / (1024 * 1024));
        return "referral/detail";
    }

    @PostMapping("/referrals/{id}/{step:accept|decline|cancel}")
    String step(@PathVariable UUID id, @PathVariable String step, @RequestParam(required = false) Integer version,
                @RequestParam(required = false) String note, @AuthenticationPrincipal CurrentActor me,
                RedirectAttributes flash) {
        return act(id, flash, () -> {
            Referral r = switch (step) {
                case "accept" -> referrals.accept(id, version, note, me);
                case "decline" -> referrals.decline(id, version, note, me);
                default -> referrals.cancel(id, version, note, me);
            };
            return texts.get("referral.done", texts.get(r.status().labelKey()));
        });
    }

    @PostMapping("/referrals/{id}/complete")
    String complete(@PathVariable UUID id, @RequestParam(required = false) Integer version,
                    @RequestParam(required = false) String outcome, @RequestParam(required = false) String note,
                    @RequestParam(name = "document", required = false) MultipartFile document,
                    @AuthenticationPrincipal CurrentActor me, RedirectAttributes flash) {
        flash.addFlashAttribute("outcomeForm", Map.of("outcome", outcome == null ? "" : outcome,
                "note", note == null ? "" : note));
        StoredFile stored;
        try {
            stored = Documents.store(files, document);
        } catch (FileRejected e) {
            flash.addFlashAttribute("failure", texts.get(e.messageCode(), e.args()));
            return "redirect:/referrals/" + id + "#answer";
        }
        return act(id, flash, () -> {
            Referral r = referrals.complete(id, version, outcome, note, stored, me);
            return texts.get("referral.done", texts.get(r.status().labelKey()));
        });
    }

    @PostMapping("/referrals/{id}/rerefer")
    String reRefer(@PathVariable UUID id, @RequestParam(required = false) Integer version,
                   @ModelAttribute NewReferral form, @AuthenticationPrincipal CurrentActor me,
                   RedirectAttributes flash) {
        try {
            Referral next = referrals.reRefer(id, version, form, me);
            flash.addFlashAttribute("success", texts.get("referral.created", next.number()));
            return "redirect:/referrals/" + next.id();
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw notFound();
            }
            flash.addFlashAttribute("failure", message(e));
            return "redirect:/referrals/" + id;
        }
    }

    @PostMapping("/referrals/{id}/link")
    String issueLink(@PathVariable UUID id, @AuthenticationPrincipal CurrentActor me, RedirectAttributes flash) {
        return act(id, flash, () -> {
            IssuedLink link = referrals.issueLink(id, me);
            flash.addFlashAttribute("linkUrl", linkUrl(link.token()));
            flash.addFlashAttribute("linkToken", link.token());
            return texts.get("referral.link.issued");
        });
    }

    @PostMapping("/referrals/{id}/link/revoke")
    String revokeLinks(@PathVariable UUID id, @AuthenticationPrincipal CurrentActor me, RedirectAttributes flash) {
        return act(id, flash, () -> texts.get("referral.link.revoked", referrals.revokeLinks(id, me)));
    }

    /** The letter; printing it is audited. */
    @GetMapping("/referrals/{id}/letter.pdf")
    ResponseEntity<byte[]> letter(@PathVariable UUID id) {
        return letterWith(id, null);
    }

    /** The letter with the link just issued (the page posts the token it was shown once). */
    @PostMapping("/referrals/{id}/letter.pdf")
    ResponseEntity<byte[]> letterWithLink(@PathVariable UUID id, @RequestParam(required = false) String token) {
        return letterWith(id, token != null && referrals.isActiveLink(id, token) ? linkUrl(token) : null);
    }

    private ResponseEntity<byte[]> letterWith(UUID id, String url) {
        View v = referrals.letter(id).orElseThrow(ReferralController::notFound);
        byte[] pdf = letters.render(v.referral(), v.agency(), url, LocaleContextHolder.getLocale());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\""
                        + v.referral().number().replace('/', '-') + ".pdf\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf);
    }

    @GetMapping("/referrals/{id}/document")
    ResponseEntity<InputStreamResource> document(@PathVariable UUID id) throws IOException {
        Referral r = referrals.openDocument(id).orElseThrow(ReferralController::notFound);
        Path path = files.open(r.outcomeSha256()).orElseThrow(ReferralController::notFound);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(r.outcomeType()))
                .contentLength(Files.size(path))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + r.outcomeFile().replace("\"", "") + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(Files.newInputStream(path)));
    }

    private interface Step {
        String run();
    }

    private String act(UUID id, RedirectAttributes flash, Step step) {
        try {
            flash.addFlashAttribute("success", step.run());
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw notFound();
            }
            flash.addFlashAttribute("failure", message(e));
        }
        return "redirect:/referrals/" + id;
    }

    private Map<String, String> agencyNames() {
        Map<String, String> names = new LinkedHashMap<>();
        agencies.all().forEach(a -> names.put(a.code(), a.name()));
        return names;
    }

    private String message(ProblemException e) {
        if (!e.fieldErrors().isEmpty()) {
            ProblemException.FieldError fe = e.fieldErrors().get(0);
            return texts.get(fe.code(), fe.args());
        }
        return texts.get(e.messageCode(), e.args());
    }

    static String linkUrl(String token) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/rujukan/t/").path(token).toUriString();
    }

    private LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    /** The outcome document of a form: kept by the file store (which judges type and size), or none. */
    static final class Documents {
        private Documents() {
        }

        static StoredFile store(FileStore files, MultipartFile upload) {
            if (upload == null || upload.isEmpty()) {
                return null;
            }
            try (InputStream in = upload.getInputStream()) {
                return files.store(in, upload.getOriginalFilename(), upload.getContentType());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
