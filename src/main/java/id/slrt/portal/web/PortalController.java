package id.slrt.portal.web;

import id.slrt.platform.Paged;
import id.slrt.platform.Texts;
import id.slrt.portal.FitAnswers;
import id.slrt.portal.FitRules;
import id.slrt.portal.Questions;
import id.slrt.program.Program;
import id.slrt.program.ProgramCatalogue;
import id.slrt.program.ProgramFilter;
import id.slrt.program.Sector;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public program pages: list with search and sector filter, one program, and "which programs
 * might fit me?". No log-in, no session, nothing stored or logged about the visitor's answers.
 */
@Controller
@RequestMapping("/program")
class PortalController {
    static final int PAGE_SIZE = 20;
    /** Answered questions shown on a program's page; the rest are a link away. */
    static final int QUESTIONS_ON_PROGRAM_PAGE = 5;
    private final ProgramCatalogue catalogue;
    private final Questions questions;
    private final Texts texts;

    PortalController(ProgramCatalogue catalogue, Questions questions, Texts texts) {
        this.catalogue = catalogue;
        this.questions = questions;
        this.texts = texts;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String sector,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Sector chosen = Sector.parse(sector);
        ProgramFilter filter = ProgramFilter.published(q, sectorsNamedBy(q), chosen);
        Paged<Program> result = catalogue.list(filter, Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("filter", filter);
        model.addAttribute("result", result);
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("today", catalogue.today());
        return "portal/programs";
    }

    @GetMapping("/cocok")
    String fit(@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        // The answers are in the URL only: keep the page out of shared caches and browser history stores.
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("a", params);
        if (!params.containsKey("sent")) {
            return "portal/fit";
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Integer age = number(params.get("age"), 0, 120, "age", errors);
        Integer members = number(params.get("members"), 1, 30, "members", errors);
        model.addAttribute("errors", errors);
        if (!errors.isEmpty()) {
            return "portal/fit";
        }
        FitAnswers answers = new FitAnswers(age, members, yes(params, "toddler"), yes(params, "sd"), yes(params, "smp"),
                yes(params, "sma"), yes(params, "disability"), yes(params, "elderlyAlone"), yes(params, "earthFloor"),
                yes(params, "badRoof"), yes(params, "poor"), dtks(params.get("dtks")));
        FitRules.Result result = FitRules.suggest(answers);
        Map<String, Program> programs = catalogue.publishedByCodes(
                        result.suggestions().stream().map(FitRules.Suggestion::programCode).toList()).stream()
                .filter(p -> !p.endedBefore(catalogue.today()))
                .collect(Collectors.toMap(Program::code, Function.identity()));
        model.addAttribute("result", result);
        model.addAttribute("suggestions", result.suggestions().stream()
                .filter(s -> programs.containsKey(s.programCode())).toList());
        model.addAttribute("programs", programs);
        return "portal/fit";
    }

    @GetMapping("/{code}")
    String detail(@PathVariable String code, Model model) {
        Program program = catalogue.findPublished(code.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("program", program);
        model.addAttribute("today", catalogue.today());
        model.addAttribute("questions", questions.published(null, program.code(), 0, QUESTIONS_ON_PROGRAM_PAGE));
        model.addAttribute("programNames", Map.of(program.code(), program.name()));
        return "portal/program";
    }

    /** Sectors whose name in the reader's language contains the search text (so "kesehatan" finds PBI-JK). */
    private Set<Sector> sectorsNamedBy(String q) {
        if (q == null || q.isBlank()) {
            return Set.of();
        }
        String needle = q.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(Sector.values())
                .filter(s -> texts.get(s.labelKey()).toLowerCase(Locale.ROOT).contains(needle))
                .collect(Collectors.toSet());
    }

    private static Integer number(String value, int min, int max, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (!v.matches("\\d{1,3}") || Integer.parseInt(v) < min || Integer.parseInt(v) > max) {
            errors.put(field, field);
            return null;
        }
        return Integer.valueOf(v);
    }

    private static boolean yes(Map<String, String> params, String name) {
        return "1".equals(params.get(name)) || "true".equals(params.get(name)) || "on".equals(params.get(name));
    }

    private static FitAnswers.Dtks dtks(String value) {
        if (value == null) {
            return FitAnswers.Dtks.UNKNOWN;
        }
        return List.of("YES", "NO").contains(value) ? FitAnswers.Dtks.valueOf(value) : FitAnswers.Dtks.UNKNOWN;
    }
}
