package id.slrt.portal.web;

import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import id.slrt.portal.Ask;
import id.slrt.portal.PublicQuestion;
import id.slrt.portal.Question;
import id.slrt.portal.QuestionContact;
import id.slrt.portal.QuestionEdit;
import id.slrt.portal.QuestionEvent;
import id.slrt.portal.QuestionStatus;
import id.slrt.portal.Questions;
import id.slrt.portal.RejectReason;
import id.slrt.shared.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public questions over the API: reading published answers and asking need no log-in (asking is limited per
 * client, like the form); moderation is for ADMIN and OPERATOR_SLRT, reading the queue also for MANAGER.
 */
@RestController
@Tag(name = "Questions", description = "Public questions and answers: ask, read published answers, moderate")
class QuestionApiController {
    static final String CHANNEL = "API";
    private final Questions questions;
    private final AskLimits limits;

    QuestionApiController(Questions questions, AskLimits limits) {
        this.questions = questions;
        this.limits = limits;
    }

    /** A question from the public. {@code website} is a honeypot: leave it empty. */
    record AskRequest(String programCode, String question, String name, String email, String phone, String website) {
    }

    record Asked(String reference) {
    }

    record EditRequest(Integer version, String publicText, String answer, String programCode) {
    }

    record StepRequest(Integer version, String reason, String note) {
    }

    /** A question for a moderator, with the asker's contact (this read is audited) and its history. */
    record QuestionDetail(Question question, QuestionContact contact, List<QuestionEvent> events) {
    }

    @GetMapping("/api/v1/questions")
    @Operation(summary = "Published questions with their answers (no log-in needed)",
            description = "q searches the question and the answer (each word also as a prefix); program narrows to"
                    + " one program code. Newest first, or most relevant first when searching.")
    Paged<PublicQuestion> published(@RequestParam(required = false) String q,
                                    @RequestParam(required = false) String program,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(required = false) Integer size) {
        return questions.published(q, program, page, Math.min(Paged.size(size), 50));
    }

    @GetMapping("/api/v1/questions/{reference}")
    @Operation(summary = "One published question by its reference (no log-in needed)")
    PublicQuestion one(@PathVariable String reference) {
        return questions.publishedByReference(reference)
                .orElseThrow(() -> ProblemException.notFound("question.not-found"));
    }

    @PostMapping("/api/v1/questions")
    @Operation(summary = "Ask a question (no log-in needed; limited per client address); answers with the reference",
            description = "name is shown as initials only; email or phone are never shown and are used only to tell"
                    + " the asker that the answer is published.")
    ResponseEntity<Asked> ask(@RequestBody AskRequest body, HttpServletRequest request) {
        if (body.website() != null && !body.website().isBlank()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "refused", "question.public.refused");
        }
        if (!limits.tryAcquire(request.getRemoteAddr())) {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "question.public.too-many");
        }
        String reference = questions.ask(new Ask(body.programCode(), body.question(), body.name(), body.email(),
                body.phone()), CHANNEL);
        return ResponseEntity.created(URI.create("/api/v1/questions/" + reference)).body(new Asked(reference));
    }

    @GetMapping("/api/v1/question-moderation")
    @Operation(summary = "The moderation queue: questions in one status (default NEW), oldest first")
    Paged<Question> queue(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
                          @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size) {
        return questions.queue(QuestionStatus.parse(status), q, page, Paged.size(size));
    }

    @GetMapping("/api/v1/question-moderation/counts")
    @Operation(summary = "How many questions are in each status")
    Map<QuestionStatus, Long> counts() {
        return questions.counts();
    }

    @GetMapping("/api/v1/question-moderation/{id}")
    @Operation(summary = "One question with what was typed, the asker's contact (an audited read) and its history")
    QuestionDetail detail(@PathVariable UUID id) {
        Questions.View v = questions.view(id).orElseThrow(() -> ProblemException.notFound("question.not-found"));
        return new QuestionDetail(v.question(), v.contact().orElse(null), v.events());
    }

    @PutMapping("/api/v1/question-moderation/{id}")
    @Operation(summary = "Save the answer, the public wording and the program (send the version you read)")
    Question edit(@PathVariable UUID id, @RequestBody EditRequest body, @AuthenticationPrincipal CurrentActor me) {
        return questions.edit(id, version(body.version()), new QuestionEdit(body.publicText(), body.answer(),
                body.programCode()), me);
    }

    @PostMapping("/api/v1/question-moderation/{id}/publish")
    @Operation(summary = "Publish an answered question; tells the asker by email when they left one (once)")
    Question publish(@PathVariable UUID id, @RequestBody StepRequest body, @AuthenticationPrincipal CurrentActor me) {
        return questions.publish(id, version(body.version()), null, QuestionModerationController.questionsUrl(), me);
    }

    @PostMapping("/api/v1/question-moderation/{id}/reject")
    @Operation(summary = "Reject a question with a reason: SPAM, PERSONAL_CASE (points the asker at /pengaduan),"
            + " DUPLICATE, OFF_TOPIC")
    Question reject(@PathVariable UUID id, @RequestBody StepRequest body, @AuthenticationPrincipal CurrentActor me) {
        return questions.reject(id, version(body.version()), RejectReason.parse(body.reason()), body.note(), me);
    }

    @PostMapping("/api/v1/question-moderation/{id}/unpublish")
    @Operation(summary = "Take a published question off the public pages (note required)")
    Question unpublish(@PathVariable UUID id, @RequestBody StepRequest body, @AuthenticationPrincipal CurrentActor me) {
        return questions.unpublish(id, version(body.version()), body.note(), me);
    }

    private static int version(Integer v) {
        if (v == null) {
            throw ProblemException.invalidField("version", "question.error.version-required");
        }
        return v;
    }
}
