package id.slrt.registry;

import java.time.Instant;
import java.util.UUID;

/** A change to a household or one of its members: {@code changes} is {"field": {"from", "to"}}. */
public record HistoryEntry(Instant at, String actor, String entityType, UUID entityId, String action, String changes,
                           String reason) {
}
