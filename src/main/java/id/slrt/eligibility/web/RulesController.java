package id.slrt.eligibility.web;

import id.slrt.eligibility.EligibilityRule;
import id.slrt.eligibility.EligibilityRules;
import id.slrt.eligibility.Preview;
import id.slrt.eligibility.ProgramRules;
import id.slrt.eligibility.RuleForm;
import id.slrt.eligibility.RuleRejected;
import id.slrt.platform.ProblemException;
import id.slrt.platform.Texts;
import id.slrt.region.Region;
import id.slrt.region.RegionService;
import id.slrt.shared.CurrentActor;
import id.slrt.shared.RegionCodes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The rule editor: programs with their rules, and one page per rule with its text, a per-desa preview
 * that htmx refreshes as the text changes (errors shown under the text with line, column and a caret),
 * and the versions saved so far.
 */
@Controller
class RulesController {
    private final EligibilityRules rules;
    private final RegionService regions;
    private final Texts texts;

    RulesController(EligibilityRules rules, RegionService regions, Texts texts) {
        this.rules = rules;
        this.regions = regions;
        this.texts = texts;
    }

    @GetMapping("/eligibility/rules")
    String list(Model model) {
        model.addAttribute("programs", rules.programs());
        return "eligibility/rules";
    }

    @GetMapping("/eligibility/rules/{program}/edit")
    String edit(@PathVariable String program, @RequestParam(required = false) String name,
                @RequestParam(required = false) Integer saved, @RequestParam(required = false) String region,
                @AuthenticationPrincipal CurrentActor me, Model model) {
        ProgramRules p = program(program);
        List<EligibilityRule> versions = name == null ? List.of() : rules.versions(program, name);
        if (name != null && versions.isEmpty()) {
            throw ProblemException.notFound("eligibility.program.not-found", program + " / " + name);
        }
        EligibilityRule current = versions.isEmpty() ? null : versions.get(0);
        RuleForm form = current == null ? new RuleForm("", "", "", true, null)
                : new RuleForm(current.name(), current.text(), current.note(), current.active(), current.version());
        if (saved != null) {
            model.addAttribute("notice", texts.get("eligibility.rule.saved", saved));
        }
        return page(model, p, form, versions, region, me, null);
    }

    @PostMapping("/eligibility/rules/{program}")
    String save(@PathVariable String program, @RequestParam(defaultValue = "") String name,
                @RequestParam(defaultValue = "") String text, @RequestParam(required = false) String note,
                @RequestParam(defaultValue = "false") boolean active, @RequestParam(required = false) Integer baseVersion,
                @RequestParam(required = false) String region, @AuthenticationPrincipal CurrentActor me, Model model) {
        ProgramRules p = program(program);
        RuleForm form = new RuleForm(name, text, note, active, baseVersion);
        try {
            EligibilityRule saved = rules.save(program, form, me);
            return "redirect:/eligibility/rules/" + program + "/edit?name="
                    + URLEncoder.encode(saved.name(), StandardCharsets.UTF_8) + "&saved=" + saved.version();
        } catch (RuleRejected e) {
            model.addAttribute("failure", texts.get("eligibility.rule.invalid"));
        } catch (ProblemException e) {
            model.addAttribute("failure", texts.get(e.messageCode(), e.args()));
            model.addAttribute("errors", texts.fieldErrors(e));
        }
        List<EligibilityRule> versions = baseVersion == null ? List.of() : rules.versions(program, name.strip());
        return page(model, p, form, versions, region, me, null);
    }

    /** The live part of the editor: errors under the text and the per-desa counts. */
    @PostMapping("/eligibility/rules/preview")
    String preview(@RequestParam(defaultValue = "") String text, @RequestParam(required = false) String region,
                   @AuthenticationPrincipal CurrentActor me, Model model) {
        model.addAttribute("preview", rules.preview(text, blankToNull(region), me));
        return "eligibility/rule-edit :: live";
    }

    private String page(Model model, ProgramRules program, RuleForm form, List<EligibilityRule> versions, String region,
                        CurrentActor me, Preview preview) {
        model.addAttribute("program", program);
        model.addAttribute("form", form);
        model.addAttribute("versions", versions);
        model.addAttribute("isNew", form.baseVersion() == null);
        String chosen = blankToNull(region) == null ? me.regionScope() : region;
        model.addAttribute("region", chosen);
        model.addAttribute("regionOptions", regionOptions(me));
        model.addAttribute("preview", preview != null ? preview
                : form.text() == null || form.text().isBlank() ? null : rules.preview(form.text(), chosen, me));
        model.addAttribute("householdFields", rules.vocabulary().householdFields());
        model.addAttribute("memberFields", rules.vocabulary().memberFields());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "eligibility/rule-edit";
    }

    /** The reader's scope and, for a district, its kecamatan. */
    private List<Region> regionOptions(CurrentActor me) {
        List<Region> options = new ArrayList<>();
        regions.find(me.regionScope()).ifPresent(options::add);
        if (RegionCodes.level(me.regionScope()) <= 2) {
            options.addAll(regions.children(me.regionScope()));
        }
        return options;
    }

    private ProgramRules program(String code) {
        return rules.program(code).orElseThrow(() -> ProblemException.notFound("eligibility.program.not-found", code));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
