package id.slrt.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A complaint or need. {@code subjectNik} names the person concerned when not the complainant;
 * {@code memberId}/{@code householdId} link the registry's person when one was found by NIK. Due dates are
 * the last working day (district time) by which it must be acknowledged and resolved. {@code routeTarget} and
 * {@code agencyCode} say where its category's rule sent it at filing; {@code escalationLevel} how far it went up
 * when overdue (0 not, 1 the kecamatan's supervisors, 2 the managers), the last time at {@code escalatedAt}.
 */
public record Complaint(UUID id, String trackingCode, String regionCode, Channel channel, String complainantName,
                        String complainantPhone, String complainantNik, String subjectNik, UUID memberId,
                        UUID householdId, ComplaintCategory category, ComplaintType type, String description,
                        ComplaintStatus status, String assignee, LocalDate acknowledgeDue, LocalDate resolveDue,
                        Instant acknowledgedAt, Instant resolvedAt, Instant closedAt, String resolution, int version,
                        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
                        RouteTarget routeTarget, String agencyCode, int escalationLevel, Instant escalatedAt) {

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

    /** The label key of the escalation level ({@code complaint.escalation.1}…), null when not escalated. */
    public String escalationKey() {
        return escalationLevel == 0 ? null : "complaint.escalation." + escalationLevel;
    }
}
