package id.slrt.referral.internal;

import id.slrt.audit.AuditLog;
import id.slrt.audit.Change;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Audits a refused referral step or link use in its own transaction, so the record survives the rollback. */
@Component
public class ReferralDenials {
    private final AuditLog audit;

    ReferralDenials(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String action, String referralId, String regionCode, String why) {
        audit.record("REFERRAL_DENIED", "referral", referralId, regionCode, Map.of("action", new Change(null, action)),
                why);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAs(AuditLog.Actor actor, String action, String referralId, String regionCode, String why) {
        audit.recordAs(actor, "REFERRAL_DENIED", "referral", referralId, regionCode,
                Map.of("action", new Change(null, action)), why);
    }
}
