package id.slrt.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A referral: from a complaint or a household, to an agency, about one person (name, NIK and address copied
 * for the letter: the agency has no registry access). {@code acceptDue} is the last working day to answer,
 * {@code dueDate} the last to report the outcome.
 */
public record Referral(UUID id, String number, String regionCode, String agencyCode, String source, UUID complaintId,
                       UUID householdId, UUID memberId, String subjectName, String subjectNik, String subjectAddress,
                       String reason, String requestedAction, String contactName, String contactPhone,
                       ReferralStatus status, LocalDate acceptDue, LocalDate dueDate, Instant acceptedAt,
                       Instant answeredAt, String declineReason, Instant completedAt, Outcome outcome,
                       String outcomeNote, String outcomeSha256, String outcomeFile, String outcomeType,
                       Long outcomeSize, Instant cancelledAt, String cancelReason, UUID previousId, UUID nextId,
                       int version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    /** No answer by the day to accept. */
    public boolean answerOverdue(LocalDate today) {
        return status == ReferralStatus.SENT && acceptDue.isBefore(today);
    }

    /** No outcome by the due date. */
    public boolean outcomeOverdue(LocalDate today) {
        return status.open() && dueDate.isBefore(today);
    }

    public boolean overdue(LocalDate today) {
        return answerOverdue(today) || outcomeOverdue(today);
    }

    /** The NIK as partners see it: only the last four digits. */
    public String maskedNik() {
        return mask(subjectNik);
    }

    public static String mask(String nik) {
        if (nik == null || nik.length() < 4) {
            return nik == null ? null : "****";
        }
        return "*".repeat(nik.length() - 4) + nik.substring(nik.length() - 4);
    }
}
