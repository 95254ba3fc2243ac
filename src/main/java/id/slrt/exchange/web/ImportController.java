package id.slrt.exchange.web;

import id.slrt.exchange.ExchangeSettings;
import id.slrt.exchange.ExistingPeople;
import id.slrt.exchange.ImportStatus;
import id.slrt.exchange.internal.Field;
import id.slrt.exchange.internal.ImportPreviewer;
import id.slrt.exchange.ImportJob;
import id.slrt.exchange.ImportMessages;
import id.slrt.exchange.ImportService;
import id.slrt.exchange.ImportStart;
import id.slrt.exchange.Quarantine;
import id.slrt.exchange.RowOutcome;
import id.slrt.platform.FileRejected;
import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import id.slrt.platform.Texts;
import id.slrt.shared.CurrentActor;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import pages: my imports with the upload form, and one import whose progress the page polls
 * (htmx, every second) until it ends; then its summary, the error rows (paged) and the quarantine.
 */
@Controller
class ImportController {
    private final ImportService imports;
    private final ImportMessages messages;
    private final Quarantine quarantine;
    private final Texts texts;
    private final String maxUpload;

    ImportController(ImportService imports, ImportMessages messages, Quarantine quarantine, Texts texts,
                     ExchangeSettings settings) {
        this.imports = imports;
        this.messages = messages;
        this.quarantine = quarantine;
        this.texts = texts;
        this.maxUpload = settings.maxSize().toMegabytes() + " MB";
    }

    @GetMapping("/imports")
    String list(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size,
                @AuthenticationPrincipal CurrentActor me, Model model) {
        model.addAttribute("result", imports.mine(me, Math.max(0, page), Paged.size(size)));
        model.addAttribute("maxUpload", maxUpload);
        return "exchange/imports";
    }

    @PostMapping("/imports")
    String upload(@RequestParam(value = "file", required = false) MultipartFile file,
                  @AuthenticationPrincipal CurrentActor me, Model model, RedirectAttributes flash) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("uploadError", texts.get("import.file.required"));
            return list(0, null, me, model);
        }
        try (InputStream in = file.getInputStream()) {
            ImportStart started = imports.upload(in, file.getOriginalFilename(), me);
            if (started.alreadyImported()) {
                ImportJob earlier = imports.require(started.id());
                flash.addFlashAttribute("failure", texts.get("import.already-imported", earlier.fileName(),
                        earlier.createdBy()));
            }
            return "redirect:/imports/" + started.id();
        } catch (FileRejected e) {
            model.addAttribute("uploadError", texts.get(e.messageCode(), e.args()));
        } catch (ProblemException e) {
            model.addAttribute("uploadError", message(e));
        }
        return list(0, null, me, model);
    }

    @GetMapping("/imports/{id}")
    String job(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
               @RequestParam(required = false) Integer size, @AuthenticationPrincipal CurrentActor me, Model model) {
        ImportJob job = imports.require(id);
        model.addAttribute("job", job);
        model.addAttribute("messages", messages);
        if (job.status() == ImportStatus.PREVIEW) {
            try {
                model.addAttribute("preview", imports.preview(id, me));
            } catch (ProblemException e) {
                model.addAttribute("previewError", texts.get(e.messageCode(), e.args()));
            }
            model.addAttribute("fields", Field.values());
            model.addAttribute("previewRows", ImportPreviewer.ROWS);
            model.addAttribute("choices", imports.choicesFor(me));
        }
        if (job.status().finished()) {
            model.addAttribute("errorRows", imports.rows(id, RowOutcome.ERROR, Math.max(0, page), Paged.size(size)));
        }
        return "exchange/import";
    }

    /** The progress box alone, for polling; when the job has ended the whole page reloads with its summary. */
    @GetMapping("/imports/{id}/progress")
    String progress(@PathVariable UUID id, Model model, HttpServletResponse response) {
        ImportJob job = imports.require(id);
        if (job.status().finished()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("job", job);
        return "exchange/import :: progress";
    }

    /** The importer corrected the mapping (one select per column, in file order) or the choice: preview again. */
    @PostMapping("/imports/{id}/mapping")
    String remap(@PathVariable UUID id, @RequestParam(name = "field", required = false) List<String> fields,
                 @RequestParam(required = false) String existing, @AuthenticationPrincipal CurrentActor me,
                 RedirectAttributes flash) {
        try {
            imports.remap(id, fields, choice(existing), me);
        } catch (ProblemException e) {
            flash.addFlashAttribute("failure", message(e));
        }
        return "redirect:/imports/" + id;
    }

    /** The importer confirms: the job runs with the mapping and choice of the form. */
    @PostMapping("/imports/{id}/confirm")
    String confirm(@PathVariable UUID id, @RequestParam(name = "field", required = false) List<String> fields,
                   @RequestParam(required = false) String existing, @AuthenticationPrincipal CurrentActor me,
                   RedirectAttributes flash) {
        try {
            ImportStart started = imports.confirm(id, fields, choice(existing), me);
            if (started.alreadyImported()) {
                ImportJob earlier = imports.require(started.id());
                flash.addFlashAttribute("failure", texts.get("import.already-imported", earlier.fileName(),
                        earlier.createdBy()));
            }
            return "redirect:/imports/" + started.id();
        } catch (ProblemException e) {
            flash.addFlashAttribute("failure", message(e));
            return "redirect:/imports/" + id;
        }
    }

    private static ExistingPeople choice(String value) {
        return ImportApiController.existing(value);
    }

    private String message(ProblemException e) {
        return e.fieldErrors().isEmpty() ? texts.get(e.messageCode(), e.args())
                : texts.get(e.fieldErrors().get(0).code(), e.fieldErrors().get(0).args());
    }

    @PostMapping("/imports/{id}/cancel")
    String cancel(@PathVariable UUID id, @AuthenticationPrincipal CurrentActor me, RedirectAttributes flash) {
        try {
            imports.cancel(id, me);
            flash.addFlashAttribute("success", texts.get("import.cancel.requested"));
        } catch (ProblemException e) {
            flash.addFlashAttribute("failure", texts.get(e.messageCode(), e.args()));
        }
        return "redirect:/imports/" + id;
    }

    @GetMapping("/imports/{id}/quarantine")
    void quarantine(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        ImportApiController.sendQuarantine(quarantine, imports.require(id), response);
    }
}
