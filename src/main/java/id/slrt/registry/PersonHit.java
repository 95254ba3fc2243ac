package id.slrt.registry;

import java.time.LocalDate;
import java.util.UUID;

/** A person found by search; {@code score} is the name similarity (1.0 for an exact NIK or KK match). */
public record PersonHit(UUID memberId, UUID householdId, String fullName, String nik, LocalDate birthDate,
                        String regionCode, String status, double score) {
}
