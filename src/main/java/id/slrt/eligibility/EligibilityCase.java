package id.slrt.eligibility;

import java.time.Instant;
import java.util.UUID;

/**
 * A household a run found for a program, with why ({@code reason}: the rule clauses that decided),
 * the head's name for the list, and the change request made from it, if any.
 */
public record EligibilityCase(UUID runId, String programCode, UUID householdId, String regionCode, CaseKind kind,
                              String reason, String headName, String noKk, UUID requestId, String requestNumber,
                              String actedBy, Instant actedAt) {
}
