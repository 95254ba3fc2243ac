package id.slrt.portal.web;

import id.slrt.platform.ClientLimiter;
import id.slrt.portal.QuestionSettings;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** The per-client limit of asking, shared by the public form and {@code POST /api/v1/questions}. */
@Component
public class AskLimits {
    private final QuestionSettings settings;
    private final ClientLimiter limiter;

    AskLimits(QuestionSettings settings, Clock clock) {
        this.settings = settings;
        this.limiter = new ClientLimiter(clock);
    }

    boolean tryAcquire(String client) {
        return !settings.rateLimit() || limiter.tryAcquire(client, settings.perWindow(), settings.window());
    }

    /** Forgets every count (tests; an operator unblocking a shared kiosk). */
    public void reset() {
        limiter.reset();
    }
}
