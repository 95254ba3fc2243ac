package id.slrt.referral;

import java.util.Arrays;
import java.util.Optional;

/** What the agency reports at the end: solved, not solved, or another agency is needed. */
public enum Outcome {
    RESOLVED, NOT_RESOLVED, NEEDS_OTHER_AGENCY;

    public String labelKey() {
        return "referral.outcome." + name();
    }

    public static Optional<Outcome> parse(String value) {
        return Arrays.stream(values()).filter(o -> o.name().equalsIgnoreCase(value == null ? "" : value.trim()))
                .findFirst();
    }
}
