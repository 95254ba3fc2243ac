package id.slrt.updating.web;

import id.slrt.platform.FileRejected;
import id.slrt.platform.FileStore;
import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import id.slrt.platform.Texts;
import id.slrt.region.RegionService;
import id.slrt.shared.CurrentActor;
import id.slrt.updating.ChangeRequest;
import id.slrt.updating.Musdes;
import id.slrt.updating.MusdesForm;
import id.slrt.updating.MusdesService;
import id.slrt.updating.UpdatingService.BulkResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import jakarta.servlet.http.HttpServletRequest;

/** The desa's deliberations: list, record with minutes, edit, and submit the requests grouped under one. */
@Controller
@RequestMapping("/updates/musdes")
class MusdesController {
    private final MusdesService musdes;
    private final RegionService regions;
    private final FileStore files;
    private final Texts texts;

    MusdesController(MusdesService musdes, RegionService regions, FileStore files, Texts texts) {
        this.musdes = musdes;
        this.regions = regions;
        this.files = files;
        this.texts = texts;
    }

    @ModelAttribute("kinds")
    Musdes.Kind[] kinds() {
        return Musdes.Kind.values();
    }

    @GetMapping
    String list(@RequestParam(required = false) String region, @RequestParam(defaultValue = "0") int page,
                @RequestParam(required = false) Integer size, @AuthenticationPrincipal CurrentActor me, Model model) {
        Paged<Musdes> result = musdes.list(region, Math.max(page, 0), Paged.size(size));
        model.addAttribute("result", result);
        model.addAttribute("region", region);
        model.addAttribute("regions", regions);
        model.addAttribute("canWrite", MusdesService.WRITERS.contains(me.role()));
        return "updating/musdes-list";
    }

    @GetMapping("/new")
    String createForm(@AuthenticationPrincipal CurrentActor me, Model model) {
        return form(model, MusdesForm.empty(me.regionScope().length() == 10 ? me.regionScope() : null), null, List.of());
    }

    @PostMapping("/new")
    String create(@ModelAttribute MusdesForm form, @RequestParam(required = false) MultipartFile minutes,
                  @AuthenticationPrincipal CurrentActor me, Model model, RedirectAttributes flash) {
        try {
            Musdes m = musdes.create(form, upload(minutes), me);
            flash.addFlashAttribute("success", texts.get("musdes.saved"));
            return "redirect:/updates/musdes/" + m.id();
        } catch (ProblemException e) {
            return failed(model, form, null, e);
        }
    }

    @GetMapping("/{id}")
    String view(@PathVariable UUID id, Model model) {
        MusdesService.View v = musdes.view(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return form(model, MusdesForm.of(v.musdes()), v.musdes(), v.requests());
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @ModelAttribute MusdesForm form,
                  @RequestParam(required = false) MultipartFile minutes, @AuthenticationPrincipal CurrentActor me,
                  Model model, RedirectAttributes flash) {
        MusdesService.View v = musdes.view(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            musdes.update(id, form, upload(minutes), me);
            flash.addFlashAttribute("success", texts.get("musdes.saved"));
            return "redirect:/updates/musdes/" + id;
        } catch (ProblemException e) {
            model.addAttribute("requests", v.requests());
            return failed(model, form, v.musdes(), e);
        }
    }

    @PostMapping("/{id}/submit-requests")
    String submitAll(@PathVariable UUID id, @AuthenticationPrincipal CurrentActor me, Model model,
                     RedirectAttributes flash) {
        MusdesService.View before = musdes.view(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<BulkResult> results = musdes.submitRequests(id, me);
        Map<UUID, ChangeRequest> byId = before.requests().stream()
                .collect(Collectors.toMap(ChangeRequest::id, Function.identity()));
        flash.addFlashAttribute("submitResults", results.stream().map(r -> new ResultLine(
                byId.containsKey(r.id()) ? byId.get(r.id()).number() : r.id().toString(), r.done(),
                r.done() ? texts.get("musdes.submit.done") : texts.get(r.messageCode(), r.args() == null
                        ? new Object[0] : r.args()))).toList());
        if (results.isEmpty()) {
            flash.addFlashAttribute("failure", texts.get("musdes.submit.none"));
        }
        return "redirect:/updates/musdes/" + id;
    }

    /** One line of the "submit all" outcome, shown on the deliberation's page. */
    record ResultLine(String number, boolean done, String message) {
    }

    @GetMapping("/{id}/minutes")
    org.springframework.http.ResponseEntity<org.springframework.core.io.Resource> minutes(@PathVariable UUID id) {
        return MinutesDownload.of(musdes, files, id);
    }

    /**
     * An upload over the multipart limit never reaches the form handler: answer with the form's page
     * and the same message as a file the store refuses.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request, RedirectAttributes flash) {
        flash.addFlashAttribute("failure", texts.get("file.too-large", "-",
                org.springframework.util.unit.DataSize.ofBytes(files.maxSize()).toMegabytes() + " MB"));
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "redirect:" + (path.startsWith("/updates/musdes/") ? path : "/updates/musdes/new");
    }

    private String failed(Model model, MusdesForm form, Musdes existing, ProblemException e) {
        Map<String, String> errors = texts.fieldErrors(e);
        if (e instanceof FileRejected) {
            errors.put("minutes", texts.get(e.messageCode(), e.args()));
        } else if (errors.isEmpty()) {
            model.addAttribute("failure", texts.get(e.messageCode(), e.args()));
        }
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("requests")) {
            model.addAttribute("requests", List.of());
        }
        model.addAttribute("form", form);
        model.addAttribute("musdes", existing);
        model.addAttribute("regions", regions);
        return "updating/musdes-form";
    }

    private String form(Model model, MusdesForm form, Musdes existing, List<ChangeRequest> requests) {
        model.addAttribute("form", form);
        model.addAttribute("musdes", existing);
        model.addAttribute("requests", requests);
        model.addAttribute("regions", regions);
        return "updating/musdes-form";
    }

    private static MusdesService.Minutes upload(MultipartFile file) {
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            return null;
        }
        try {
            return new MusdesService.Minutes(file.getInputStream(), file.getOriginalFilename(), file.getContentType());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
