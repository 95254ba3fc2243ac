package id.slrt.complaint.web;

import id.slrt.complaint.ComplaintRouting;
import id.slrt.complaint.RouteTarget;
import id.slrt.platform.NavItem;
import id.slrt.platform.ProblemException;
import id.slrt.platform.Texts;
import id.slrt.shared.CurrentActor;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The routing rules per complaint category, for administrators. */
@Controller
class RoutingController {
    private final ComplaintRouting routing;
    private final Texts texts;

    RoutingController(ComplaintRouting routing, Texts texts) {
        this.routing = routing;
        this.texts = texts;
    }

    @GetMapping("/admin/complaint-routing")
    String page(Model model) {
        model.addAttribute("rules", routing.rules());
        model.addAttribute("targets", RouteTarget.values());
        return "complaint/routing";
    }

    @PostMapping("/admin/complaint-routing/{category}")
    String save(@PathVariable String category, @RequestParam(required = false) String target,
                @RequestParam(required = false) String agencyCode, @AuthenticationPrincipal CurrentActor me,
                RedirectAttributes flash) {
        try {
            routing.setRule(category, target, agencyCode, me);
            flash.addFlashAttribute("success", texts.get("complaint.routing.saved"));
        } catch (ProblemException e) {
            ProblemException.FieldError fe = e.fieldErrors().isEmpty() ? null : e.fieldErrors().get(0);
            flash.addFlashAttribute("failure", fe == null ? texts.get(e.messageCode(), e.args())
                    : texts.get(fe.code(), fe.args()));
        }
        return "redirect:/admin/complaint-routing#rule-" + category;
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavItem complaintRoutingNav() {
            return new NavItem("nav.complaint-routing", "/admin/complaint-routing", 78, Set.of("ADMIN"));
        }
    }
}
