package id.slrt.eligibility.web;

import id.slrt.eligibility.CaseFilter;
import id.slrt.eligibility.CaseKind;
import id.slrt.eligibility.EligibilityCase;
import id.slrt.eligibility.EligibilityRule;
import id.slrt.eligibility.EligibilityRules;
import id.slrt.eligibility.EligibilityRun;
import id.slrt.eligibility.EligibilityRuns;
import id.slrt.eligibility.Preview;
import id.slrt.eligibility.ProgramRules;
import id.slrt.eligibility.RuleForm;
import id.slrt.eligibility.RuleMessage;
import id.slrt.eligibility.RuleRejected;
import id.slrt.platform.ApiProblemHandler;
import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import id.slrt.region.RegionService;
import id.slrt.shared.CurrentActor;
import id.slrt.updating.ChangeRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Eligibility rules, previews, runs and cases over the API. A rule text with errors is refused as
 * problem+json of type {@code rule-invalid} whose {@code errors} carry, per error, the line, the column,
 * the offending line with a caret under it, and the message in the request's language.
 */
@RestController
@RequestMapping("/api/v1/eligibility")
@Tag(name = "Eligibility", description = "Program eligibility rules (versioned), per-desa previews, runs and their cases")
class EligibilityApiController {
    private final EligibilityRules rules;
    private final EligibilityRuns runs;
    private final RegionService regions;
    private final ApiProblemHandler problems;

    EligibilityApiController(EligibilityRules rules, EligibilityRuns runs, RegionService regions,
                             ApiProblemHandler problems) {
        this.rules = rules;
        this.runs = runs;
        this.regions = regions;
        this.problems = problems;
    }

    record TextRequest(String text, String region) {
    }

    record CheckResult(boolean valid, List<RuleMessage> errors) {
    }

    record RunBody(String region, List<String> programs) {
    }

    record Acted(UUID requestId, String number, String status) {
    }

