package id.slrt.updating.web;

import id.slrt.notify.Notifications;
import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import id.slrt.platform.Texts;
import id.slrt.shared.CurrentActor;
import id.slrt.updating.PeriodForm;
import id.slrt.updating.UpdatePeriod;
import id.slrt.updating.UpdatePeriods;
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

/** The district's update periods: the list, and a form to define or change one (administrator, SLRT operator). */
@Controller
@RequestMapping("/updates/periods")
class PeriodController {
    private final UpdatePeriods periods;
    private final Notifications notifications;
    private final Texts texts;

    PeriodController(UpdatePeriods periods, Notifications notifications, Texts texts) {
        this.periods = periods;
        this.notifications = notifications;
        this.texts = texts;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size, Model model) {
        return page(model, page, size, PeriodForm.empty(), null);
    }

    @PostMapping
    String create(@ModelAttribute PeriodForm form, @AuthenticationPrincipal CurrentActor me, Model model,
                  RedirectAttributes flash) {
        try {
            periods.create(form, me);
            flash.addFlashAttribute("success", texts.get("period.saved"));
            return "redirect:/updates/periods";
        } catch (ProblemException e) {
            return failed(model, form, null, e);
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        UpdatePeriod p = periods.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return page(model, 0, null, PeriodForm.of(p), p);
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @ModelAttribute PeriodForm form, @AuthenticationPrincipal CurrentActor me,
                  Model model, RedirectAttributes flash) {
        UpdatePeriod p = periods.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            periods.update(id, form, me);
            flash.addFlashAttribute("success", texts.get("period.saved"));
            return "redirect:/updates/periods";
        } catch (ProblemException e) {
            return failed(model, form, p, e);
        }
    }

    private String failed(Model model, PeriodForm form, UpdatePeriod existing, ProblemException e) {
        model.addAttribute("errors", texts.fieldErrors(e));
        model.addAttribute("failure", texts.get(e.messageCode(), e.args()));
        return page(model, 0, null, form, existing);
    }

    private String page(Model model, int page, Integer size, PeriodForm form, UpdatePeriod editing) {
        Paged<UpdatePeriod> result = periods.list(Math.max(page, 0), Paged.size(size));
        model.addAttribute("result", result);
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("delivery", notifications.status());
        model.addAttribute("active", periods.activePeriod().orElse(null));
        return "updating/periods";
    }
}
