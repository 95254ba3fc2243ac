package id.slrt.shared;

import java.util.UUID;

/**
 * Who is acting: implemented by the authenticated principal. {@code regionScope} is the region
 * code prefix the actor may see (e.g. {@code 1409} district, {@code 140901} kecamatan).
 */
public interface CurrentActor {
    UUID userId();

    String username();

    String role();

    String regionScope();

    String fullName();

    /**
     * The partner agency (its code) whose referrals alone this actor may see, or null when the actor is not
     * limited to one agency (staff). A partner user without an agency gets "" and sees none.
     */
    default String agencyLimit() {
        return null;
    }
}
