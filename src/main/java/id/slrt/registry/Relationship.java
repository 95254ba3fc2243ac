package id.slrt.registry;

/**
 * Relationship to the head of the family (DTKS {@code HUB_KELUARGA} codes 1–8), with the ages that are
 * plausible for it; an age outside is a warning, not an error.
 */
public enum Relationship {
    KEPALA(1, 14, 120),
    ISTRI_SUAMI(2, 14, 120),
    ANAK(3, 0, 80),
    MENANTU(4, 14, 110),
    CUCU(5, 0, 70),
    ORANG_TUA(6, 30, 120),
    PEMBANTU(7, 14, 100),
    LAINNYA(8, 0, 120);

    private final int dtksCode;
    private final int minAge;
    private final int maxAge;

    Relationship(int dtksCode, int minAge, int maxAge) {
        this.dtksCode = dtksCode;
        this.minAge = minAge;
        this.maxAge = maxAge;
    }

    public int dtksCode() {
        return dtksCode;
    }

    public int minAge() {
        return minAge;
    }

    public int maxAge() {
        return maxAge;
    }

    public String labelKey() {
        return "relationship." + name();
    }

    public static Relationship parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim().toUpperCase().replace(' ', '_').replace('/', '_');
        for (Relationship r : values()) {
            if (r.name().equals(v) || String.valueOf(r.dtksCode).equals(v)) {
                return r;
            }
        }
        return switch (v) {
            case "KEPALA_KELUARGA", "KRT", "KK" -> KEPALA;
            case "ISTRI", "SUAMI" -> ISTRI_SUAMI;
            case "ORANG_TUA_MERTUA", "MERTUA", "ORANGTUA" -> ORANG_TUA;
            case "FAMILI_LAIN", "LAIN", "LAIN_LAIN" -> LAINNYA;
            default -> null;
        };
    }
}
