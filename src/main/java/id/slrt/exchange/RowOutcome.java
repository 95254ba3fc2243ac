package id.slrt.exchange;

import java.util.Locale;

/** What became of one data row: saved, saved (or skipped) with warnings, or kept in the quarantine. */
public enum RowOutcome {
    ACCEPTED, WARNING, ERROR;

    /** {@code error}, {@code ERROR}, {@code errors}…; null for blank or unknown. */
    public static RowOutcome parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim().toUpperCase(Locale.ROOT);
        for (RowOutcome o : values()) {
            if (v.equals(o.name()) || v.equals(o.name() + "S")) {
                return o;
            }
        }
        return null;
    }
}
