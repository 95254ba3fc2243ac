package id.slrt.referral;

/**
 * Filters of the referral list: status ({@code OPEN} = sent or accepted, empty = any), agency code, a region
 * prefix, only overdue ones. Overdue ones come first. Scope and agency are not filters: row-level security
 * limits the list.
 */
public record ReferralQuery(String status, String agency, String region, boolean overdue) {
}
