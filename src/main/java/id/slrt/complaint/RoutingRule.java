package id.slrt.complaint;

import java.time.Instant;

/** Where new complaints of a category go; {@code agencyCode} only with {@link RouteTarget#AGENCY}. */
public record RoutingRule(ComplaintCategory category, RouteTarget target, String agencyCode, Instant updatedAt,
                          String updatedBy) {
}
