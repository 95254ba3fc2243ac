package id.slrt.access;

import java.time.Instant;
import java.util.UUID;

/** A named, long-lived API token as administrators see it (the secret is shown only once, at creation). */
public record ApiToken(UUID id, String name, UUID userId, String username, Instant createdAt, String createdBy,
                       Instant expiresAt, Instant revokedAt, String revokedBy, Instant lastUsedAt) {

    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
