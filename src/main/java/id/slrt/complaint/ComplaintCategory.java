package id.slrt.complaint;

import java.util.Arrays;
import java.util.Optional;

/** What a complaint is about: a program or payment problem, a data error, or a need (issue 6). */
public enum ComplaintCategory {
    PROGRAM_NOT_RECEIVED, PAYMENT_PROBLEM, DATA_ERROR, NEED_HEALTH, NEED_EDUCATION, NEED_DISABILITY_AID, NEED_FOOD,
    NEED_HOUSING, NEED_ID_DOCUMENTS, OTHER;

    public String labelKey() {
        return "complaint.category." + name();
    }

    public static Optional<ComplaintCategory> parse(String value) {
        return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(value == null ? "" : value.trim()))
                .findFirst();
    }
}
