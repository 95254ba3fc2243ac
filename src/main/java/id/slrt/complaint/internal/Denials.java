package id.slrt.complaint.internal;

import id.slrt.audit.AuditLog;
import id.slrt.audit.Change;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Audits a refused complaint step in its own transaction, so the record survives the step's rollback. */
@Component
public class Denials {
    private final AuditLog audit;

    Denials(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String action, UUID complaintId, String regionCode, String why) {
        audit.record("COMPLAINT_DENIED", "complaint", complaintId.toString(), regionCode,
                Map.of("action", new Change(null, action)), why);
    }
}