    @ExceptionHandler(RuleRejected.class)
    ResponseEntity<ProblemDetail> rejected(RuleRejected e, HttpServletRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (RuleMessage m : e.errors()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", "text");
            error.put("code", m.code());
            error.put("message", m.message());
            error.put("line", m.line());
            error.put("column", m.column());
            error.put("excerpt", m.excerpt());
            errors.add(error);
        }
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.build(HttpStatus.BAD_REQUEST, "rule-invalid", problems.text("eligibility.rule.invalid"),
                        errors, request.getRequestURI()));
    }

    // --- rules -----------------------------------------------------------------------------------

    @GetMapping("/rules")
    @Operation(summary = "Every program with the current version of each of its rules")
    List<ProgramRules> programs() {
        return rules.programs();
    }

    @GetMapping("/rules/{program}")
    @Operation(summary = "One program's rules (current versions)")
    ProgramRules program(@PathVariable String program) {
        return rules.program(program).orElseThrow(() -> ProblemException.notFound("eligibility.program.not-found", program));
    }

    @GetMapping("/rules/{program}/versions")
    @Operation(summary = "Every version of one rule of a program, newest first (name as a query parameter)")
    List<EligibilityRule> versions(@PathVariable String program, @RequestParam String name) {
        List<EligibilityRule> versions = rules.versions(program, name);
        if (versions.isEmpty()) {
            throw ProblemException.notFound("eligibility.program.not-found", program + " / " + name);
        }
        return versions;
    }

    @PostMapping("/rules/{program}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Save a new version of a rule (or the first of a new one)",
            description = "baseVersion is the latest version the edit started from (null for a new rule); a stale one "
                    + "is refused with 409. A text with errors is refused with 400 rule-invalid, each error with line, "
                    + "column and excerpt.")
    EligibilityRule save(@PathVariable String program, @RequestBody RuleForm form, @AuthenticationPrincipal CurrentActor me) {
        return rules.save(program, form, me);
    }

    @PostMapping("/check")
    @Operation(summary = "Check a rule text: valid, or every error with line, column and excerpt")
    CheckResult check(@RequestBody TextRequest body) {
        List<RuleMessage> errors = rules.check(body.text());
        return new CheckResult(errors.isEmpty(), errors);
    }

    @PostMapping("/preview")
    @Operation(summary = "Households a rule text selects now, per desa of a region (default: your scope)",
            description = "A text with errors is refused with 400 rule-invalid.")
    Preview preview(@RequestBody TextRequest body, @AuthenticationPrincipal CurrentActor me) {
        Preview p = rules.preview(body.text(), body.region(), me);
        if (!p.valid()) {
            throw new RuleRejected(p.errors());
        }
        return p;
    }

    // --- runs ------------------------------------------------------------------------------------

    @PostMapping("/runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start a run over a region (default: your scope) for some programs; it works in the background")
    EligibilityRun start(@RequestBody RunBody body, @AuthenticationPrincipal CurrentActor me) {
        return runs.start(new EligibilityRuns.RunRequest(body.region(), body.programs()), me);
    }

    @GetMapping("/runs")
    @Operation(summary = "Runs, newest first, with progress and counts per program")
    Paged<EligibilityRun> list(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size) {
        return runs.list(Math.max(page, 0), Paged.size(size));
    }

    @GetMapping("/runs/{id}")
    @Operation(summary = "One run: status, progress, the rule versions it used and the counts per program")
    EligibilityRun run(@PathVariable UUID id) {
        return runs.find(id).orElseThrow(() -> ProblemException.notFound("eligibility.run.not-found"));
    }

    @GetMapping("/runs/{id}/cases")
    @Operation(summary = "A run's cases in your area, filtered by region, program, kind (EXCLUSION/INCLUSION) and "
            + "open (not acted on yet)")
    Paged<EligibilityCase> cases(@PathVariable UUID id, @RequestParam(required = false) String region,
                                 @RequestParam(required = false) String program, @RequestParam(required = false) String kind,
                                 @RequestParam(required = false) Boolean open, @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(required = false) Integer size, @AuthenticationPrincipal CurrentActor me) {
        return runs.cases(id, new CaseFilter(region, program, CaseKind.parse(kind), open), Math.max(page, 0),
                Paged.size(size), me);
    }

    @GetMapping("/runs/{id}/cases/export")
    @Operation(summary = "A run's cases in your area as a CSV or XLSX file (format=csv|xlsx), same filters")
    void export(@PathVariable UUID id, @RequestParam(defaultValue = "csv") String format,
                @RequestParam(required = false) String region, @RequestParam(required = false) String program,
                @RequestParam(required = false) String kind, @RequestParam(required = false) Boolean open,
                @AuthenticationPrincipal CurrentActor me, HttpServletResponse response) throws IOException {
        exportCases(runs, regions, id, format, new CaseFilter(region, program, CaseKind.parse(kind), open), me, response);
    }

    static void exportCases(EligibilityRuns runs, RegionService regions, UUID id, String format, CaseFilter filter,
                            CurrentActor me, HttpServletResponse response) throws IOException {
        if (!"csv".equalsIgnoreCase(format) && !"xlsx".equalsIgnoreCase(format)) {
            throw ProblemException.invalidField("format", "export.format-unknown");
        }
        runs.find(id).orElseThrow(() -> ProblemException.notFound("eligibility.run.not-found"));
        CaseFile.send(format, "kelayakan-" + id.toString().substring(0, 8), response, regions,
                sink -> runs.export(id, filter, format.toLowerCase(), me, sink));
    }

    @PostMapping("/runs/{id}/cases/{program}/{household}/request")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Turn a case into a draft change request: a program proposal (exclusion) or an ending (inclusion)")
    Acted act(@PathVariable UUID id, @PathVariable String program, @PathVariable UUID household,
              @AuthenticationPrincipal CurrentActor me) {
        ChangeRequest r = runs.act(id, program, household, me);
        return new Acted(r.id(), r.number(), r.status().name());
    }
}
