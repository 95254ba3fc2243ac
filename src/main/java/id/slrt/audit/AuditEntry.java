package id.slrt.audit;

import java.time.Instant;
import java.util.UUID;

/** One audit row. {@code changes} is JSON: {"field": {"from": old, "to": new}, ...}. */
public record AuditEntry(UUID id, Instant at, String actor, UUID actorId, String actorRole, String clientIp,
                         String action, String entityType, String entityId, String regionCode,
                         String changes, String detail) {
}
