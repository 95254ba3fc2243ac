package id.slrt.audit;

import java.time.Instant;

/** Filters of the audit search; null or blank means "any". */
public record AuditQuery(String actor, String entityType, String entityId, String action, Instant from, Instant to) {
}
