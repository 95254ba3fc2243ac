package id.slrt.notify.web;

import id.slrt.notify.DeliveryChannel;
import id.slrt.notify.Notifications;
import id.slrt.notify.OutboxMessage;
import id.slrt.notify.OutboxQuery;
import id.slrt.notify.OutboxStatus;
import id.slrt.platform.NavItem;
import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import id.slrt.platform.Texts;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The delivery page for administrators: messages by status and channel, and sending a given-up one again. */
@Controller
class NotificationController {
    private final Notifications notifications;
    private final Texts texts;

    NotificationController(Notifications notifications, Texts texts) {
        this.notifications = notifications;
        this.texts = texts;
    }

    @GetMapping("/admin/notifications")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String channel,
                @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size, Model model) {
        OutboxQuery query = new OutboxQuery(known(status, OutboxStatus.class), known(channel, DeliveryChannel.class));
        Paged<OutboxMessage> result = notifications.list(query, Math.max(0, page), Paged.size(size));
        model.addAttribute("result", result);
        model.addAttribute("q", query);
        model.addAttribute("statuses", OutboxStatus.values());
        model.addAttribute("channels", DeliveryChannel.values());
        model.addAttribute("counts", notifications.counts());
        model.addAttribute("delivery", notifications.status());
        return "notify/list";
    }

    @PostMapping("/admin/notifications/{id}/retry")
    String retry(@PathVariable UUID id, @RequestParam(required = false) String status,
                 @RequestParam(required = false) String channel, RedirectAttributes flash) {
        try {
            notifications.retry(id);
            flash.addFlashAttribute("success", texts.get("notify.retried"));
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            flash.addFlashAttribute("failure", texts.get(e.messageCode(), e.args()));
        }
        flash.addAttribute("status", status == null ? "" : status);
        flash.addAttribute("channel", channel == null ? "" : channel);
        return "redirect:/admin/notifications";
    }

    /** A filter value only when it names one of the enum's constants (else no filter). */
    private static <E extends Enum<E>> String known(String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value.trim())) {
                return e.name();
            }
        }
        return null;
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavItem notificationsNav() {
            return new NavItem("nav.notifications", "/admin/notifications", 88, Set.of("ADMIN"));
        }
    }
}
