package id.slrt.portal;

import java.time.Instant;

/** One step in a question's history: who did what, when, from which status to which. */
public record QuestionEvent(Instant at, String actor, String actorRole, String action, QuestionStatus fromStatus,
                            QuestionStatus toStatus, String note) {
}
