package id.slrt.referral.web;

import id.slrt.platform.FileRejected;
import id.slrt.platform.FileStore;
import id.slrt.platform.ProblemException;
import id.slrt.platform.StoredFile;
import id.slrt.platform.Texts;
import id.slrt.referral.Outcome;
import id.slrt.referral.ReferralService;
import id.slrt.referral.ReferralService.LinkView;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The page of an agency without an account, reached by its single-referral link: no log-in, no session,
 * no cookie (the unguessable token in the address is the credential, so the forms need no CSRF token).
 * It shows that one referral with the least personal data, and takes the answer: accept or decline,
 * then the outcome with a note and a document. Every use of the link is audited by the service.
 */
@Controller
class ReferralLinkController {
    private final ReferralService referrals;
    private final FileStore files;
    private final Texts texts;

    ReferralLinkController(ReferralService referrals, FileStore files, Texts texts) {
        this.referrals = referrals;
        this.files = files;
        this.texts = texts;
    }

    @GetMapping("/rujukan/t/{token}")
    String view(@PathVariable String token, @RequestParam(required = false) String done, Model model,
                HttpServletResponse response) {
        return page(token, model, response, () -> referrals.viewByLink(token), Map.of(), null,
                done == null ? null : texts.get("referral.link.done"));
    }

    @PostMapping("/rujukan/t/{token}/{step:accept|decline}")
    String answer(@PathVariable String token, @PathVariable String step,
                  @RequestParam(required = false) UUID referral, @RequestParam(required = false) Integer version,
                  @RequestParam(required = false) String note, Model model, HttpServletResponse response) {
        Map<String, String> form = Map.of("note", note == null ? "" : note);
        String page = page(token, model, response, () -> step.equals("accept")
                ? referrals.acceptByLink(token, referral, version, note)
                : referrals.declineByLink(token, referral, version, note), form, step, null);
        return model.containsAttribute("failure") || response.getStatus() >= 400 ? page
                : "redirect:/rujukan/t/" + token + "?done=" + step;
    }

    @PostMapping("/rujukan/t/{token}/complete")
    String complete(@PathVariable String token, @RequestParam(required = false) UUID referral,
                    @RequestParam(required = false) Integer version, @RequestParam(required = false) String outcome,
                    @RequestParam(required = false) String note,
                    @RequestParam(name = "document", required = false) MultipartFile document, Model model,
                    HttpServletResponse response) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("outcome", outcome == null ? "" : outcome);
        form.put("note", note == null ? "" : note);
        StoredFile stored;
        try {
            stored = ReferralController.Documents.store(files, document);
        } catch (FileRejected e) {
            // The file is refused: show the page again with what was typed and the reason.
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(token, model, response, () -> referrals.viewByLink(token), form, "complete",
                    null, Map.of("document", texts.get(e.messageCode(), e.args())));
        }
        // Completing closes the link (it is revoked), so the confirmation is shown at once, not after a redirect.
        return page(token, model, response, () -> referrals.completeByLink(token, referral, version, outcome,
                note, stored), form, "complete", texts.get("referral.link.done"));
    }

    private String page(String token, Model model, HttpServletResponse response, Supplier<LinkView> action,
                        Map<String, String> form, String step, String success) {
        return page(token, model, response, action, form, step, success, Map.of());
    }

    private String page(String token, Model model, HttpServletResponse response, Supplier<LinkView> action,
                        Map<String, String> form, String step, String success, Map<String, String> fileErrors) {
        Map<String, String> errors = new LinkedHashMap<>(fileErrors);
        LinkView view;
        try {
            view = action.get();
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                response.setStatus(HttpStatus.NOT_FOUND.value());
                model.addAttribute("invalid", true);
                return "referral/link";
            }
            response.setStatus(e.status().value());
            errors.putAll(texts.fieldErrors(e));
            if (e.fieldErrors().isEmpty()) {
                model.addAttribute("failure", texts.get(e.messageCode(), e.args()));
            }
            view = referrals.viewByLink(token);
        }
        model.addAttribute("invalid", false);
        model.addAttribute("view", view);
        model.addAttribute("r", view.referral());
        model.addAttribute("token", token);
        model.addAttribute("form", form);
        model.addAttribute("step", step);
        model.addAttribute("errors", errors);
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("maxSize", files.maxSize() / (1024 * 1024));
        if (success != null && !model.containsAttribute("failure") && response.getStatus() < 400) {
            model.addAttribute("success", success);
        }
        return "referral/link";
    }
}
