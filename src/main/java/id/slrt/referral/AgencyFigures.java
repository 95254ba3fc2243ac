package id.slrt.referral;

/**
 * Oversight figures of one partner agency in the caller's scope: referrals waiting on it now (sent or
 * accepted) and of those past their deadline; of the referrals made in the period, how many it completed,
 * with the outcome resolved, declined, and the median days from referral to completion (null when none).
 */
public record AgencyFigures(String agencyCode, String agencyName, long open, long overdue, long referred,
                            long completed, long resolved, long declined, Double medianDaysToComplete) {
}
