package id.slrt.registry.web;

import id.slrt.audit.FieldChange;
import id.slrt.platform.Paged;
import id.slrt.platform.Texts;
import id.slrt.region.RegionPicker;
import id.slrt.region.RegionService;
import id.slrt.registry.DtksCodes;
import id.slrt.registry.HistoryEntry;
import id.slrt.registry.HouseholdFilter;
import id.slrt.registry.HouseholdForm;
import id.slrt.registry.HouseholdForm.MemberForm;
import id.slrt.registry.HouseholdRow;
import id.slrt.registry.IdNumbers;
import id.slrt.registry.Issue;
import id.slrt.registry.IssueMessages;
import id.slrt.registry.Member;
import id.slrt.registry.RegistryProblem;
import id.slrt.registry.RegistryService;
import id.slrt.registry.RegistrySettings;
import id.slrt.registry.RegistryValidator;
import id.slrt.registry.Relationship;
import id.slrt.registry.Sex;
import id.slrt.registry.StaleEdit;
import id.slrt.shared.CurrentActor;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;

/** The registry pages: household list, household page, register and edit forms, member status. */
@Controller
class HouseholdController {
    private final RegistryService registry;
    private final RegistryValidator validator;
    private final IssueMessages messages;
    private final RegionService regions;
    private final RegionPicker picker;
    private final Texts texts;
    private final ObjectMapper json;
    private final RegistrySettings settings;

    HouseholdController(RegistryService registry, RegistryValidator validator, IssueMessages messages,
                        RegionService regions, RegionPicker picker, Texts texts, ObjectMapper json,
                        RegistrySettings settings) {
        this.settings = settings;
        this.json = json;
        this.registry = registry;
        this.validator = validator;
        this.messages = messages;
        this.regions = regions;
        this.picker = picker;
        this.texts = texts;
    }

    @ModelAttribute
    void lists(Model model, @AuthenticationPrincipal CurrentActor me) {
        model.addAttribute("canEdit", me != null && settings.editsDirectly(me.role()));
        model.addAttribute("relationships", Relationship.values());
        model.addAttribute("maritalStatuses", Member.MARITAL);
        model.addAttribute("dtksFields", DtksCodes.FIELDS);
        model.addAttribute("regions", regions);
    }

    @GetMapping("/households")
    String list(@AuthenticationPrincipal CurrentActor me, @RequestParam(required = false) String region,
                @RequestParam(required = false) String ppks, @RequestParam(required = false) String program,
                @RequestParam(required = false) String quality, @RequestParam(required = false) String status,
                @RequestParam(defaultValue = "updated") String sort, @RequestParam(defaultValue = "true") boolean desc,
                @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size, Model model) {
        String scope = me.regionScope();
        String chosen = region != null && region.startsWith(scope) ? region : scope;
        HouseholdFilter filter = new HouseholdFilter(chosen, ppks, program, quality, status, sort, desc);
        Paged<HouseholdRow> result = registry.list(filter, Math.max(0, page), Paged.size(size));
        model.addAttribute("filter", filter);
        model.addAttribute("result", result);
        model.addAttribute("picker", picker.build("region", scope, 4, chosen));
        model.addAttribute("ppksCategories", validator.ppksCategories());
        model.addAttribute("programs", validator.programs());
        return "registry/list";
    }

    @GetMapping("/households/{id}")
    String detail(@PathVariable UUID id, Model model) {
        RegistryService.Detail d = registry.open(id).orElseThrow(() -> new RegistryService.NotFound(id));
        model.addAttribute("d", d);
        model.addAttribute("memberNames", d.members().stream()
                .collect(java.util.stream.Collectors.toMap(m -> m.id(), m -> m.fullName())));
        model.addAttribute("issueMessages", d.issues().stream().map(i -> messages.message(registry.forViewer(i.issue()))).toList());
        model.addAttribute("history", registry.history(id).stream()
                .map(e -> new HistoryRow(e, FieldChange.parse(json, e.changes()))).toList());
        model.addAttribute("today", validator.today());
        model.addAttribute("banks", validator.banks());
        model.addAttribute("ppksCategories", validator.ppksCategories());
        model.addAttribute("programs", validator.programs());
        return "registry/detail";
    }

