package id.slrt.referral;

import java.util.Set;

/** Sent → accepted or declined; accepted → completed with an outcome; staff may cancel while it is open. */
public enum ReferralStatus {
    SENT, ACCEPTED, DECLINED, COMPLETED, CANCELLED;

    public static final Set<ReferralStatus> OPEN = Set.of(SENT, ACCEPTED);

    public boolean open() {
        return OPEN.contains(this);
    }

    public String labelKey() {
        return "referral.status." + name();
    }
}
