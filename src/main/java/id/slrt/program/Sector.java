package id.slrt.program;

import java.util.Locale;

/** The program sectors of SLRT (the nine of the SLRT guideline, plus social rehabilitation). */
public enum Sector {
    HEALTH, EDUCATION, SOCIAL_ECONOMY, FOOD, ENERGY, AGRICULTURE, FISHERIES, HOUSING, CIVIL_REGISTRATION,
    SOCIAL_REHABILITATION;

    public String labelKey() {
        return "program.sector." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The sector named by {@code value}, or null for blank or unknown input. */
    public static Sector parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
