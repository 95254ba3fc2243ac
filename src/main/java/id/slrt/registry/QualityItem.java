package id.slrt.registry;

import java.util.UUID;

/** One open finding on the worklist, with what is needed to open its fix. */
public record QualityItem(UUID householdId, UUID memberId, String regionCode, String noKk, String personName, Issue issue) {
}
