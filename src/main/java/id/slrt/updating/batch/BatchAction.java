package id.slrt.updating.batch;

import java.util.Locale;
import java.util.Optional;

/**
 * Kind of change a batch row asks SIKS-NG to make ({@code jenis_usulan}). The constant name is the
 * Indonesian code written into the file; labels are message keys {@code batch.action.<CODE>}.
 */
public enum BatchAction {
    /** A new family (KK) enters DTKS. */
    TAMBAH_KELUARGA,
    /** A new member (ART) joins a family already in DTKS. */
    TAMBAH_ART,
    /** A member leaves the family (died, moved, wrongly listed). */
    HAPUS_ART,
    /** Corrected identity or address data. */
    PERBAIKAN,
    /** The family moved to another desa/kelurahan. */
    PINDAH,
    /** The family or member is proposed for a program. */
    USUL_PROGRAM,
    /** The family leaves DTKS. */
    HAPUS_DTKS,
    /** One KK split into two. */
    PECAH_KK,
    /** Two KK merged into one. */
    GABUNG_KK;

    /** The code written in the {@code jenis_usulan} column. */
    public String code() {
        return name();
    }

    /** Message key of the label shown to operators. */
    public String labelKey() {
        return "batch.action." + name();
    }

    /**
     * The action for a code, ignoring case, surrounding blanks, and spaces or hyphens written instead
     * of underscores ({@code "tambah art"}, {@code "Pecah-KK"}).
     */
    public static Optional<BatchAction> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normal = code.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        for (BatchAction action : values()) {
            if (action.name().equals(normal)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
