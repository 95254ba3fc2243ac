package id.slrt.access.web;

import id.slrt.access.Role;
import id.slrt.access.SlrtUser;
import id.slrt.access.UserAccount;
import id.slrt.access.UserFilter;
import id.slrt.access.UserForm;
import id.slrt.access.UserService;
import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import id.slrt.platform.Texts;
import id.slrt.region.RegionService;
import id.slrt.region.RegionPicker;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators manage users: list, create, edit, disable/enable, reset password. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {
    private final UserService users;
    private final RegionService regions;
    private final RegionPicker picker;
    private final Texts texts;

    UserAdminController(UserService users, RegionService regions, RegionPicker picker, Texts texts) {
        this.users = users;
        this.regions = regions;
        this.picker = picker;
        this.texts = texts;
    }

    @ModelAttribute("roles")
    Role[] roles() {
        return Role.values();
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String role,
                @RequestParam(required = false) Boolean enabled,
                @RequestParam(defaultValue = "username") String sort, @RequestParam(defaultValue = "false") boolean desc,
                @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size, Model model) {
        UserFilter filter = new UserFilter(q, Role.parse(role), enabled, sort, desc);
        Paged<UserAccount> result = users.list(filter, Math.max(page, 0), Paged.size(size));
        model.addAttribute("filter", filter);
        model.addAttribute("result", result);
        model.addAttribute("regions", regions);
        return "access/users";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return form(model, UserForm.empty(regions.district().code()), null);
    }

    @PostMapping("/new")
    String create(@ModelAttribute UserForm form, @AuthenticationPrincipal SlrtUser me, Model model,
                  RedirectAttributes flash) {
        try {
            UserService.Created created = users.create(form, me);
            flash.addFlashAttribute("success", texts.get("user.created", created.user().username()));
            if (created.temporaryPassword() != null) {
                flash.addFlashAttribute("temporaryPassword", created.temporaryPassword());
            }
            return "redirect:/admin/users/" + created.user().id();
        } catch (ProblemException e) {
            model.addAttribute("errors", texts.fieldErrors(e));
            return form(model, form, null);
        }
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable UUID id, Model model) {
        UserAccount user = users.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return form(model, UserForm.of(user), user);
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @ModelAttribute UserForm form, @AuthenticationPrincipal SlrtUser me,
                  Model model, RedirectAttributes flash) {
        UserAccount user = users.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            users.update(id, form, me);
            flash.addFlashAttribute("success", texts.get("user.saved", user.username()));
            return "redirect:/admin/users/" + id;
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.CONFLICT) {
                model.addAttribute("conflict", texts.get(e.messageCode()));
                model.addAttribute("current", users.find(id).orElse(user));
            }
            model.addAttribute("errors", texts.fieldErrors(e));
            return form(model, form, user);
        }
    }

    @PostMapping("/{id}/enabled")
    String setEnabled(@PathVariable UUID id, @RequestParam boolean enabled, @AuthenticationPrincipal SlrtUser me,
                      RedirectAttributes flash) {
        try {
            users.setEnabled(id, enabled, me);
            flash.addFlashAttribute("success", texts.get(enabled ? "user.enabled.done" : "user.disabled.done"));
        } catch (ProblemException e) {
            flash.addFlashAttribute("failure", texts.get(e.messageCode()));
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/reset-password")
    String resetPassword(@PathVariable UUID id, @AuthenticationPrincipal SlrtUser me, RedirectAttributes flash) {
        String password = users.resetPassword(id, me);
        flash.addFlashAttribute("success", texts.get("user.password-reset.done"));
        flash.addFlashAttribute("temporaryPassword", password);
        return "redirect:/admin/users/" + id;
    }

    private String form(Model model, UserForm form, UserAccount existing) {
        model.addAttribute("form", form);
        model.addAttribute("user", existing);
        String root = regions.district().code();
        model.addAttribute("picker", picker.build("regionCode", root, 4, form.regionCode()));
        return "access/user-form";
    }
}
