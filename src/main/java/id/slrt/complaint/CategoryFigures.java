package id.slrt.complaint;

/**
 * Oversight figures of one complaint category in the caller's scope: the backlog now (open, of which past
 * their deadline) and the period's work (filed in it, of those resolved, and the median days from filing to
 * resolution of those resolved; null when none was).
 */
public record CategoryFigures(ComplaintCategory category, long open, long overdue, long filed, long resolved,
                              Double medianDaysToResolve) {
}
