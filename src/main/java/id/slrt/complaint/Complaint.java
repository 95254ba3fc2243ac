package id.slrt.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A complaint or need. {@code subjectNik} names the person concerned when not the complainant;
 * {@code memberId}/{@code householdId} link the registry's person when one was found by NIK. Due dates are
 * the last working day (district time) by which it must be acknowledged and resolved.
 */
public record Complaint(UUID id, String trackingCode, String regionCode, Channel channel, String complainantName,
                        String complainantPhone, String complainantNik, String subjectNik, UUID memberId,
                        UUID householdId, ComplaintCategory category, ComplaintType type, String description,
                        ComplaintStatus status, String assignee, LocalDate acknowledgeDue, LocalDate resolveDue,
                        Instant acknowledgedAt, Instant resolvedAt, Instant closedAt, String resolution, int version,
                        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    /** The NIK of the person the complaint is about: the subject's, else the complainant's. */
    public String personNik() {
        return subjectNik != null ? subjectNik : complainantNik;
    }

    /** Past the date its current stage was due (acknowledging while received, resolving while open). */
    public boolean overdue(LocalDate today) {
        if (status == ComplaintStatus.RECEIVED && acknowledgeDue.isBefore(today)) {
            return true;
        }
        return status.open() && resolveDue.isBefore(today);
    }
}
