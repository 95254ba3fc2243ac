package id.slrt.registry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A family as registered (one Kartu Keluarga), with the DTKS housing indicators it is known by. */
public record Household(UUID id, String regionCode, String noKk, String dtksId, String address, String rt, String rw,
                        String dusun, BigDecimal latitude, BigDecimal longitude, String houseOwnership,
                        BigDecimal floorAreaM2, String floorType, String wallType, String roofType, String waterSource,
                        String lighting, String cookingFuel, String toilet, Integer desil, LocalDate desilAsOf,
                        String status, LocalDate statusDate, String statusReason, String quality, int version,
                        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    /** Status values of a household. */
    public static final java.util.List<String> STATUSES = java.util.List.of("ACTIVE", "MOVED", "DISSOLVED", "DUPLICATE", "NOT_ELIGIBLE",
            "NOT_FOUND", "MERGED");
}
