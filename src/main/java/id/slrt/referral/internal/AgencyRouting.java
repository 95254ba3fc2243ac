package id.slrt.referral.internal;

import id.slrt.complaint.ComplaintRoutedToAgency;
import id.slrt.platform.Scopes;
import id.slrt.platform.Texts;
import id.slrt.referral.NewReferral;
import id.slrt.referral.Referral;
import id.slrt.referral.ReferralService;
import id.slrt.shared.CurrentActor;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A category whose rule says "straight to a partner agency" (complaint routing): once the filing is
 * committed, the referral to that agency is made through the same door staff use
 * ({@link ReferralService#referComplaint}), with its number, letter, deadlines, timeline and audit. It runs
 * in its own transaction in the district's scope: a referral that cannot be made (an agency code unknown or
 * inactive) never undoes the filing; the complaint stays with the back-office operator routing gave it to,
 * who refers it by hand, and the log says why.
 */
@Component
class AgencyRouting {
    private static final Logger log = LoggerFactory.getLogger(AgencyRouting.class);
    /** The routing rule acting, on the district's behalf; the audit names it "system". */
    static final String ACTOR = "system:routing";

    private final ReferralService referrals;
    private final Scopes scopes;
    private final Texts texts;
    private final TransactionTemplate newTransaction;

    AgencyRouting(ReferralService referrals, Scopes scopes, Texts texts, PlatformTransactionManager transactions) {
        this.referrals = referrals;
        this.scopes = scopes;
        this.texts = texts;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener
    void on(ComplaintRoutedToAgency routed) {
        try {
            Referral r = scopes.asDistrict(() -> newTransaction.execute(s -> referrals.referComplaint(
                    routed.complaintId(), new NewReferral(routed.agencyCode(), null, null,
                            texts.get(Texts.INDONESIAN, "referral.routed.requested-action"), null, null),
                    new RoutingActor(scopes.district()))));
            log.info("Complaint {} routed to agency {}: referral {}", routed.complaintId(), routed.agencyCode(),
                    r == null ? "?" : r.number());
        } catch (RuntimeException e) {
            log.warn("Complaint {} is routed to agency {} but no referral could be made ({}); the back office refers"
                    + " it by hand", routed.complaintId(), routed.agencyCode(), e.getMessage());
        }
    }

    /** The routing rule as the one who refers: the district's back office, by rule. */
    private record RoutingActor(String regionScope) implements CurrentActor {
        @Override
        public UUID userId() {
            return null;
        }

        @Override
        public String username() {
            return ACTOR;
        }

        @Override
        public String role() {
            return "OPERATOR_SLRT";
        }

        @Override
        public String fullName() {
            return ACTOR;
        }
    }
}
