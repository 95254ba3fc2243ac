package id.slrt.registry;

import java.time.Instant;
import java.util.UUID;

/** A bank account bansos is paid into (on a member, usually the head). */
public record BankAccount(UUID id, UUID householdId, UUID memberId, String bankCode, String accountNumber,
                          String holderName, boolean verified, boolean active, Instant createdAt, String createdBy) {
}
