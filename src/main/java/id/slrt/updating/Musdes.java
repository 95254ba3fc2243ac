package id.slrt.updating;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A village deliberation (musyawarah desa, or musyawarah kelurahan in a kelurahan) that agreed on the
 * desa's proposals; its minutes (berita acara) are a stored file found by {@code minutesSha256}.
 */
public record Musdes(UUID id, String regionCode, Kind kind, LocalDate heldOn, String place, int attendanceCount,
                     String chairedBy, String minutesSha256, String minutesName, String minutesType, Long minutesSize,
                     String notes, int version, Instant createdAt, String createdBy, Instant updatedAt,
                     String updatedBy) {

    public enum Kind {
        MUSDES, MUSKEL;

        public String labelKey() {
            return "musdes.kind." + name();
        }

        public static Kind parse(String s) {
            for (Kind k : values()) {
                if (k.name().equalsIgnoreCase(s == null ? "" : s.trim())) {
                    return k;
                }
            }
            return null;
        }
    }

    public boolean hasMinutes() {
        return minutesSha256 != null;
    }
}
