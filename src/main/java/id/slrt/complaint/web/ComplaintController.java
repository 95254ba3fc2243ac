package id.slrt.complaint.web;

import id.slrt.access.UserAccount;
import id.slrt.access.UserFilter;
import id.slrt.access.UserService;
import id.slrt.complaint.Complaint;
import id.slrt.complaint.ComplaintCategory;
import id.slrt.complaint.ComplaintFile;
import id.slrt.complaint.ComplaintQuery;
import id.slrt.complaint.ComplaintService;
import id.slrt.complaint.ComplaintService.View;
import id.slrt.complaint.ComplaintStatus;
import id.slrt.complaint.Filing;
import id.slrt.complaint.Channel;
import id.slrt.complaint.PublicStatus;
import id.slrt.platform.FileStore;
import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import id.slrt.platform.SlrtProperties;
import id.slrt.platform.StoredFile;
import id.slrt.platform.Texts;
import id.slrt.region.RegionPicker;
import id.slrt.region.RegionService;
import id.slrt.registry.PersonHit;
import id.slrt.registry.RegistryService;
import id.slrt.shared.CurrentActor;
import java.io.IOException;
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

/** The staff pages: the complaint list, intake for a walk-in, a complaint with its timeline and steps. */
@Controller
class ComplaintController {
    private final ComplaintService complaints;
    private final RegistryService registry;
    private final FormSupport support;
    private final Attachments attachments;
    private final RegionPicker picker;
    private final RegionService regions;
    private final ReceiptPdf receipts;
    private final FileStore files;
    private final Texts texts;
    private final Clock clock;
    private final ZoneId zone;
    private final UserService users;

    ComplaintController(ComplaintService complaints, RegistryService registry, FormSupport support,
                        Attachments attachments, RegionPicker picker, RegionService regions, ReceiptPdf receipts,
                        FileStore files, Texts texts, Clock clock, SlrtProperties properties, UserService users) {
        this.users = users;
        this.complaints = complaints;
        this.registry = registry;
        this.support = support;
        this.attachments = attachments;
        this.picker = picker;
        this.regions = regions;
        this.receipts = receipts;
        this.files = files;
        this.texts = texts;
        this.clock = clock;
        this.zone = properties.timezone();
    }

    record Filter(String status, String category, String region, boolean overdue, String sort, String assignee) {
    }

    @GetMapping("/complaints")
    String list(@AuthenticationPrincipal CurrentActor me, @RequestParam(required = false) String status,
                @RequestParam(required = false) String category, @RequestParam(required = false) String region,
                @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String assignee,
                @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size, Model model) {
        String st = status == null ? "OPEN" : status;
        String regionFilter = region == null || region.isBlank() || region.equals(me.regionScope()) ? null : region;
        String handler = assignee == null || assignee.isBlank() ? null : assignee.trim();
        Paged<Complaint> result = complaints.list(new ComplaintQuery(st, category, regionFilter, handler, overdue, sort),
                Math.max(0, page), Paged.size(size));
        model.addAttribute("result", result);
        model.addAttribute("filter", new Filter(st, category, regionFilter, overdue, sort == null ? "due" : sort,
                handler));
        // Who handles complaints in the viewer's area, for the handler filter (the user list is scoped too).
        model.addAttribute("handlers", users.list(new UserFilter(null, null, true, "username", false), 0, 200).items()
                .stream().filter(u -> ComplaintService.HANDLERS.contains(u.role().name()))
                .map(UserAccount::username).toList());
        model.addAttribute("myName", me.username());
        model.addAttribute("statuses", ComplaintStatus.values());
        model.addAttribute("categories", ComplaintCategory.values());
        model.addAttribute("picker", picker.build("region", me.regionScope(), 4, regionFilter));
        model.addAttribute("today", today());
        model.addAttribute("regions", regions);
        model.addAttribute("canFile", ComplaintService.INTAKE.contains(me.role()));
        return "complaint/list";
    }

