package id.slrt.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sliding-window count per key (a public door and a client address): at most {@code allowed} uses
 * within {@code window}. Kept in memory: a restart forgets the counts, which is acceptable for a brake on
 * abuse of public forms. Each public door owns its own instance, so resetting one forgets only its counts.
 * Behind a reverse proxy the client address comes from {@code X-Forwarded-For} only when
 * {@code server.forward-headers-strategy} is set.
 */
public final class ClientLimiter {
    private static final int MAX_KEYS = 10_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> hits = new ConcurrentHashMap<>();

    public ClientLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Counts one use by {@code key}; false (and not counted) when the key has used up its allowance. */
    public boolean tryAcquire(String key, int allowed, Duration window) {
        Instant now = clock.instant();
        Instant since = now.minus(window);
        if (hits.size() > MAX_KEYS) {
            // Many clients: forget those with nothing left in the window, so memory stays bounded.
            hits.values().removeIf(t -> t.isEmpty() || !t.peekLast().isAfter(since));
        }
        Deque<Instant> times = hits.computeIfAbsent(key, k -> new ArrayDeque<>());
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
