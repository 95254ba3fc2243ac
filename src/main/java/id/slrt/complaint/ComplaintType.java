package id.slrt.complaint;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of keluhan in the SLRT complaint-handling SOP: a question, a suggestion, a complaint. */
public enum ComplaintType {
    PERTANYAAN, SARAN, PENGADUAN;

    public String labelKey() {
        return "complaint.type." + name();
    }

    public static Optional<ComplaintType> parse(String value) {
        return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(value == null ? "" : value.trim()))
                .findFirst();
    }
}
