package id.slrt.complaint.internal;

import id.slrt.access.Role;
import id.slrt.access.UserContact;
import id.slrt.access.UserService;
import id.slrt.access.UsersChanged;
import id.slrt.platform.DbScope;
import id.slrt.platform.Scopes;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Who may handle a complaint of a desa: enabled users of the handling roles whose scope covers it, looked up
 * in the district's scope (a desa operator filing a walk-in cannot see the back office's accounts, yet the
 * complaint may be routed there). Only user names and open-complaint counts leave this lookup.
 */
@Component
public class Handlers {
    private static final Logger log = LoggerFactory.getLogger(Handlers.class);
    private final UserService users;
    private final ComplaintRepository complaints;
    private final Scopes scopes;
    private final TransactionTemplate separateRead;
    /** How long a handler's open-complaint count is trusted before it is counted again. */
    static final long LOAD_TTL_NANOS = 30_000_000_000L;
    private final Map<String, Load> loads = new ConcurrentHashMap<>();
    private final Map<String, Contacts> contacts = new ConcurrentHashMap<>();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final ExecutorService recounts = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "complaint-handler-recount");
        t.setDaemon(true);
        return t;
    });

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
        return inDistrict(() -> roles.stream().flatMap(role -> names(role, regionCode).stream()).distinct().toList());
    }

    /**
     * Of the role's users covering {@code regionCode}, the one with the fewest open complaints (then by name).
     * Counting a handler's open complaints at every filing cost 160 ms a filing at a million complaints
     * (bench/README.md, "Pengaduan"), and spreading new work evenly does not need an exact count: a handler's
     * count is taken once, goes up at once when they are chosen, and is counted again in the background when
     * older than {@link #LOAD_TTL_NANOS}, by one refresh at a time, while filings go on with the count they have.
     */
    public String leastLoaded(Role role, String regionCode) {
        return inDistrict(() -> {
            List<String> names = names(role, regionCode);
            List<String> unknown = names.stream().filter(n -> !loads.containsKey(n)).toList();
            if (!unknown.isEmpty()) {
                Map<String, Long> counted = complaints.openCountsByAssignee(unknown);
                long now = System.nanoTime();
                unknown.forEach(n -> loads.putIfAbsent(n, new Load(counted.getOrDefault(n, 0L), now)));
            }
            refreshStale(names);
            String chosen = names.stream().min(Comparator.<String>comparingLong(n -> load(n))
                    .thenComparing(Comparator.naturalOrder())).orElse(null);
            if (chosen != null) {
                loads.get(chosen).open().incrementAndGet();
            }
            return chosen;
        });
    }

    /**
     * The role's users covering the desa, remembered for {@link #LOAD_TTL_NANOS}: a filing should not look up the
     * same few accounts every time. Any change to a user forgets them all ({@link UsersChanged}, after commit).
     */
    private List<String> names(Role role, String regionCode) {
        String key = role.name() + ':' + regionCode;
        long now = System.nanoTime();
        Contacts known = contacts.get(key);
        if (known != null && now - known.at() <= LOAD_TTL_NANOS) {
            return known.names();
        }
        List<String> names = users.contactsCovering(role, regionCode).stream().map(UserContact::username).toList();
        contacts.put(key, new Contacts(names, now));
        return names;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(UsersChanged changed) {
        contacts.clear();
    }

    private record Contacts(List<String> names, long at) {
    }

    /** Starts one background recount of the handlers whose counts are old, unless one is running. */
    private void refreshStale(List<String> names) {
        long now = System.nanoTime();
        List<String> stale = names.stream().filter(n -> now - loads.get(n).countedAt().get() > LOAD_TTL_NANOS).toList();
        if (stale.isEmpty() || !refreshing.compareAndSet(false, true)) {
            return;
        }
        try {
            recounts.execute(() -> {
                try {
                    Map<String, Long> counted = scopes.asDistrict(() -> separateRead.execute(s ->
                            complaints.openCountsByAssignee(stale)));
                    long at = System.nanoTime();
                    stale.forEach(n -> {
                        Load l = loads.get(n);
                        l.open().set(counted.getOrDefault(n, 0L));
                        l.countedAt().set(at);
                    });
                } catch (RuntimeException e) {
                    log.warn("Recounting handlers' open complaints failed, the old counts stay: {}", e.toString());
                } finally {
                    refreshing.set(false);
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            refreshing.set(false);
        }
    }

    /** Tests: every count is taken as old, so the next look-up starts a recount. */
    void ageCounts() {
        loads.values().forEach(l -> l.countedAt().addAndGet(-2 * LOAD_TTL_NANOS));
    }

    /** Tests: whether a background recount is running. */
    boolean recounting() {
        return refreshing.get();
    }

    @PreDestroy
    void stop() {
        recounts.shutdownNow();
    }

    long load(String username) {
        Load l = loads.get(username);
        return l == null ? 0 : l.open().get();
    }

    /** How many open complaints a handler had when counted, plus those given since, and when it was counted. */
    private record Load(AtomicLong open, AtomicLong countedAt) {
        Load(long open, long countedAt) {
            this(new AtomicLong(open), new AtomicLong(countedAt));
        }
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
