package id.slrt.notify.internal;

import id.slrt.notify.DeliveryChannel;
import id.slrt.notify.Notifications;
import id.slrt.notify.NotifySettings;
import id.slrt.notify.OutboxMessage;
import id.slrt.platform.Scopes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox. Each round claims the due messages of the configured channels in a short transaction
 * ({@code for update skip locked} and a lease, so two senders never take the same message), sends each one
 * outside any transaction, and records the outcome in another short transaction: SENT, or FAILED with the next
 * attempt after an exponential backoff, or DEAD after the last attempt. A channel without its transport (no
 * {@code spring.mail.host}, no gateway URL) is not claimed: its messages stay PENDING and the log says so when
 * their number changes; the delivery page shows it too.
 */
@Component
public class OutboxSender {
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int MAX_ERROR = 1000;
    /** Rounds of one run at most, so one run ends even while others keep queueing. */
    private static final int MAX_BATCHES = 20;

    private final Notifications notifications;
    private final NotifySettings settings;
    private final Scopes scopes;
    private final TransactionTemplate tx;
    private final OutboxRepository outbox;
    private final MailTransport mail;
    private final HttpGatewayTransport gateways;
    private final Clock clock;
    private final Map<DeliveryChannel, Long> lastReported = new EnumMap<>(DeliveryChannel.class);

    OutboxSender(Notifications notifications, NotifySettings settings, Scopes scopes, TransactionTemplate tx,
                 OutboxRepository outbox, MailTransport mail, HttpGatewayTransport gateways, Clock clock) {
        this.notifications = notifications;
        this.settings = settings;
        this.scopes = scopes;
        this.tx = tx;
        this.outbox = outbox;
        this.mail = mail;
        this.gateways = gateways;
        this.clock = clock;
    }

    /** What one run did. */
    public record Run(int sent, int failed, int dead) {
    }

    @Scheduled(initialDelayString = "${slrt.notify.send-interval}", fixedDelayString = "${slrt.notify.send-interval}")
    void scheduled() {
        Run run = deliverDue();
        if (run.sent() + run.failed() + run.dead() > 0) {
            log.info("Outbox: {} sent, {} failed (to be retried), {} given up", run.sent(), run.failed(), run.dead());
        }
    }

    /** Sends what is due now over the whole district. */
    public Run deliverDue() {
        List<DeliveryChannel> ready = Arrays.stream(DeliveryChannel.values()).filter(notifications::configured)
                .toList();
        reportUnconfigured(ready);
        int sent = 0;
        int failed = 0;
        int dead = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            Instant now = clock.instant();
            List<OutboxMessage> claimed = scopes.asDistrict(() -> tx.execute(s ->
                    outbox.claimDue(ready, now, now.plus(settings.lease()), settings.batchSize())));
            for (OutboxMessage m : claimed) {
                String error = attempt(m);
                Instant at = clock.instant();
                if (error == null) {
                    scopes.runAsDistrict(() -> tx.executeWithoutResult(s -> outbox.markSent(m.id(), at)));
                    sent++;
                } else {
                    Instant next = m.attempts() + 1 >= settings.maxAttempts() ? null : at.plus(backoff(m.attempts() + 1));
                    scopes.runAsDistrict(() -> tx.executeWithoutResult(s -> outbox.markFailed(m.id(), at, error, next)));
                    if (next == null) {
                        dead++;
                        log.warn("Outbox message {} ({}) given up after {} attempts: {}", m.id(), m.channel(),
                                m.attempts() + 1, error);
                    } else {
                        failed++;
                    }
                }
            }
            if (claimed.size() < settings.batchSize()) {
                break;
            }
        }
        return new Run(sent, failed, dead);
    }

    /** The wait after the {@code attempts}-th failed attempt: backoff·2^(attempts-1), at most maxBackoff. */
    Duration backoff(int attempts) {
        Duration d = settings.backoff().multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return d.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : d;
    }

    /** Sends one message; null when the other side accepted it, else what went wrong. */
    private String attempt(OutboxMessage m) {
        try {
            Transport transport = switch (DeliveryChannel.valueOf(m.channel())) {
                case EMAIL -> mail;
                case SMS, WHATSAPP -> gateways.channel(DeliveryChannel.valueOf(m.channel()));
            };
            transport.send(m);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return message.length() > MAX_ERROR ? message.substring(0, MAX_ERROR) : message;
        }
    }

    private void reportUnconfigured(List<DeliveryChannel> ready) {
        for (DeliveryChannel c : DeliveryChannel.values()) {
            if (ready.contains(c)) {
                lastReported.remove(c);
                continue;
            }
            long waiting = scopes.asDistrict(() -> tx.execute(s -> outbox.countUndelivered(c)));
            Long before = lastReported.put(c, waiting);
            if (waiting > 0 && (before == null || before != waiting)) {
                log.warn("{} {} message(s) stay PENDING in notify_outbox: {} is not configured", waiting, c,
                        c == DeliveryChannel.EMAIL ? "no mail host (spring.mail.host / SLRT_MAIL_HOST)"
                                : "no gateway URL (SLRT_NOTIFY_" + c + "_URL)");
            }
        }
    }
}
