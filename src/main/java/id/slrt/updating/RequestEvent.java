package id.slrt.updating;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One step on a request's timeline: who did what, when, from which status to which, and why. */
public record RequestEvent(UUID id, UUID requestId, Instant at, String actor, String actorRole, String action,
                           RequestStatus fromStatus, RequestStatus toStatus, String reason, Map<String, String> details) {
}
