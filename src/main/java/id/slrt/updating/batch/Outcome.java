package id.slrt.updating.batch;

import java.util.Locale;
import java.util.Optional;

/** What Kemensos decided about one usulan. */
public enum Outcome {
    CONFIRMED,
    REJECTED;

    /**
     * The outcome a status value in a result file stands for, ignoring case, surrounding blanks and
     * whether words are joined by spaces or underscores: DITERIMA, DISETUJUI, VALID, CONFIRMED, OK;
     * DITOLAK, TIDAK VALID, REJECTED. Empty for anything else.
     */
    public static Optional<Outcome> fromStatus(String status) {
        if (status == null) {
            return Optional.empty();
        }
        String normal = status.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s_]+", "_");
        return switch (normal) {
            case "DITERIMA", "DISETUJUI", "VALID", "CONFIRMED", "OK" -> Optional.of(CONFIRMED);
            case "DITOLAK", "TIDAK_VALID", "REJECTED" -> Optional.of(REJECTED);
            default -> Optional.empty();
        };
    }
}
