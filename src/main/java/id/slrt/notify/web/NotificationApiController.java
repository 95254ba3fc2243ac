package id.slrt.notify.web;

import id.slrt.notify.Notifications;
import id.slrt.notify.OutboxMessage;
import id.slrt.notify.OutboxQuery;
import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Delivery status over the API (administrators). */
@RestController
@Tag(name = "Notifikasi", description = "Outgoing messages: delivery status, retrying a given-up message")
class NotificationApiController {
    private final Notifications notifications;

    NotificationApiController(Notifications notifications) {
        this.notifications = notifications;
    }

    record Overview(Notifications.DeliveryStatus configured, Map<String, Map<String, Long>> counts) {
    }

    @GetMapping("/api/v1/notifications")
    @Operation(summary = "Queued messages, newest first; filter by status (PENDING, FAILED, SENT, DEAD) and channel "
            + "(EMAIL, SMS, WHATSAPP)")
    Paged<OutboxMessage> list(@RequestParam(required = false) String status,
                              @RequestParam(required = false) String channel,
                              @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size) {
        return notifications.list(new OutboxQuery(status, channel), Math.max(0, page), Paged.size(size));
    }

    @GetMapping("/api/v1/notifications/summary")
    @Operation(summary = "Which channels are configured, and messages per status and channel")
    Overview summary() {
        return new Overview(notifications.status(), notifications.counts());
    }

    @GetMapping("/api/v1/notifications/{id}")
    @Operation(summary = "One queued message with its delivery status, attempts and last error")
    OutboxMessage get(@PathVariable UUID id) {
        return notifications.find(id).orElseThrow(() -> ProblemException.notFound("notify.not-found"));
    }

    @PostMapping("/api/v1/notifications/{id}/retry")
    @Operation(summary = "Send a given-up (DEAD) message again: back to PENDING with a fresh count of attempts")
    OutboxMessage retry(@PathVariable UUID id) {
        return notifications.retry(id);
    }
}
