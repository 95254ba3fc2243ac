package id.slrt.portal.web;

import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import id.slrt.platform.Texts;
import id.slrt.portal.Ask;
import id.slrt.portal.PublicQuestionStatus;
import id.slrt.portal.Questions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Public questions and answers, without log-in, session or cookie: the published answers with search,
 * the form to ask (protected by a signed form token, a honeypot and a per-client limit, see
 * {@link FormTokens}), the thank-you page with the reference, and one question by its reference.
 */
@Controller
@RequestMapping("/program/tanya")
class PublicQuestionController {
    static final int PAGE_SIZE = 10;
    static final String CHANNEL = "WEB_PUBLIC";

    private final Questions questions;
    private final ProgramNames programs;
    private final FormTokens tokens;
    private final AskLimits limits;
    private final Texts texts;

    PublicQuestionController(Questions questions, ProgramNames programs, FormTokens tokens, AskLimits limits,
                             Texts texts) {
        this.questions = questions;
        this.programs = programs;
        this.tokens = tokens;
        this.limits = limits;
        this.texts = texts;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String program,
                @RequestParam(defaultValue = "0") int page, Model model) {
        String chosen = program == null || program.isBlank() ? null : program.trim().toUpperCase(Locale.ROOT);
        Paged<?> result = questions.published(q, chosen, page, PAGE_SIZE);
        model.addAttribute("q", q == null ? "" : q.trim());
        model.addAttribute("program", chosen);
        model.addAttribute("result", result);
        model.addAttribute("programs", programs.published());
        return "portal/questions";
    }

    @GetMapping("/baru")
    String form(@RequestParam(required = false) String program, Model model, HttpServletResponse response) {
        String code = program == null ? null : program.trim().toUpperCase(Locale.ROOT);
        return form(model, response, new Ask(code, "", "", "", ""), Map.of(), null);
    }

    @PostMapping("/baru")
    String ask(@ModelAttribute Ask ask, @RequestParam(name = "formToken", required = false) String token,
               @RequestParam(name = "website", required = false) String honeypot, HttpServletRequest request,
               HttpServletResponse response, Model model) {
        if (honeypot != null && !honeypot.isBlank()) {
            // Only a robot fills the field people cannot see: refuse without saying why.
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, response, ask, Map.of(), "question.public.refused");
        }
        switch (tokens.check(token, request)) {
            case CROSS_SITE -> {
                response.setStatus(HttpStatus.FORBIDDEN.value());
                return form(model, response, ask, Map.of(), "question.public.refused");
            }
            case EXPIRED -> {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                return form(model, response, ask, Map.of(), "question.public.expired");
            }
            case INVALID, TOO_FAST -> {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                return form(model, response, ask, Map.of(), "question.public.refused");
            }
            case OK -> {
            }
        }
        if (!limits.tryAcquire(request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return form(model, response, ask, Map.of(), "question.public.too-many");
        }
        try {
            String reference = questions.ask(ask, CHANNEL);
            return "redirect:/program/tanya/terima-kasih?ref=" + reference;
        } catch (ProblemException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, response, ask, texts.fieldErrors(e), null);
        }
    }

    @GetMapping("/terima-kasih")
    String thanks(@RequestParam(required = false) String ref, Model model) {
        // The page only repeats a well-formed reference from its own address: it reads nothing.
        String reference = Questions.normalizeReference(ref)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("reference", reference);
        return "portal/asked";
    }

    @GetMapping("/{reference}")
    String one(@PathVariable String reference, Model model) {
        PublicQuestionStatus status = questions.publicStatus(reference)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("s", status);
        model.addAttribute("publishedItems", status.published() == null ? List.of() : List.of(status.published()));
        model.addAttribute("programs", programs.published());
        return "portal/question";
    }

    private String form(Model model, HttpServletResponse response, Ask ask, Map<String, String> errors,
                        String failureKey) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("ask", ask);
        model.addAttribute("errors", new LinkedHashMap<>(errors));
        model.addAttribute("failure", failureKey == null ? null : texts.get(failureKey));
        model.addAttribute("formToken", tokens.issue());
        model.addAttribute("programs", programs.published());
        model.addAttribute("minText", Questions.MIN_TEXT);
        model.addAttribute("maxText", Questions.MAX_TEXT);
        return "portal/ask";
    }
}
