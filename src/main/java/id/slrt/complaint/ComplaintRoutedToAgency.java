package id.slrt.complaint;

import java.util.UUID;

/**
 * A new complaint was routed straight to a partner agency by its category's rule ({@code agencyCode} as the
 * routing table holds it). The referral module listens and opens the referral.
 */
public record ComplaintRoutedToAgency(UUID complaintId, String agencyCode) {
}
