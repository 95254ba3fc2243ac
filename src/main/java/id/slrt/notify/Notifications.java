package id.slrt.notify;

import id.slrt.audit.AuditLog;
import id.slrt.audit.Change;
import id.slrt.notify.internal.OutboxRepository;
import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import id.slrt.platform.Texts;
import id.slrt.shared.Ids;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues outgoing messages in the caller's transaction; delivery happens later, from the outbox. Message texts
 * are templates in the message files ({@code notify.template.*}), rendered in Indonesian by {@link #render}.
 */
@Service
public class Notifications {
    public static final String ENTITY = "notification";
    private static final String TEMPLATE_PREFIX = "notify.template.";

    private final OutboxRepository outbox;
    private final Clock clock;
    private final Environment env;
    private final NotifySettings settings;
    private final Texts texts;
    private final AuditLog audit;

    Notifications(OutboxRepository outbox, Clock clock, Environment env, NotifySettings settings, Texts texts,
                  AuditLog audit) {
        this.outbox = outbox;
        this.clock = clock;
        this.env = env;
        this.settings = settings;
        this.texts = texts;
        this.audit = audit;
    }

    /**
     * Whether each channel can leave the server, and how many emails wait in the caller's scope
     * ({@code pending}: not yet sent and not given up).
     */
    public record DeliveryStatus(boolean mailConfigured, boolean smsConfigured, boolean whatsappConfigured,
                                 long pending) {
    }

    /** Queues an email unless one with the same dedup key exists; true when this call queued it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean queue(Email email) {
        return outbox.insertIfNew(Ids.newId(), email, clock.instant());
    }

    /** Queues an SMS or WhatsApp message unless one with the same dedup key exists; true when this call queued it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean queue(TextMessage message) {
        return outbox.insertIfNew(Ids.newId(), message, clock.instant());
    }

    /** The Indonesian text of template {@code key} ({@code notify.template.<key>} in the message files). */
    public String render(String key, Object... args) {
        return texts.get(Texts.INDONESIAN, TEMPLATE_PREFIX + key, args);
    }

    /** Messages whose dedup key starts with {@code prefix} (e.g. everything about one request), oldest first. */
    @Transactional(readOnly = true)
    public List<OutboxMessage> byDedupPrefix(String prefix) {
        return outbox.byDedupPrefix(prefix);
    }

    @Transactional(readOnly = true)
    public DeliveryStatus status() {
        return new DeliveryStatus(mailConfigured(env), settings.sms().configured(), settings.whatsapp().configured(),
                outbox.countUndelivered(DeliveryChannel.EMAIL));
    }

    /** Whether messages of {@code channel} can leave the server at all. */
    public boolean configured(DeliveryChannel channel) {
        return channel == DeliveryChannel.EMAIL ? mailConfigured(env) : settings.gateway(channel).configured();
    }

    // --- the delivery list (administrators) ---------------------------------------------------------

    @Transactional(readOnly = true)
    public Paged<OutboxMessage> list(OutboxQuery query, int page, int size) {
        return outbox.list(query, page, size);
    }

    /** Messages per status and channel in the caller's scope. */
    @Transactional(readOnly = true)
    public Map<String, Map<String, Long>> counts() {
        return outbox.counts();
    }

    @Transactional(readOnly = true)
    public Optional<OutboxMessage> find(UUID id) {
        return outbox.find(id);
    }

    /**
     * Sends a message that was given up (DEAD) again: back to PENDING with a fresh count of attempts, due now.
     * Anything else is refused: a FAILED one is retried anyway, a SENT one is not sent twice.
     */
    @Transactional
    public OutboxMessage retry(UUID id) {
        OutboxMessage m = outbox.find(id).orElseThrow(() -> ProblemException.notFound("notify.not-found"));
        if (!OutboxStatus.DEAD.name().equals(m.status())) {
            throw ProblemException.conflict("notify.retry.not-dead");
        }
        if (!outbox.requeue(id, clock.instant())) {
            throw ProblemException.conflict("notify.retry.not-dead");
        }
        audit.record("NOTIFICATION_RETRIED", ENTITY, id.toString(), m.regionCode(),
                Map.of("status", new Change(m.status(), OutboxStatus.PENDING.name()),
                        "attempts", new Change(String.valueOf(m.attempts()), "0")), m.dedupKey());
        return outbox.find(id).orElseThrow();
    }

    /** Email goes out only where an SMTP host is set ({@code spring.mail.host}); otherwise messages stay pending. */
    public static boolean mailConfigured(Environment env) {
        String host = env.getProperty("spring.mail.host");
        return host != null && !host.isBlank();
    }
}
