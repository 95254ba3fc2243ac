package id.slrt.complaint;

import java.time.LocalDate;

/**
 * What the public status page may show about a complaint: its code, stage, category and dates; never who
 * filed it, for whom, or what they wrote.
 */
public record PublicStatus(String trackingCode, String regionCode, ComplaintStatus status, ComplaintCategory category, LocalDate filedOn,
                           LocalDate acknowledgeDue, LocalDate expectedBy, LocalDate doneOn) {
}
