package id.slrt.updating.web;

import id.slrt.platform.FileStore;
import id.slrt.platform.ImageMetadata;
import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import id.slrt.platform.StoredFile;
import id.slrt.platform.Texts;
import id.slrt.region.RegionService;
import id.slrt.registry.Issue;
import id.slrt.registry.IssueMessages;
import id.slrt.registry.Member;
import id.slrt.registry.RegistryService;
import id.slrt.shared.CurrentActor;
import id.slrt.updating.ChangeKind;
import id.slrt.updating.ChangeRequest;
import id.slrt.updating.Evidence;
import id.slrt.updating.FieldDiff;
import id.slrt.updating.MusdesService;
import id.slrt.updating.RequestStatus;
import id.slrt.updating.UpdatingService;
import id.slrt.updating.UpdatingService.BulkAction;
import id.slrt.updating.UpdatingService.BulkResult;
import id.slrt.updating.UpdatingService.Proposal;
import id.slrt.updating.UpdatingService.View;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/** The pemutakhiran pages: inboxes, a request with its diff and timeline, the forms, evidence. */
@Controller
class UpdatingController {
    private final UpdatingService updating;
    private final RegistryService registry;
    private final Inboxes inboxes;
    private final Inputs inputs;
    private final Labels labels;
    private final IssueMessages issueMessages;
    private final FileStore files;
    private final RegionService regions;
    private final Texts texts;
    private final Clock clock;
    private final MusdesService musdes;

    UpdatingController(UpdatingService updating, RegistryService registry, Inboxes inboxes, Inputs inputs, Labels labels,
                       IssueMessages issueMessages, FileStore files, RegionService regions, Texts texts, Clock clock,
                       MusdesService musdes) {
        this.musdes = musdes;
        this.updating = updating;
        this.registry = registry;
        this.inboxes = inboxes;
        this.inputs = inputs;
        this.labels = labels;
        this.issueMessages = issueMessages;
        this.files = files;
        this.regions = regions;
        this.texts = texts;
        this.clock = clock;
    }

    // --- inbox ----------------------------------------------------------------------------------

