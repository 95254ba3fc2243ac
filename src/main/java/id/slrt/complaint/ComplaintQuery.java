package id.slrt.complaint;

/**
 * Filters of the complaint list: status (or {@code OPEN} for every open one), category, a region prefix,
 * assignee, only overdue ones; sort {@code due} (overdue first, then by resolve date), {@code newest},
 * {@code oldest}. Scope is not a filter here: row-level security limits the list.
 */
public record ComplaintQuery(String status, String category, String region, String assignee, boolean overdue,
                             String sort) {
}
