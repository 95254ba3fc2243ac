package id.slrt.complaint;

/**
 * Where a routing rule sends a new complaint: an operator of its desa, the district's SLRT back office, or a
 * partner agency (by the referral module's agency code; the back office follows it up).
 */
public enum RouteTarget {
    DESA_OPERATOR, BACK_OFFICE, AGENCY;

    public String labelKey() {
        return "complaint.route." + name();
    }
}
