package id.slrt.updating;

import java.util.Set;

/**
 * Where a change request stands. The maker drafts and submits; the kecamatan supervisor verifies or
 * returns; the district SLRT operator applies or rejects; a SIKS-NG batch exports it and Kemensos'
 * result confirms it or sends it back to the desa as returned.
 */
public enum RequestStatus {
    DRAFT, SUBMITTED, RETURNED, VERIFIED, APPLIED, REJECTED, WITHDRAWN, EXPORTED, CONFIRMED;

    /** Still waiting for someone in the district (counts as open work). */
    public static final Set<RequestStatus> OPEN = Set.of(DRAFT, SUBMITTED, RETURNED, VERIFIED);

    /** The maker may still change the proposal. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }

    public String labelKey() {
        return "updating.status." + name();
    }
}
