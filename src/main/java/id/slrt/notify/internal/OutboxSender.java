package id.slrt.notify.internal;

import id.slrt.notify.Notifications;
import id.slrt.platform.Scopes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox. Without an SMTP host ({@code spring.mail.host}) nothing leaves the server:
 * messages stay PENDING, the log says so when their number changes, and the update-period page shows
 * it. This build carries no mail transport yet (Spring Mail is not among its dependencies), so even
 * with a host set the messages wait, with a warning, rather than being marked sent.
 */
@Component
class OutboxSender {
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final Environment env;
    private final Scopes scopes;
    private final TransactionTemplate tx;
    private final OutboxRepository outbox;
    private long lastReported = -1;

    OutboxSender(Environment env, Scopes scopes, TransactionTemplate tx, OutboxRepository outbox) {
        this.env = env;
        this.scopes = scopes;
        this.tx = tx;
        this.outbox = outbox;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT5M")
    void deliver() {
        long pending = scopes.asDistrict(() -> tx.execute(s -> outbox.countPending()));
        if (pending == lastReported) {
            return;
        }
        lastReported = pending;
        if (pending == 0) {
            return;
        }
        if (!Notifications.mailConfigured(env)) {
            log.warn("{} email(s) stay PENDING in notify_outbox: no mail host configured (spring.mail.host)", pending);
        } else {
            log.warn("{} email(s) stay PENDING in notify_outbox: spring.mail.host is set but this build has no mail"
                    + " transport yet", pending);
        }
    }
}