    @GetMapping("/updates")
    String inbox(@AuthenticationPrincipal CurrentActor me, @RequestParam(required = false) String inbox,
                 @RequestParam(required = false) String status, @RequestParam(required = false) String kind,
                 @RequestParam(required = false) String region, @RequestParam(required = false) UUID household,
                 @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) String q,
                 @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
                 @RequestParam(required = false) Integer size, Model model) {
        String tab = inbox == null ? Inboxes.defaultInbox(me) : inbox;
        Paged<ChangeRequest> result = updating.list(inboxes.query(me, tab, status, kind, region, household, overdue, q,
                sort == null ? "due" : sort), Math.max(0, page), Paged.size(size));
        model.addAttribute("tab", tab);
        model.addAttribute("tabs", Inboxes.tabs(me));
        model.addAttribute("result", result);
        model.addAttribute("kinds", ChangeKind.values());
        model.addAttribute("statuses", RequestStatus.values());
        model.addAttribute("filter", new Filter(status, kind, region, household, overdue, q, sort == null ? "due" : sort));
        model.addAttribute("now", clock.instant());
        model.addAttribute("bulk", bulkAction(me, tab));
        model.addAttribute("canPropose", UpdatingService.MAKERS.contains(me.role()));
        model.addAttribute("regions", regions);
        return "updating/inbox";
    }

    record Filter(String status, String kind, String region, UUID household, boolean overdue, String q, String sort) {
    }

    /** The bulk step an inbox offers: submit own drafts, verify, apply. */
    static String bulkAction(CurrentActor me, String tab) {
        return switch (tab) {
            case "drafts" -> "SUBMIT";
            case "to-verify" -> "SUPERVISOR".equals(me.role()) ? "VERIFY" : null;
            case "to-apply" -> "OPERATOR_SLRT".equals(me.role()) ? "APPLY" : null;
            default -> null;
        };
    }

    @PostMapping("/updates/bulk")
    String bulk(@AuthenticationPrincipal CurrentActor me, @RequestParam String action,
                @RequestParam(name = "ids", required = false) List<UUID> ids, @RequestParam(required = false) String tab,
                RedirectAttributes flash) {
        BulkAction step;
        try {
            step = BulkAction.valueOf(action);
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("failure", texts.get("updating.bulk-action-unknown"));
            return "redirect:/updates";
        }
        List<BulkResult> results = updating.bulk(step, ids == null ? List.of() : ids, null, me);
        long done = results.stream().filter(BulkResult::done).count();
        List<String> refused = new ArrayList<>();
        for (BulkResult r : results) {
            if (!r.done()) {
                String number = updating.find(r.id()).map(ChangeRequest::number).orElse(r.id().toString());
                refused.add(number + ": " + texts.get(r.messageCode(), r.args()));
            }
        }
        flash.addFlashAttribute("success", texts.get("updating.bulk.done", done, results.size()));
        flash.addFlashAttribute("bulkRefused", refused);
        return "redirect:/updates?inbox=" + (tab == null ? "all" : tab);
    }

    // --- one request ----------------------------------------------------------------------------

    @GetMapping("/updates/{id}")
    String detail(@PathVariable UUID id, @AuthenticationPrincipal CurrentActor me, Model model) {
        View v = updating.open(id).orElseThrow(() -> notFound());
        ChangeRequest r = v.request();
        Map<String, String> names = memberNames(r);
        List<Row> rows = new ArrayList<>();
        for (FieldDiff d : v.diffs()) {
            rows.add(new Row(d, labels.label(d.key(), names), labels.value(d.key(), d.base(), names),
                    labels.value(d.key(), d.current(), names), labels.value(d.key(), d.proposed(), names), r.returns().get(d.key()),
                    d.key().replaceAll("[^A-Za-z0-9_-]", "-")));
        }
        List<String> issues = new ArrayList<>();
        for (ChangeRequest.StoredIssue i : r.issues()) {
            String text = issueMessages.message(new Issue(i.code(), Issue.Severity.valueOf(i.severity()), i.key(),
                    i.args().toArray()));
            issues.add((i.key().isEmpty() ? "" : labels.label(i.key(), names) + ": ") + text);
        }
        boolean mine = r.makerId().equals(me.userId());
        model.addAttribute("v", v);
        model.addAttribute("r", r);
        model.addAttribute("rows", rows);
        model.addAttribute("issues", issues);
        model.addAttribute("errors", r.hasErrors());
        model.addAttribute("overdue", r.overdue(clock.instant()));
        model.addAttribute("canEdit", mine && r.status().editable());
        model.addAttribute("canSubmit", mine && r.status().editable());
        model.addAttribute("canWithdraw", mine && (r.status().editable() || r.status() == RequestStatus.SUBMITTED));
        model.addAttribute("canVerify", !mine && "SUPERVISOR".equals(me.role()) && r.status() == RequestStatus.SUBMITTED);
        model.addAttribute("canApply", !mine && "OPERATOR_SLRT".equals(me.role()) && r.status() == RequestStatus.VERIFIED);
        model.addAttribute("canReturn", (Boolean) model.getAttribute("canVerify") || (Boolean) model.getAttribute("canApply"));
        model.addAttribute("canAttach", (mine && (r.status().editable() || r.status() == RequestStatus.SUBMITTED))
                || (Boolean) model.getAttribute("canReturn"));
        model.addAttribute("evidenceTypes", Evidence.TYPES);
        model.addAttribute("regions", regions);
        model.addAttribute("returnedGeneral", r.returns().get(""));
        Map<String, String> keyLabels = new LinkedHashMap<>();
        rows.forEach(row -> keyLabels.put(row.diff().key(), row.label()));
        model.addAttribute("keyLabels", keyLabels);
        return "updating/detail";
    }

    /** One row of the diff table as shown. {@code anchor} is an id-safe form of the key. */
    record Row(FieldDiff diff, String label, String base, String current, String proposed, String returned,
               String anchor) {
    }

    private Map<String, String> memberNames(ChangeRequest r) {
        Map<String, String> names = new LinkedHashMap<>();
        if (r.householdId() != null) {
            registry.find(r.householdId()).ifPresent(d -> {
                for (Member m : d.members()) {
                    names.put(m.id().toString(), m.fullName());
                }
            });
        }
        return names;
    }

    @PostMapping("/updates/{id}/submit")
    String submit(@PathVariable UUID id, @AuthenticationPrincipal CurrentActor me, RedirectAttributes flash) {
        return step(id, flash, "updating.done.submitted", () -> updating.submit(id, me));
    }

    @PostMapping("/updates/{id}/withdraw")
    String withdraw(@PathVariable UUID id, @RequestParam(required = false) String note,
                    @AuthenticationPrincipal CurrentActor me, RedirectAttributes flash) {
        return step(id, flash, "updating.done.withdrawn", () -> updating.withdraw(id, note, me));
    }

    @PostMapping("/updates/{id}/verify")
    String verify(@PathVariable UUID id, @RequestParam(required = false) String note,
                  @AuthenticationPrincipal CurrentActor me, RedirectAttributes flash) {
        return step(id, flash, "updating.done.verified", () -> updating.verify(id, note, me));
    }

    @PostMapping("/updates/{id}/return")
    String returnToMaker(@PathVariable UUID id, @RequestParam Map<String, String> params,
                         @AuthenticationPrincipal CurrentActor me, RedirectAttributes flash) {
        Map<String, String> reasons = withPrefix(params, "why.");
        reasons.put("", params.getOrDefault("reason", ""));
        return step(id, flash, "updating.done.returned", () -> updating.returnToMaker(id, reasons, me));
    }

    @PostMapping("/updates/{id}/apply")
    String apply(@PathVariable UUID id, @RequestParam Map<String, String> params,
                 @AuthenticationPrincipal CurrentActor me, RedirectAttributes flash) {
        Map<String, String> decisions = withPrefix(params, "decide.");
        return step(id, flash, "updating.done.applied", () -> updating.apply(id, decisions, me));
    }

    @PostMapping("/updates/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam(required = false) String reason,
                  @AuthenticationPrincipal CurrentActor me, RedirectAttributes flash) {
        return step(id, flash, "updating.done.rejected", () -> updating.reject(id, reason, me));
    }

    /** The form fields named {@code prefix<field key>}, by field key (per-field reasons, decisions). */
    private static Map<String, String> withPrefix(Map<String, String> params, String prefix) {
        Map<String, String> found = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                found.put(name.substring(prefix.length()), value);
            }
        });
        return found;
    }

    private String step(UUID id, RedirectAttributes flash, String doneKey, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("success", texts.get(doneKey));
        } catch (ProblemException e) {
            flash.addFlashAttribute("failure", texts.get(e.messageCode(), e.args()));
            flash.addFlashAttribute("fieldErrors", texts.fieldErrors(e));
        }
        return "redirect:/updates/" + id;
    }

    // --- forms ----------------------------------------------------------------------------------

    @GetMapping("/updates/new")
    String newForm(@RequestParam String kind, @RequestParam(required = false) UUID household,
                   @AuthenticationPrincipal CurrentActor me, Model model) {
        ChangeKind k = kindOrFail(kind);
        // the form shows the household's people: opening it is an audited read, like the household page
        RegistryService.Detail d = household == null ? null : registry.open(household)
                .orElseThrow(() -> notFound());
        Map<String, String> values = inputs.values(k, d, Map.of());
        if (k == ChangeKind.NEW_HOUSEHOLD && me.regionScope().length() == 10) {
            values.put("household.regionCode", me.regionScope());
        }
        return form(model, k, d, values, "", null, null, me);
    }

    @PostMapping("/updates/new")
    String create(@RequestParam Map<String, String> params, @AuthenticationPrincipal CurrentActor me, Model model,
                  RedirectAttributes flash) {
        ChangeKind k = kindOrFail(params.get("kind"));
        UUID household = Inputs.uuidOrNull(params.get("household"));
        RegistryService.Detail d = household == null ? null : registry.find(household).orElse(null);
        Map<String, String> proposed = inputs.proposed(k, d, params);
        try {
            ChangeRequest r = updating.draft(new Proposal(k, household, proposed, params.get("reason"),
                    Inputs.uuidOrNull(params.get("musdesId"))), me);
            flash.addFlashAttribute("success", texts.get("updating.done.drafted", r.number()));
            return "redirect:/updates/" + r.id();
        } catch (ProblemException e) {
            return form(model, k, d, merge(inputs.values(k, d, Map.of()), proposed, params), params.get("reason"), null,
                    e, me);
        }
    }

    @GetMapping("/updates/{id}/edit")
    String editForm(@PathVariable UUID id, @AuthenticationPrincipal CurrentActor me, Model model) {
        ChangeRequest r = updating.find(id).orElseThrow(() -> notFound());
        if (!r.makerId().equals(me.userId()) || !r.status().editable()) {
            return "redirect:/updates/" + id;
        }
        RegistryService.Detail d = r.householdId() == null ? null : registry.find(r.householdId()).orElse(null);
        return form(model, r.kind(), d, inputs.values(r.kind(), d, r.proposed()), r.reason(), r, null, me);
    }

    @PostMapping("/updates/{id}/edit")
    String edit(@PathVariable UUID id, @RequestParam Map<String, String> params, @AuthenticationPrincipal CurrentActor me,
                Model model, RedirectAttributes flash) {
        ChangeRequest r = updating.find(id).orElseThrow(() -> notFound());
        RegistryService.Detail d = r.householdId() == null ? null : registry.find(r.householdId()).orElse(null);
        Map<String, String> proposed = inputs.proposed(r.kind(), d, params);
        try {
            updating.edit(id, Integer.parseInt(params.getOrDefault("version", "-1")), proposed, params.get("reason"),
                    Inputs.uuidOrNull(params.get("musdesId")), me);
            flash.addFlashAttribute("success", texts.get("updating.done.edited"));
            return "redirect:/updates/" + id;
        } catch (ProblemException e) {
            return form(model, r.kind(), d, merge(inputs.values(r.kind(), d, Map.of()), proposed, params),
                    params.get("reason"), r, e, me);
        }
    }

    private static Map<String, String> merge(Map<String, String> base, Map<String, String> proposed,
                                             Map<String, String> params) {
        Map<String, String> values = new LinkedHashMap<>(base);
        values.putAll(proposed);
        params.forEach((k, v) -> {
            if (k.startsWith("sel.")) {
                values.put(k, v);
            } else if (k.startsWith("f.")) {
                values.put(k.substring(2), v);
            }
        });
        return values;
    }

    private String form(Model model, ChangeKind kind, RegistryService.Detail d, Map<String, String> values, String reason,
                        ChangeRequest editing, ProblemException problem, CurrentActor me) {
        model.addAttribute("kind", kind);
        model.addAttribute("d", d);
        model.addAttribute("sections", inputs.form(kind, d, values, me.regionScope()));
        model.addAttribute("reason", reason == null ? "" : reason);
        model.addAttribute("editing", editing);
        String region = d != null ? d.household().regionCode()
                : values.getOrDefault("household.regionCode", me.regionScope());
        model.addAttribute("musdesList", region == null || region.isBlank() ? List.of()
                : musdes.list(region, 0, 50).items());
        model.addAttribute("musdesId", editing != null ? editing.musdesId() : null);
        model.addAttribute("failure", problem == null ? null : texts.get(problem.messageCode(), problem.args()));
        model.addAttribute("fieldErrors", problem == null ? Map.of() : texts.fieldErrors(problem));
        model.addAttribute("regions", regions);
        return "updating/form";
    }

    private static ChangeKind kindOrFail(String kind) {
        ChangeKind k = ChangeKind.parse(kind);
        if (k == null) {
            throw notFound();
        }
        return k;
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
    }

    // --- evidence -------------------------------------------------------------------------------

    @PostMapping("/updates/{id}/files")
    String upload(@PathVariable UUID id, @RequestParam String evidenceType, @RequestParam("file") MultipartFile file,
                  @AuthenticationPrincipal CurrentActor me, RedirectAttributes flash) {
        updating.mayAttach(id, me);
        try (InputStream in = file.getInputStream()) {
            StoredFile stored = files.store(in, file.getOriginalFilename(), file.getContentType());
            ImageMetadata meta = stored.contentType().equals("image/jpeg")
                    ? files.open(stored.sha256()).map(ImageMetadata::read).orElse(ImageMetadata.NONE)
                    : ImageMetadata.NONE;
            updating.attach(id, evidenceType, stored, meta, me);
            flash.addFlashAttribute("success", texts.get("updating.done.attached", stored.originalName()));
        } catch (ProblemException e) {
            flash.addFlashAttribute("failure", texts.get(e.messageCode(), e.args()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/updates/" + id + "#evidence";
    }

    @GetMapping("/updates/{id}/files/{fileId}")
    ResponseEntity<InputStreamResource> file(@PathVariable UUID id, @PathVariable UUID fileId) throws IOException {
        Evidence e = updating.openEvidence(id, fileId).orElseThrow(() -> notFound());
        Path path = files.open(e.sha256()).orElseThrow(() -> notFound());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(e.contentType()))
                .contentLength(Files.size(path))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + e.originalName().replace("\"", "") + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(Files.newInputStream(path)));
    }
}
