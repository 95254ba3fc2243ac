package id.slrt.complaint;

import java.time.Instant;
import java.util.UUID;

/** One step on a complaint's timeline: who did what, when, from which status to which, with what note. */
public record ComplaintEvent(UUID id, UUID complaintId, Instant at, String actor, String actorRole, String action,
                             ComplaintStatus fromStatus, ComplaintStatus toStatus, String note) {
}