    // --- intake (operator door) -----------------------------------------------------------------

    @GetMapping("/complaints/new")
    String newForm(@AuthenticationPrincipal CurrentActor me, Model model) {
        Filing empty = Filing.empty();
        Filing form = me.regionScope().length() == 10 ? new Filing(me.regionScope(), null, null, null, null, null,
                empty.type(), null) : empty;
        support.fill(model, form, me.regionScope(), new LinkedHashMap<>());
        return "complaint/form";
    }

    @PostMapping("/complaints/new")
    String file(@ModelAttribute Filing form, @RequestParam(name = "files", required = false) List<MultipartFile> uploads,
                @AuthenticationPrincipal CurrentActor me, Model model, RedirectAttributes flash) {
        Map<String, String> errors = new LinkedHashMap<>(support.messages(complaints.check(form, me.regionScope())));
        List<StoredFile> stored = errors.isEmpty() ? attachments.store(uploads, errors) : List.of();
        if (errors.isEmpty()) {
            try {
                Complaint c = complaints.file(form, Channel.OPERATOR, stored, me);
                flash.addFlashAttribute("success", texts.get("complaint.filed", c.trackingCode()));
                return "redirect:/complaints/" + c.id();
            } catch (ProblemException e) {
                errors.putAll(support.messages(e.fieldErrors()));
                if (e.fieldErrors().isEmpty()) {
                    model.addAttribute("failure", texts.get(e.messageCode(), e.args()));
                }
            }
        }
        support.fill(model, form, me.regionScope(), errors);
        return "complaint/form";
    }

    /** The registry's people with this NIK (htmx fragment of the intake form); an audited lookup. */
    @GetMapping("/complaints/lookup")
    String lookup(@RequestParam(required = false) String subjectNik,
                  @RequestParam(required = false) String complainantNik, Model model) {
        String nik = subjectNik != null && !subjectNik.isBlank() ? subjectNik : complainantNik;
        String digits = nik == null ? "" : nik.replaceAll("\\D", "");
        List<PersonHit> hits = digits.length() == 16 ? registry.peopleByNik(digits) : List.of();
        model.addAttribute("hits", hits);
        model.addAttribute("looked", digits.length() == 16);
        model.addAttribute("regions", regions);
        return "complaint/lookup :: lookup";
    }

    // --- one complaint --------------------------------------------------------------------------

    @GetMapping("/complaints/{id}")
    String detail(@PathVariable UUID id, @AuthenticationPrincipal CurrentActor me, Model model) {
        View v = complaints.open(id).orElseThrow(ComplaintController::notFound);
        model.addAttribute("v", v);
        model.addAttribute("c", v.complaint());
        model.addAttribute("today", today());
        model.addAttribute("regions", regions);
        boolean handler = ComplaintService.HANDLERS.contains(me.role());
        model.addAttribute("steps", handler ? steps(v.complaint().status()) : List.of());
        model.addAttribute("assignees", handler && v.complaint().status().open()
                ? complaints.assignees(v.complaint()) : List.of());
        model.addAttribute("canHandle", handler);
        return "complaint/detail";
    }

    /** The steps a complaint in this status offers, in the order they are usually taken. */
    static List<String> steps(ComplaintStatus s) {
        return switch (s) {
            case RECEIVED -> List.of("acknowledge", "close");
            case ACKNOWLEDGED -> List.of("start", "resolve", "close");
            case IN_PROGRESS -> List.of("refer", "resolve", "close");
            case REFERRED -> List.of("resume", "resolve", "close");
            case RESOLVED -> List.of("close");
            case CLOSED -> List.of();
        };
    }

