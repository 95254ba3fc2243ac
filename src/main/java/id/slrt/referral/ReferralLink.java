package id.slrt.referral;

import java.time.Instant;
import java.util.UUID;

/** A single-referral link as staff see it (never the token: only its hash is kept). */
public record ReferralLink(UUID id, UUID referralId, Instant createdAt, String createdBy, Instant expiresAt,
                           Instant revokedAt, String revokedBy, Instant lastUsedAt) {

    public boolean active(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
