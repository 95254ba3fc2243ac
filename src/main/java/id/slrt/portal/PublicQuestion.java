package id.slrt.portal;

import java.time.Instant;

/** A published question as the public sees it: the public wording, the answer, initials at most. */
public record PublicQuestion(String reference, String programCode, String question, String answer,
                             String askerInitials, Instant publishedAt) {
}
