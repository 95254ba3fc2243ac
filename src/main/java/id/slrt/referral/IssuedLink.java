package id.slrt.referral;

import java.time.Instant;
import java.util.UUID;

/** A link just issued: the token is shown this once (only its hash is kept). */
public record IssuedLink(UUID referralId, String token, Instant expiresAt) {
}
