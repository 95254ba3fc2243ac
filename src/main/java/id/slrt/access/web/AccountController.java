package id.slrt.access.web;

import id.slrt.access.SlrtUser;
import id.slrt.access.UserService;
import id.slrt.platform.ProblemException;
import id.slrt.platform.Texts;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The user's own account: change password. */
@Controller
class AccountController {
    private final UserService users;
    private final Texts texts;

    AccountController(UserService users, Texts texts) {
        this.users = users;
        this.texts = texts;
    }

    @GetMapping("/account/password")
    String form() {
        return "access/password";
    }

    @PostMapping("/account/password")
    String change(@AuthenticationPrincipal SlrtUser me, @RequestParam(defaultValue = "") String currentPassword,
                  @RequestParam(defaultValue = "") String newPassword,
                  @RequestParam(defaultValue = "") String confirmPassword, Model model, RedirectAttributes flash) {
        try {
            users.changeOwnPassword(me, currentPassword, newPassword, confirmPassword);
        } catch (ProblemException e) {
            model.addAttribute("errors", texts.fieldErrors(e));
            return "access/password";
        }
        flash.addFlashAttribute("success", texts.get("password.changed"));
        return "redirect:/";
    }
}
