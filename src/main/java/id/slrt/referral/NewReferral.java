package id.slrt.referral;

import java.util.UUID;

/**
 * What staff fill in to refer: the agency (its code), for a household the member concerned (the head when
 * empty), why and what the agency is asked to do, and whom the agency may contact.
 */
public record NewReferral(String agencyCode, UUID memberId, String reason, String requestedAction, String contactName,
                          String contactPhone) {

    public static NewReferral empty() {
        return new NewReferral(null, null, null, null, null, null);
    }
}
