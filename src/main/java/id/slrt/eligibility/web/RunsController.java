package id.slrt.eligibility.web;

import id.slrt.eligibility.CaseFilter;
import id.slrt.eligibility.CaseKind;
import id.slrt.eligibility.EligibilityRules;
import id.slrt.eligibility.EligibilityRun;
import id.slrt.eligibility.EligibilityRuns;
import id.slrt.eligibility.RunStatus;
import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import id.slrt.platform.Texts;
import id.slrt.referral.ReferralService;
import id.slrt.region.RegionPicker;
import id.slrt.region.RegionService;
import id.slrt.shared.CurrentActor;
import id.slrt.updating.ChangeRequest;
import id.slrt.updating.UpdatingService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs: the list with a start form (district operators and administrators), and one page per run with
 * its progress (htmx polls while it runs), counts per program, the rule versions it used, and its cases
 * in the reader's area with filters, paging, downloads and one button per case for the change request.
 */
@Controller
class RunsController {
    private final EligibilityRuns runs;
    private final EligibilityRules rules;
    private final RegionService regions;
    private final RegionPicker picker;
    private final Texts texts;

    RunsController(EligibilityRuns runs, EligibilityRules rules, RegionService regions, RegionPicker picker, Texts texts) {
        this.runs = runs;
        this.rules = rules;
        this.regions = regions;
        this.picker = picker;
        this.texts = texts;
    }

    @GetMapping("/eligibility/runs")
    String list(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size,
                @AuthenticationPrincipal CurrentActor me, Model model) {
        model.addAttribute("result", runs.list(Math.max(page, 0), Paged.size(size)));
        model.addAttribute("regions", regions);
        boolean canStart = EligibilityRuns.RUNNERS.contains(me.role());
        model.addAttribute("canStart", canStart);
        if (canStart) {
            model.addAttribute("programs", rules.programs().stream().filter(p -> p.inUse() > 0).toList());
            model.addAttribute("picker", picker.build("region", me.regionScope(), 4, null));
        }
        return "eligibility/runs";
    }

    @PostMapping("/eligibility/runs")
    String start(@RequestParam(required = false) String region, @RequestParam(required = false) List<String> programs,
                 @AuthenticationPrincipal CurrentActor me, RedirectAttributes flash) {
        try {
            EligibilityRun run = runs.start(new EligibilityRuns.RunRequest(region, programs), me);
            flash.addFlashAttribute("notice", texts.get("eligibility.run.started"));
            return "redirect:/eligibility/runs/" + run.id();
        } catch (ProblemException e) {
            flash.addFlashAttribute("failure", texts.fieldErrors(e).values().stream().findFirst()
                    .orElse(texts.get(e.messageCode(), e.args())));
            return "redirect:/eligibility/runs";
        }
    }

    @GetMapping("/eligibility/runs/{id}")
    String run(@PathVariable UUID id, @RequestParam(required = false) String region,
               @RequestParam(required = false) String program, @RequestParam(required = false) String kind,
               @RequestParam(required = false) Boolean open, @RequestParam(defaultValue = "0") int page,
               @RequestParam(required = false) Integer size, @AuthenticationPrincipal CurrentActor me, Model model) {
        EligibilityRun run = find(id);
        CaseFilter filter = new CaseFilter(blank(region), blank(program), CaseKind.parse(kind), open);
        model.addAttribute("run", run);
        model.addAttribute("filter", filter);
        model.addAttribute("kinds", CaseKind.values());
        model.addAttribute("regions", regions);
        model.addAttribute("picker", picker.build("region", me.regionScope(), 4, filter.region()));
        model.addAttribute("canAct", UpdatingService.MAKERS.contains(me.role()));
        model.addAttribute("canRefer", ReferralService.CREATORS.contains(me.role()));
        if (run.status() != RunStatus.RUNNING) {
            model.addAttribute("perDesa", runs.perDesa(id, filter.program()));
            model.addAttribute("cases", runs.cases(id, filter, Math.max(page, 0), Paged.size(size), me));
        }
        return "eligibility/run";
    }

    @GetMapping("/eligibility/runs/{id}/progress")
    String progress(@PathVariable UUID id, Model model, HttpServletResponse response) {
        EligibilityRun run = find(id);
        if (run.status() != RunStatus.RUNNING) {
            // the run ended while the page polled: reload it whole, so the cases appear
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("run", run);
        return "eligibility/run :: progress";
    }

    @GetMapping("/eligibility/runs/{id}/export")
    void export(@PathVariable UUID id, @RequestParam(defaultValue = "csv") String format,
                @RequestParam(required = false) String region, @RequestParam(required = false) String program,
                @RequestParam(required = false) String kind, @RequestParam(required = false) Boolean open,
                @AuthenticationPrincipal CurrentActor me, HttpServletResponse response) throws IOException {
        EligibilityApiController.exportCases(runs, regions, id, format,
                new CaseFilter(blank(region), blank(program), CaseKind.parse(kind), open), me, response);
    }

    @PostMapping("/eligibility/runs/{id}/cases/{program}/{household}/request")
    String act(@PathVariable UUID id, @PathVariable String program, @PathVariable UUID household,
               @RequestParam(required = false) String back, @AuthenticationPrincipal CurrentActor me,
               RedirectAttributes flash) {
        try {
            ChangeRequest r = runs.act(id, program, household, me);
            flash.addFlashAttribute("notice", texts.get("eligibility.case.acted", r.number()));
            flash.addFlashAttribute("actedRequest", r.id());
        } catch (ProblemException e) {
            flash.addFlashAttribute("failure", texts.get(e.messageCode(), e.args()));
        }
        String target = back != null && back.startsWith("/eligibility/runs/" + id) ? back : "/eligibility/runs/" + id;
        return "redirect:" + target;
    }

    private EligibilityRun find(UUID id) {
        return runs.find(id).orElseThrow(() -> ProblemException.notFound("eligibility.run.not-found"));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
