package id.slrt.access.web;

import id.slrt.access.SlrtUser;
import id.slrt.access.TokenService;
import id.slrt.access.UserFilter;
import id.slrt.access.UserService;
import id.slrt.platform.ProblemException;
import id.slrt.platform.Texts;
import java.time.Clock;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators create named long-lived API tokens for scripts and revoke them. */
@Controller
@RequestMapping("/admin/tokens")
class TokenAdminController {
    private final TokenService tokens;
    private final UserService users;
    private final Texts texts;
    private final Clock clock;

    TokenAdminController(TokenService tokens, UserService users, Texts texts, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("tokens", tokens.listNamed());
        model.addAttribute("users", users.list(new UserFilter(null, null, true, "username", false), 0, 200).items());
        model.addAttribute("now", clock.instant());
        return "access/tokens";
    }

    @PostMapping
    String create(@RequestParam(required = false) UUID userId, @RequestParam(defaultValue = "") String name,
                  @RequestParam(required = false) Integer validDays, @AuthenticationPrincipal SlrtUser me,
                  Model model, RedirectAttributes flash) {
        try {
            if (userId == null) {
                throw ProblemException.invalidField("userId", "NotBlank");
            }
            TokenService.CreatedNamed created = tokens.createNamed(userId, name, validDays, me);
            flash.addFlashAttribute("success", texts.get("token.created", created.token().name()));
            flash.addFlashAttribute("secret", created.secret());
            return "redirect:/admin/tokens";
        } catch (ProblemException e) {
            model.addAttribute("errors", texts.fieldErrors(e));
            model.addAttribute("name", name);
            model.addAttribute("validDays", validDays);
            return list(model);
        }
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable UUID id, @AuthenticationPrincipal SlrtUser me, RedirectAttributes flash) {
        tokens.revoke(id, me);
        flash.addFlashAttribute("success", texts.get("token.revoked"));
        return "redirect:/admin/tokens";
    }
}
