package id.slrt.complaint.internal;

import id.slrt.access.Role;
import id.slrt.access.UserContact;
import id.slrt.access.UserService;
import id.slrt.platform.DbScope;
import id.slrt.platform.Scopes;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
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
    /** How long a handler's open-complaint count is trusted before it is counted again. */
    static final long LOAD_TTL_NANOS = 30_000_000_000L;
    private final Map<String, Load> loads = new ConcurrentHashMap<>();

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

    /**
     * Of the role's users covering {@code regionCode}, the one with the fewest open complaints (then by name).
     * The counts are remembered for {@link #LOAD_TTL_NANOS} and the chosen one's count goes up at once: counting a
     * handler's open complaints at every filing cost 160 ms a filing at a million complaints (bench/README.md,
     * "Pengaduan"), and spreading new work evenly does not need an exact count.
     */
    public String leastLoaded(Role role, String regionCode) {
        return inDistrict(() -> {
            List<String> names = users.contactsCovering(role, regionCode).stream().map(UserContact::username).toList();
            long now = System.nanoTime();
            List<String> stale = names.stream().filter(n -> {
                Load l = loads.get(n);
                return l == null || now - l.countedAt() > LOAD_TTL_NANOS;
            }).toList();
            if (!stale.isEmpty()) {
                Map<String, Long> counted = complaints.openCountsByAssignee(stale);
                stale.forEach(n -> loads.put(n, new Load(new AtomicLong(counted.getOrDefault(n, 0L)), now)));
            }
            String chosen = names.stream().min(Comparator.<String>comparingLong(n -> load(n))
                    .thenComparing(Comparator.naturalOrder())).orElse(null);
            if (chosen != null) {
                loads.get(chosen).open().incrementAndGet();
            }
            return chosen;
        });
    }

    private long load(String username) {
        Load l = loads.get(username);
        return l == null ? 0 : l.open().get();
    }

    /** How many open complaints a handler had when counted, plus those given since. */
    private record Load(AtomicLong open, long countedAt) {
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
