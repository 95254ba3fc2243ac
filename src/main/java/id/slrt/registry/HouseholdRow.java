package id.slrt.registry;

import java.time.Instant;
import java.util.UUID;

/** One line of the household list. */
public record HouseholdRow(UUID id, String noKk, String headName, String headNik, String regionCode, String quality,
                           String status, int memberCount, Instant updatedAt) {
}
