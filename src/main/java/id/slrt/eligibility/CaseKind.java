package id.slrt.eligibility;

/**
 * EXCLUSION: eligible by the program's rules but not receiving (nor proposed); INCLUSION: receiving but
 * not eligible.
 */
public enum CaseKind {
    EXCLUSION, INCLUSION;

    public String labelKey() {
        return "eligibility.case.kind." + name();
    }

    public static CaseKind parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return valueOf(value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
