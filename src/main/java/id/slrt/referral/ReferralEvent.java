package id.slrt.referral;

import java.time.Instant;
import java.util.UUID;

/** One step on a referral's timeline. */
public record ReferralEvent(UUID id, UUID referralId, Instant at, String actor, String actorRole, String action,
                            ReferralStatus fromStatus, ReferralStatus toStatus, String note) {
}
