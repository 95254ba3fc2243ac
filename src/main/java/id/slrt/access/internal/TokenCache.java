package id.slrt.access.internal;

import id.slrt.access.SlrtUser;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Remembers for a short while which user a bearer token stands for, so that a script's requests do
 * not each pay three database round trips to authenticate. Anything that could change the answer
 * (revoking a token, disabling or editing a user) empties it; in a deployment with several
 * application instances another instance may honour a revoked token for at most {@link #TTL}.
 */
@Component
public class TokenCache {
    static final Duration TTL = Duration.ofSeconds(30);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(SlrtUser user, Instant until) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    public SlrtUser get(String tokenHash, Instant now) {
        Entry e = entries.get(tokenHash);
        if (e == null) {
            return null;
        }
        if (!e.until().isAfter(now)) {
            entries.remove(tokenHash, e);
            return null;
        }
        return e.user();
    }

    /** Caches until the earlier of now + TTL and the token's own expiry (null: none). */
    public void put(String tokenHash, SlrtUser user, Instant now, Instant tokenExpiry) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        Instant until = now.plus(TTL);
        if (tokenExpiry != null && tokenExpiry.isBefore(until)) {
            until = tokenExpiry;
        }
        entries.put(tokenHash, new Entry(user, until));
    }

    public void clear() {
        entries.clear();
    }
}
