package id.slrt.updating;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A pemutakhiran period of the district: from {@code opensOn}, desas submit until {@code desaCutoff},
 * kecamatan supervisors verify until {@code kecamatanCutoff}, the district applies until
 * {@code districtCutoff} (each the last day, in the district's time zone).
 */
public record UpdatePeriod(UUID id, String regionCode, String name, LocalDate opensOn, LocalDate desaCutoff,
                           LocalDate kecamatanCutoff, LocalDate districtCutoff, int version, Instant createdAt,
                           String createdBy, Instant updatedAt, String updatedBy) {

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(opensOn) && !day.isAfter(districtCutoff);
    }

    /** The cut-off that bounds a deadline for the one who must act next. */
    public enum Cutoff {
        DESA, KECAMATAN, DISTRICT;

        public String labelKey() {
            return "period.cutoff." + name();
        }
    }

    public LocalDate cutoff(Cutoff which) {
        return switch (which) {
            case DESA -> desaCutoff;
            case KECAMATAN -> kecamatanCutoff;
            case DISTRICT -> districtCutoff;
        };
    }
}
