package id.slrt.exchange;

import java.util.Locale;

/**
 * What an import does with a household whose people are already in the registry (matched by NIK):
 * leave it and say so, update the changed fields directly through the registry's own update (only for
 * roles the district lets edit the registry directly), or propose the changes as change requests that
 * the kecamatan supervisor verifies (maker-checker).
 */
public enum ExistingPeople {
    SKIP, UPDATE, REQUEST;

    public String labelKey() {
        return "import.existing." + name();
    }

    /** The choice named by a request parameter, any case; {@code fallback} when blank, null if none matches. */
    public static ExistingPeople parse(String value, ExistingPeople fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
