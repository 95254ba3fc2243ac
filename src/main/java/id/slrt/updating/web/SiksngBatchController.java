package id.slrt.updating.web;

import id.slrt.platform.NavItem;
import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import id.slrt.platform.Texts;
import id.slrt.region.RegionService;
import id.slrt.shared.CurrentActor;
import id.slrt.updating.ChangeKind;
import id.slrt.updating.SiksngBatch;
import id.slrt.updating.SiksngBatchService;
import id.slrt.updating.UpdatingProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The SIKS-NG batch pages: list, build (with a preview of what is ready), one batch with downloads and result upload. */
@Controller
class SiksngBatchController {
    private final SiksngBatchService batches;
    private final RegionService regions;
    private final Texts texts;
    private final String maxUpload;

    SiksngBatchController(SiksngBatchService batches, RegionService regions, Texts texts,
                          id.slrt.platform.SlrtProperties properties) {
        this.maxUpload = properties.files().maxSize().toMegabytes() + " MB";
        this.batches = batches;
        this.regions = regions;
        this.texts = texts;
    }

    @GetMapping("/updates/batches")
    String list(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size,
                @AuthenticationPrincipal CurrentActor me, Model model) {
        model.addAttribute("result", batches.list(Math.max(0, page), Paged.size(size)));
        model.addAttribute("canExport", canExport(me));
        model.addAttribute("regions", regions);
        return "updating/siksng-list";
    }

    @GetMapping("/updates/batches/new")
    String preview(@AuthenticationPrincipal CurrentActor me, Model model) {
        if (!canExport(me)) {
            throw new UpdatingProblem(HttpStatus.FORBIDDEN, "updating-forbidden", "siksng.forbidden");
        }
        Map<String, Long> ready = batches.readyByKecamatan();
        model.addAttribute("ready", ready);
        model.addAttribute("readyTotal", ready.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("kinds", ChangeKind.values());
        model.addAttribute("regions", regions);
        return "updating/siksng-new";
    }

    @PostMapping("/updates/batches")
    String build(@RequestParam(required = false) String region, @RequestParam(required = false) String kind,
                 @AuthenticationPrincipal CurrentActor me, Model model, RedirectAttributes flash) {
        try {
            SiksngBatch b = batches.build(region, ChangeKind.parse(kind), me);
            flash.addFlashAttribute("success", texts.get("siksng.built", b.number(), b.itemCount()));
            return "redirect:/updates/batches/" + b.id();
        } catch (ProblemException e) {
            model.addAttribute("error", texts.get(e.messageCode(), e.args()));
            model.addAttribute("fieldErrors", texts.fieldErrors(e));
            return preview(me, model);
        }
    }

    @GetMapping("/updates/batches/{id}")
    String detail(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
                  @RequestParam(required = false) Integer size, @RequestParam(required = false) String uploadError,
                  @AuthenticationPrincipal CurrentActor me, Model model) {
        SiksngBatch b = batches.find(id).orElseThrow(() ->
                new UpdatingProblem(HttpStatus.NOT_FOUND, "not-found", "siksng.not-found"));
        model.addAttribute("batch", b);
        model.addAttribute("items", batches.items(id, Math.max(0, page), Paged.size(size)));
        model.addAttribute("canExport", canExport(me));
        model.addAttribute("regions", regions);
        if ("too-large".equals(uploadError) && !model.containsAttribute("uploadErrors")) {
            model.addAttribute("uploadErrors", java.util.List.of(texts.get("file.upload-too-large", maxUpload)));
        }
        return "updating/siksng-batch";
    }

    @GetMapping("/updates/batches/{id}/file")
    void file(@PathVariable UUID id, @RequestParam(defaultValue = "csv") String format,
              @AuthenticationPrincipal CurrentActor me, HttpServletResponse response) throws IOException {
        SiksngBatchDownloads.send(batches, id, SiksngBatch.Format.parse(format), me, response);
    }

    @PostMapping("/updates/batches/{id}/result")
    String result(@PathVariable UUID id, @RequestParam(value = "file", required = false) MultipartFile file,
                  @AuthenticationPrincipal CurrentActor me, RedirectAttributes flash) throws IOException {
        if (file == null || file.isEmpty()) {
            flash.addFlashAttribute("uploadErrors", java.util.List.of(texts.get("siksng.file-required")));
            return "redirect:/updates/batches/" + id;
        }
        try (InputStream in = file.getInputStream()) {
            var summary = batches.importResult(id, in, file.getOriginalFilename(), me);
            flash.addFlashAttribute("success", texts.get("siksng.imported", summary.confirmed(), summary.rejected(),
                    summary.alreadyDecided(), summary.problems()));
        } catch (ProblemException e) {
            java.util.List<String> errors = new java.util.ArrayList<>();
            errors.add(texts.get(e.messageCode(), e.args()));
            e.fieldErrors().forEach(fe -> errors.add(texts.get(fe.code(), fe.args())));
            flash.addFlashAttribute("uploadErrors", errors);
        }
        return "redirect:/updates/batches/" + id + "#result";
    }

    /** A batch outside the caller's region is not found; a step their role may not take is forbidden. */
    @org.springframework.web.bind.annotation.ExceptionHandler(UpdatingProblem.class)
    String problem(UpdatingProblem e, HttpServletResponse response) {
        response.setStatus(e.status().value());
        return e.status() == HttpStatus.FORBIDDEN ? "error/403" : e.status() == HttpStatus.NOT_FOUND ? "error/404"
                : "error";
    }

    private static boolean canExport(CurrentActor me) {
        return me != null && SiksngBatchService.EXPORTERS.contains(me.role());
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavItem siksngBatchesNav() {
            return new NavItem("nav.siksng-batches", "/updates/batches", 45, Set.of("OPERATOR_SLRT", "MANAGER"),
                    "nav.updates");
        }
    }
}
