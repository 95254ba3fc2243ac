package id.slrt.complaint.web;

import id.slrt.complaint.ComplaintSettings;
import id.slrt.platform.ClientLimiter;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Per-client limits of the public complaint doors: at most N filings and M status checks per client
 * address within a sliding window (counted by {@link ClientLimiter}).
 */
@Component
public class PublicLimits {
    public enum Door { FILING, STATUS }

    private final ComplaintSettings settings;
    private final ClientLimiter limiter;

    PublicLimits(ComplaintSettings settings, Clock clock) {
        this.settings = settings;
        this.limiter = new ClientLimiter(clock);
    }

    /** Counts one use of a door by a client; false when the client has used up its allowance. */
    public boolean tryAcquire(Door door, String client) {
        if (!settings.rateLimit()) {
            return true;
        }
        int allowed = door == Door.FILING ? settings.filingsPerWindow() : settings.checksPerWindow();
        return limiter.tryAcquire(door + " " + client, allowed, settings.window());
    }

    /** Forgets every count (an operator unblocking a shared kiosk; tests). */
    public void reset() {
        limiter.reset();
    }
}