    @GetMapping("/households/new")
    String createForm(@AuthenticationPrincipal CurrentActor me, Model model) {
        String desa = me.regionScope().length() == 10 ? me.regionScope() : "";
        return form(model, HouseholdForm.empty(desa), null, List.of(), me);
    }

    @PostMapping("/households/new")
    String create(@ModelAttribute HouseholdForm form, @AuthenticationPrincipal CurrentActor me, Model model,
                  RedirectAttributes flash) {
        try {
            UUID id = registry.create(form, me).id();
            flash.addFlashAttribute("success", texts.get("registry.created"));
            return "redirect:/households/" + id;
        } catch (RegistryProblem e) {
            return form(model, form, null, e.issues(), me);
        }
    }

    @GetMapping("/households/{id}/edit")
    String editForm(@PathVariable UUID id, @AuthenticationPrincipal CurrentActor me, Model model) {
        RegistryService.Detail d = registry.find(id).orElseThrow(() -> new RegistryService.NotFound(id));
        return form(model, HouseholdForm.of(d.household(), d.members()), id, List.of(), me);
    }

    @PostMapping("/households/{id}/edit")
    String update(@PathVariable UUID id, @ModelAttribute HouseholdForm form, @AuthenticationPrincipal CurrentActor me,
                  Model model, RedirectAttributes flash) {
        try {
            registry.update(id, form, me);
            flash.addFlashAttribute("success", texts.get("registry.saved"));
            return "redirect:/households/" + id;
        } catch (RegistryProblem e) {
            return form(model, form, id, e.issues(), me);
        } catch (StaleEdit e) {
            model.addAttribute("mine", form);
            model.addAttribute("current", HouseholdForm.of(e.current(), e.currentMembers()));
            model.addAttribute("currentHousehold", e.current());
            model.addAttribute("id", id);
            return "registry/conflict";
        }
    }

    @PostMapping("/households/{id}/bank-accounts")
    String addBankAccount(@PathVariable UUID id, @RequestParam(required = false) UUID memberId,
                          @RequestParam(defaultValue = "") String bank, @RequestParam(defaultValue = "") String accountNumber,
                          @AuthenticationPrincipal CurrentActor me, RedirectAttributes flash) {
        try {
            if (memberId == null) {
                throw new RegistryService.NotFound(id);
            }
            registry.addBankAccount(id, memberId, bank, accountNumber, me);
            flash.addFlashAttribute("success", texts.get("registry.bank.added"));
        } catch (RegistryProblem e) {
            flash.addFlashAttribute("bankErrors", e.issues().stream().map(messages::message).toList());
            flash.addFlashAttribute("bankTyped", accountNumber);
            flash.addFlashAttribute("bankChosen", bank);
        }
        return "redirect:/households/" + id + "#bank-accounts";
    }

