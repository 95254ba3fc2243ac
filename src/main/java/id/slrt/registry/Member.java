package id.slrt.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A member of a household (anggota rumah tangga). {@code nik} is null only with {@code noNikReason}. */
public record Member(UUID id, UUID householdId, String regionCode, String nik, String noNikReason, String fullName,
                     String birthPlace, LocalDate birthDate, Sex sex, Relationship relationship, String maritalStatus,
                     String education, String occupation, String disability, String motherName, String phone,
                     String status, LocalDate statusDate, String statusReason, String quality, int version,
                     Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    public static final java.util.List<String> STATUSES = java.util.List.of("ACTIVE", "DIED", "MOVED_OUT", "DUPLICATE");
    public static final java.util.List<String> MARITAL = java.util.List.of("BELUM_KAWIN", "KAWIN", "CERAI_HIDUP", "CERAI_MATI");

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
