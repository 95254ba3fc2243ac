package id.slrt.complaint;

import java.util.UUID;

/** An overdue complaint went up a level: 1 to the kecamatan's supervisors, 2 to the district's managers. */
public record ComplaintEscalated(UUID complaintId, String regionCode, int level) {
}
