package id.slrt.updating.internal;

import id.slrt.audit.AuditLog;
import id.slrt.audit.Change;
import id.slrt.shared.CurrentActor;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audits a refused workflow step in its own transaction, so the record survives the rollback of the
 * step that was refused (who tried what on which request, and why it was refused).
 */
@Component
public class DeniedSteps {
    private final AuditLog audit;

    DeniedSteps(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String action, UUID requestId, String regionCode, String why, CurrentActor by) {
        audit.record("UPDATING_DENIED", "change_request", requestId.toString(), regionCode,
                Map.of("action", new Change(null, action)), why);
    }

    /** A refused step on a SIKS-NG batch ({@code batchId} null when building one). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordBatch(String action, UUID batchId, String why, CurrentActor by) {
        audit.record("SIKSNG_DENIED", "siksng_batch", batchId == null ? null : batchId.toString(), null,
                Map.of("action", new Change(null, action)), why);
    }
}
