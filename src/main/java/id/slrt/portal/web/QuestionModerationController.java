package id.slrt.portal.web;

import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import id.slrt.platform.Texts;
import id.slrt.portal.Question;
import id.slrt.portal.QuestionEdit;
import id.slrt.portal.QuestionStatus;
import id.slrt.portal.Questions;
import id.slrt.portal.Questions.View;
import id.slrt.portal.RejectReason;
import id.slrt.shared.CurrentActor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The moderation pages: the queue per status (oldest first, with counts), one question with what was typed,
 * the contact (an audited read), the history, and the steps. The manager sees the same pages without forms.
 */
@Controller
@RequestMapping("/questions")
class QuestionModerationController {
    private final Questions questions;
    private final ProgramNames programs;
    private final Texts texts;

    QuestionModerationController(Questions questions, ProgramNames programs, Texts texts) {
        this.questions = questions;
        this.programs = programs;
        this.texts = texts;
    }

    @GetMapping
    String queue(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
                 @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size, Model model) {
        QuestionStatus chosen = QuestionStatus.parse(status);
        QuestionStatus shown = chosen == null ? QuestionStatus.NEW : chosen;
        Paged<Question> result = questions.queue(shown, q, page, Paged.size(size));
        model.addAttribute("status", shown);
        model.addAttribute("q", q == null ? "" : q.trim());
        model.addAttribute("result", result);
        model.addAttribute("counts", questions.counts());
        model.addAttribute("statuses", QuestionStatus.values());
        model.addAttribute("programs", programs.published());
        return "portal/moderation-list";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, @AuthenticationPrincipal CurrentActor me, Model model) {
        return page(id, me, model, null, Map.of());
    }

    @PostMapping("/{id}/save")
    String save(@PathVariable UUID id, @RequestParam int version, @RequestParam(required = false) String publicText,
                @RequestParam(required = false) String answer, @RequestParam(required = false) String programCode,
                @RequestParam(defaultValue = "save") String action, @AuthenticationPrincipal CurrentActor me,
                Model model, RedirectAttributes flash) {
        QuestionEdit edit = new QuestionEdit(publicText, answer, programCode);
        try {
            if ("publish".equals(action)) {
                Question q = questions.publish(id, version, edit, questionsUrl(), me);
                flash.addFlashAttribute("success", texts.get("question.published", q.reference()));
            } else {
                Question q = questions.edit(id, version, edit, me);
                flash.addFlashAttribute("success", texts.get("question.saved", q.reference()));
            }
            return "redirect:/questions/" + id;
        } catch (ProblemException e) {
            model.addAttribute("typed", edit);
            return page(id, me, model, e, texts.fieldErrors(e));
        }
    }

    @PostMapping("/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam int version, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String note, @AuthenticationPrincipal CurrentActor me, Model model,
                  RedirectAttributes flash) {
        try {
            Question q = questions.reject(id, version, RejectReason.parse(reason), note, me);
            flash.addFlashAttribute("success", texts.get("question.rejected", q.reference()));
            return "redirect:/questions/" + id;
        } catch (ProblemException e) {
            return page(id, me, model, e, texts.fieldErrors(e));
        }
    }

    @PostMapping("/{id}/unpublish")
    String unpublish(@PathVariable UUID id, @RequestParam int version, @RequestParam(required = false) String note,
                     @AuthenticationPrincipal CurrentActor me, Model model, RedirectAttributes flash) {
        try {
            Question q = questions.unpublish(id, version, note, me);
            flash.addFlashAttribute("success", texts.get("question.unpublished", q.reference()));
            return "redirect:/questions/" + id;
        } catch (ProblemException e) {
            return page(id, me, model, e, texts.fieldErrors(e));
        }
    }

    private String page(UUID id, CurrentActor me, Model model, ProblemException failure, Map<String, String> errors) {
        View v = questions.view(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Question q = v.question();
        model.addAttribute("v", v);
        model.addAttribute("q", q);
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", new QuestionEdit(q.publicText(), q.answer(), q.programCode()));
        }
        model.addAttribute("errors", new LinkedHashMap<>(errors));
        if (failure != null) {
            model.addAttribute("failure", texts.get(failure.messageCode(), failure.args()));
        }
        model.addAttribute("canModerate", me != null && Questions.MODERATORS.contains(me.role()));
        model.addAttribute("programs", programs.published());
        model.addAttribute("reasons", RejectReason.values());
        return "portal/moderation-detail";
    }

    static String questionsUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/program/tanya").toUriString();
    }
}
