package id.slrt.eligibility;

import java.time.Instant;
import java.util.UUID;

/** One version of a named rule of a program. Versions are never changed; a save adds the next one. */
public record EligibilityRule(UUID id, String programCode, String name, int version, String text, String note,
                              boolean active, String author, Instant createdAt) {
}
