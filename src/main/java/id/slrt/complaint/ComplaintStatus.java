package id.slrt.complaint;

import java.util.Set;

/**
 * Where a complaint stands. Received → acknowledged → in progress → (referred →) resolved → closed;
 * a complaint that needs no handling (a duplicate, a question answered at once) may be closed with a
 * reason before it is resolved.
 */
public enum ComplaintStatus {
    RECEIVED, ACKNOWLEDGED, IN_PROGRESS, REFERRED, RESOLVED, CLOSED;

    /** Still waiting for someone to act. */
    public static final Set<ComplaintStatus> OPEN = Set.of(RECEIVED, ACKNOWLEDGED, IN_PROGRESS, REFERRED);

    public boolean open() {
        return OPEN.contains(this);
    }

    public String labelKey() {
        return "complaint.status." + name();
    }

    /** The plain-language stage for the public status page. */
    public String publicKey() {
        return "complaint.public.stage." + name();
    }
}
