package id.slrt.access;

import java.time.Instant;
import java.util.UUID;

/** A user as administrators see it (never the password hash). */
public record UserAccount(UUID id, String username, String fullName, String email, String phone, Role role,
                          String regionCode, String agency, boolean enabled, boolean mustChangePassword,
                          int failedLogins, Instant lockedUntil, Instant lastLoginAt, int version,
                          Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public SlrtUser toPrincipal() {
        return new SlrtUser(id, username, fullName, role.name(), regionCode, agency, mustChangePassword);
    }
}
