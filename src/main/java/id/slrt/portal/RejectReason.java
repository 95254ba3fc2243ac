package id.slrt.portal;

import java.util.Locale;

/**
 * Why a question is not published. PERSONAL_CASE: the asker describes their own case (a payment that
 * did not come, a wrong NIK): that is a complaint, and the asker is pointed at /pengaduan.
 */
public enum RejectReason {
    SPAM, PERSONAL_CASE, DUPLICATE, OFF_TOPIC;

    public String labelKey() {
        return "question.reject." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static RejectReason parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (RejectReason r : values()) {
            if (r.name().equalsIgnoreCase(value.trim())) {
                return r;
            }
        }
        return null;
    }
}
