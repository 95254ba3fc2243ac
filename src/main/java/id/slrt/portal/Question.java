package id.slrt.portal;

import java.time.Instant;
import java.util.UUID;

/**
 * A question as staff see it. {@code askedText} is what the asker typed (may name people: staff only);
 * {@code publicText} is the wording the public sees once published.
 */
public record Question(UUID id, String reference, String regionCode, String programCode, String askedText,
                       String publicText, String askerInitials, String answer, QuestionStatus status,
                       RejectReason rejectReason, String statusNote, Instant answeredAt, String answeredBy,
                       Instant publishedAt, String publishedBy, int version, Instant createdAt, Instant updatedAt,
                       String updatedBy) {

    public boolean hasAnswer() {
        return answer != null && !answer.isBlank();
    }
}
