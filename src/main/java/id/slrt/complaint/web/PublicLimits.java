package id.slrt.complaint.web;

import id.slrt.complaint.ComplaintSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Per-client limits of the public complaint doors: at most N filings and M status checks per client
 * address within a sliding window (kept in memory: a restart forgets them, which is acceptable for a
 * brake on abuse). Behind a reverse proxy the client address comes from {@code X-Forwarded-For} only
 * when {@code server.forward-headers-strategy} is set.
 */
@Component
public class PublicLimits {
    public enum Door { FILING, STATUS }

    private static final int MAX_CLIENTS = 10_000;

    private final ComplaintSettings settings;
    private final Clock clock;
    private final Map<String, Deque<Instant>> hits = new ConcurrentHashMap<>();

    PublicLimits(ComplaintSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Counts one use of a door by a client; false when the client has used up its allowance. */
    public boolean tryAcquire(Door door, String client) {
        if (!settings.rateLimit()) {
            return true;
        }
        int allowed = door == Door.FILING ? settings.filingsPerWindow() : settings.checksPerWindow();
        Instant now = clock.instant();
        Instant since = now.minus(settings.window());
        if (hits.size() > MAX_CLIENTS) {
            // Many clients: forget those with nothing left in the window, so memory stays bounded.
            hits.values().removeIf(t -> t.isEmpty() || !t.peekLast().isAfter(since));
        }
        Deque<Instant> times = hits.computeIfAbsent(door + " " + client, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
                times.pollFirst();
            }
            if (times.size() >= allowed) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    /** Forgets every count (an operator unblocking a shared kiosk; tests). */
    public void reset() {
        hits.clear();
    }
}
