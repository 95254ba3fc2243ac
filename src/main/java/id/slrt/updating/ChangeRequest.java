package id.slrt.updating;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A proposed change to the registry. {@code base} holds, per field key, the value the maker saw when
 * the request was made; {@code proposed} the value asked for. Field keys are flat:
 * {@code household.address}, {@code member.<id>.fullName}, {@code new.0.nik}, {@code ppks.LUT.<member id>},
 * {@code program.PKH.household} (see {@link FieldKeys}). {@code returns} holds the supervisor's reason per
 * field (key {@code ""} for the whole request) from the last return. {@code appliedValues} and
 * {@code appliedMembers} remember what an earlier application changed and which member each added row
 * became, so a request sent back by Kemensos is applied again as a correction, not a second addition.
 */
public record ChangeRequest(UUID id, String number, String regionCode, ChangeKind kind, RequestStatus status,
                            UUID householdId, Integer baseVersion, Map<String, String> base,
                            Map<String, String> proposed, String subject, String reason, List<StoredIssue> issues,
                            Map<String, String> returns, UUID musdesId, UUID batchId, Instant dueAt, UUID makerId,
                            String maker, String makerRole, Instant submittedAt, String verifier, Instant verifiedAt,
                            String applier, Instant appliedAt, UUID resultHouseholdId, int version, Instant createdAt,
                            Instant updatedAt, String updatedBy, Map<String, String> appliedValues,
                            Map<String, String> appliedMembers) {

    /** A validation finding on a proposal, kept with it so every reviewer sees what the maker saw. */
    public record StoredIssue(String key, String code, String severity, List<String> args) {
        public boolean error() {
            return "ERROR".equals(severity);
        }
    }

    /** Whether this request changed the registry before (and came back, e.g. rejected by Kemensos). */
    public boolean appliedBefore() {
        return appliedValues != null && !appliedValues.isEmpty();
    }

    public boolean hasErrors() {
        return issues.stream().anyMatch(StoredIssue::error);
    }

    public boolean overdue(Instant now) {
        return dueAt != null && dueAt.isBefore(now) && RequestStatus.OPEN.contains(status);
    }
}
