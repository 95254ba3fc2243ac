package id.slrt.complaint;

import java.util.UUID;

/**
 * A complaint reached a stage: filed ({@code from} null, {@code to} RECEIVED), acknowledged, in progress,
 * referred, resolved or closed. Published in the transaction of the change; carries no personal data.
 */
public record ComplaintStageChanged(UUID complaintId, String trackingCode, String regionCode, ComplaintStatus from,
                                    ComplaintStatus to) {
}
