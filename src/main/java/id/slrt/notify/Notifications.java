package id.slrt.notify;

import id.slrt.notify.internal.OutboxRepository;
import id.slrt.shared.Ids;
import java.time.Clock;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Queues outgoing messages in the caller's transaction; delivery happens later, from the outbox. */
@Service
public class Notifications {
    private final OutboxRepository outbox;
    private final Clock clock;
    private final Environment env;

    Notifications(OutboxRepository outbox, Clock clock, Environment env) {
        this.outbox = outbox;
        this.clock = clock;
        this.env = env;
    }

    /** Whether email can leave the server, and how many messages wait in the caller's scope. */
    public record DeliveryStatus(boolean mailConfigured, long pending) {
    }

    /** Queues an email unless one with the same dedup key exists; true when this call queued it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean queue(Email email) {
        return outbox.insertIfNew(Ids.newId(), email, clock.instant());
    }

    /** Messages whose dedup key starts with {@code prefix} (e.g. everything about one request), oldest first. */
    @Transactional(readOnly = true)
    public List<OutboxMessage> byDedupPrefix(String prefix) {
        return outbox.byDedupPrefix(prefix);
    }

    @Transactional(readOnly = true)
    public DeliveryStatus status() {
        return new DeliveryStatus(mailConfigured(env), outbox.countPending());
    }

    /** Email goes out only where an SMTP host is set ({@code spring.mail.host}); otherwise messages stay pending. */
    public static boolean mailConfigured(Environment env) {
        String host = env.getProperty("spring.mail.host");
        return host != null && !host.isBlank();
    }
}