    /** One handling step by its name (the URL patterns of the page and the API admit only these six). */
    static Complaint take(ComplaintService complaints, String step, UUID id, Integer version, String note,
                          CurrentActor me) {
        return switch (step) {
            case "acknowledge" -> complaints.acknowledge(id, version, note, me);
            case "start" -> complaints.start(id, version, note, me);
            case "refer" -> complaints.refer(id, version, note, me);
            case "resume" -> complaints.resume(id, version, note, me);
            case "resolve" -> complaints.resolve(id, version, note, me);
            case "close" -> complaints.close(id, version, note, me);
            default -> throw new IllegalArgumentException("no step " + step);
        };
    }

    @PostMapping("/complaints/{id}/{step:acknowledge|start|refer|resume|resolve|close}")
    String step(@PathVariable UUID id, @PathVariable String step, @RequestParam(required = false) Integer version,
                @RequestParam(required = false) String note, @AuthenticationPrincipal CurrentActor me,
                RedirectAttributes flash) {
        try {
            Complaint c = take(complaints, step, id, version, note, me);
            flash.addFlashAttribute("success", texts.get("complaint.done", texts.get(c.status().labelKey())));
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw notFound();
            }
            flash.addFlashAttribute("failure", message(e));
        }
        return "redirect:/complaints/" + id;
    }

    @PostMapping("/complaints/{id}/assign")
    String assign(@PathVariable UUID id, @RequestParam(required = false) Integer version,
                  @RequestParam(required = false) String assignee, @AuthenticationPrincipal CurrentActor me,
                  RedirectAttributes flash) {
        try {
            complaints.assign(id, version, assignee, me);
            flash.addFlashAttribute("success", texts.get("complaint.assigned"));
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw notFound();
            }
            flash.addFlashAttribute("failure", message(e));
        }
        return "redirect:/complaints/" + id;
    }

    @PostMapping("/complaints/{id}/files")
    String upload(@PathVariable UUID id, @RequestParam(name = "files", required = false) List<MultipartFile> uploads,
                  @AuthenticationPrincipal CurrentActor me, RedirectAttributes flash) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<StoredFile> stored = attachments.store(uploads, errors);
        try {
            for (StoredFile f : stored) {
                complaints.attach(id, f, me);
            }
            if (errors.isEmpty() && !stored.isEmpty()) {
                flash.addFlashAttribute("success", texts.get("complaint.files.added", stored.size()));
            }
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw notFound();
            }
            errors.put("files", message(e));
        }
        errors.values().stream().findFirst().ifPresent(m -> flash.addFlashAttribute("failure", m));
        return "redirect:/complaints/" + id + "#files";
    }

    @GetMapping("/complaints/{id}/files/{fileId}")
    ResponseEntity<InputStreamResource> file(@PathVariable UUID id, @PathVariable UUID fileId) throws IOException {
        ComplaintFile f = complaints.openFile(id, fileId).orElseThrow(ComplaintController::notFound);
        Path path = files.open(f.sha256()).orElseThrow(ComplaintController::notFound);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.contentType()))
                .contentLength(Files.size(path))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + f.originalName().replace("\"", "") + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(Files.newInputStream(path)));
    }

    /** The receipt to print for a walk-in citizen (the same one the public form gives). */
    @GetMapping("/complaints/{id}/receipt.pdf")
    ResponseEntity<byte[]> receipt(@PathVariable UUID id) {
        Complaint c = complaints.find(id).orElseThrow(ComplaintController::notFound);
        PublicStatus s = complaints.receipt(c.trackingCode()).orElseThrow(ComplaintController::notFound);
        String statusUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path("/pengaduan/status").toUriString();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + c.trackingCode() + ".pdf\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(receipts.render(s, statusUrl, LocaleContextHolder.getLocale()));
    }

    private String message(ProblemException e) {
        if (!e.fieldErrors().isEmpty()) {
            ProblemException.FieldError fe = e.fieldErrors().get(0);
            return texts.get(fe.code(), fe.args());
        }
        return texts.get(e.messageCode(), e.args());
    }

    private LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
