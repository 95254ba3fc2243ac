package id.slrt.complaint.internal;

import id.slrt.access.Role;
import id.slrt.access.UserContact;
import id.slrt.access.UserService;
import id.slrt.platform.DbScope;
import id.slrt.platform.Scopes;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may handle a complaint of a desa: enabled users of the handling roles whose scope covers it, looked up
 * in the district's scope (a desa operator filing a walk-in cannot see the back office's accounts, yet the
 * complaint may be routed there). Only user names and open-complaint counts leave this lookup.
 */
@Component
public class Handlers {
    private final UserService users;
    private final ComplaintRepository complaints;
    private final Scopes scopes;
    private final TransactionTemplate separateRead;

    Handlers(UserService users, ComplaintRepository complaints, Scopes scopes, PlatformTransactionManager transactions) {
        this.users = users;
        this.complaints = complaints;
        this.scopes = scopes;
        this.separateRead = new TransactionTemplate(transactions);
        separateRead.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        separateRead.setReadOnly(true);
    }

    /** User names of the roles' users covering {@code regionCode}, in the roles' order, without repeats. */
    public List<String> covering(List<Role> roles, String regionCode) {
        return inDistrict(() -> roles.stream()
                .flatMap(role -> users.contactsCovering(role, regionCode).stream())
                .map(UserContact::username).distinct().toList());
    }

    /** Of the role's users covering {@code regionCode}, the one with the fewest open complaints (then by name). */
    public String leastLoaded(Role role, String regionCode) {
        return inDistrict(() -> {
            List<String> names = users.contactsCovering(role, regionCode).stream().map(UserContact::username).toList();
            Map<String, Long> load = complaints.openCountsByAssignee(names);
            return names.stream().min(Comparator.<String>comparingLong(n -> load.getOrDefault(n, 0L))
                    .thenComparing(Comparator.naturalOrder())).orElse(null);
        });
    }

    /**
     * Runs a read in the district's scope: inside the caller's transaction when that already runs as the district
     * (the public door, scheduled jobs, district staff), else in a separate short read-only transaction. The
     * separate one takes a second connection while the caller's is held, so callers on busy paths look handlers
     * up before opening their own transaction.
     */
    private <T> T inDistrict(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && scopes.district().equals(DbScope.current())) {
            return work.get();
        }
        return scopes.asDistrict(() -> separateRead.execute(s -> work.get()));
    }
}