    @PostMapping("/households/{id}/ppks")
    String addPpks(@PathVariable UUID id, @RequestParam(required = false) UUID memberId,
                   @RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "") String since,
                   @AuthenticationPrincipal CurrentActor me, RedirectAttributes flash) {
        return attach(id, "#ppks", flash, () -> registry.addPpks(id, memberId, category, parse(since), null, me));
    }

    @PostMapping("/households/{id}/ppks/{ppksId}/end")
    String endPpks(@PathVariable UUID id, @PathVariable UUID ppksId, @RequestParam(defaultValue = "") String date,
                   @AuthenticationPrincipal CurrentActor me, RedirectAttributes flash) {
        return attach(id, "#ppks", flash, () -> registry.endPpks(id, ppksId, parse(date), me));
    }

    @PostMapping("/households/{id}/programs")
    String addProgram(@PathVariable UUID id, @RequestParam(required = false) UUID memberId,
                      @RequestParam(defaultValue = "") String program, @RequestParam(defaultValue = "") String since,
                      @AuthenticationPrincipal CurrentActor me, RedirectAttributes flash) {
        return attach(id, "#programs", flash, () -> registry.addProgram(id, memberId, program, parse(since), me));
    }

    @PostMapping("/households/{id}/programs/{participationId}/end")
    String endProgram(@PathVariable UUID id, @PathVariable UUID participationId,
                      @RequestParam(defaultValue = "ENDED") String status, @RequestParam(defaultValue = "") String date,
                      @AuthenticationPrincipal CurrentActor me, RedirectAttributes flash) {
        return attach(id, "#programs", flash, () -> registry.endProgram(id, participationId, status, parse(date), me));
    }

    /** Runs a change from the household page and comes back to its section with the outcome. */
    private String attach(UUID id, String anchor, RedirectAttributes flash, Runnable change) {
        try {
            change.run();
            flash.addFlashAttribute("success", texts.get("registry.saved"));
        } catch (RegistryProblem e) {
            flash.addFlashAttribute("failure", String.join(" ", e.issues().stream().map(messages::message).toList()));
        }
        return "redirect:/households/" + id + anchor;
    }

    @PostMapping("/households/{id}/members/{memberId}/status")
    String memberStatus(@PathVariable UUID id, @PathVariable UUID memberId, @RequestParam int version,
                        @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String statusDate,
                        @RequestParam(defaultValue = "") String statusReason, @AuthenticationPrincipal CurrentActor me,
                        RedirectAttributes flash) {
        try {
            registry.changeMemberStatus(memberId, version, status, parse(statusDate), statusReason, me);
            flash.addFlashAttribute("success", texts.get("registry.member-status.done"));
        } catch (RegistryProblem e) {
            flash.addFlashAttribute("failure", String.join(" ", e.issues().stream().map(messages::message).toList()));
        } catch (StaleEdit e) {
            flash.addFlashAttribute("failure", texts.get("registry.conflict"));
        }
        return "redirect:/households/" + id + "#members";
    }

    /** htmx: one more empty member card for the form. */
    @GetMapping("/households/member-row")
    String memberRow(@RequestParam int index, Model model) {
        model.addAttribute("i", index);
        model.addAttribute("m", MemberForm.empty(index == 0 ? "KEPALA" : "ANAK"));
        model.addAttribute("errors", java.util.Map.of());
        model.addAttribute("warningFields", java.util.Map.of());
        model.addAttribute("next", index + 1);
        return "registry/form :: addedMember";
    }

    /** htmx: checks member {@code index}'s NIK as it is typed and answers the message to show beside it. */
    @PostMapping("/registry/check/nik")
    String checkNik(@RequestParam int index, @RequestParam java.util.Map<String, String> params, Model model) {
        String p = "members[" + index + "].";
        String nik = params.getOrDefault(p + "nik", "");
        String id = params.getOrDefault(p + "id", "");
        List<Issue> issues = new ArrayList<>();
        if (!nik.isBlank()) {
            IdNumbers.Check check = validator.nik(p + "nik", nik, parse(params.get(p + "birthDate")),
                    Sex.parse(params.get(p + "sex")));
            issues.addAll(check.result().issues());
            if (check.parsed() != null && check.suggestion() == null) {
                issues.addAll(validator.duplicateNik(p + "nik", nik.strip(), id.isBlank() ? null : UUID.fromString(id)).issues());
            }
        }
        model.addAttribute("issues", issues.stream().map(i -> new Feedback(i.isError(), messages.message(i))).toList());
        return "registry/form :: nikFeedback";
    }

    record Feedback(boolean error, String message) {
    }

    record HistoryRow(HistoryEntry entry, List<FieldChange> changes) {
    }

    @ExceptionHandler(RegistryService.NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    private String form(Model model, HouseholdForm form, UUID id, List<Issue> issues, CurrentActor me) {
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("errors", messages.byField(issues.stream().filter(Issue::isError).toList()));
        model.addAttribute("warnings", issues.stream().filter(i -> !i.isError()).map(messages::message).toList());
        model.addAttribute("warningFields", messages.byField(issues.stream().filter(i -> !i.isError()).toList()));
        model.addAttribute("hasErrors", issues.stream().anyMatch(Issue::isError));
        model.addAttribute("picker", picker.build("regionCode", me.regionScope(), 4, form.regionCode()));
        return "registry/form";
    }

    private static LocalDate parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
