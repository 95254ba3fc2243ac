package id.slrt.portal;

import java.util.Locale;

/** Where a public question stands: NEW waits for staff; only PUBLISHED is shown to the public. */
public enum QuestionStatus {
    NEW, PUBLISHED, REJECTED, UNPUBLISHED;

    public String labelKey() {
        return "question.status." + name().toLowerCase(Locale.ROOT);
    }

    /** The status named by {@code value}, or null when blank or unknown. */
    public static QuestionStatus parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (QuestionStatus s : values()) {
            if (s.name().equalsIgnoreCase(value.trim())) {
                return s;
            }
        }
        return null;
    }
}
