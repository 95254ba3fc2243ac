package id.slrt.complaint.internal;

import id.slrt.complaint.ComplaintCategory;
import id.slrt.complaint.RoutingRule;
import id.slrt.complaint.ServiceLevels.Sla;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The complaint module's reference data — service levels, the holiday calendar, routing rules — held in
 * memory for a minute. Every filing needs all three (three statements of about thirteen, bench/README.md
 * "Pengaduan"); they change when an administrator edits them, which clears this copy once the edit is
 * committed. Another server behind the same address sees an edit within {@link #TTL_NANOS}.
 */
@Component
public class ReferenceData {
    static final long TTL_NANOS = 60_000_000_000L;

    private final CalendarRepository calendar;
    private final RoutingRepository routing;
    private volatile Snapshot snapshot;

    ReferenceData(CalendarRepository calendar, RoutingRepository routing) {
        this.calendar = calendar;
        this.routing = routing;
    }

    private record Snapshot(Map<ComplaintCategory, Sla> slas, NavigableSet<LocalDate> holidays,
                            Map<ComplaintCategory, RoutingRule> rules, long loadedAt) {
    }

    public Optional<Sla> sla(ComplaintCategory category) {
        return Optional.ofNullable(current().slas().get(category));
    }

    /** Holidays from {@code from} to {@code to}, both included. */
    public Set<LocalDate> holidaysBetween(LocalDate from, LocalDate to) {
        return Collections.unmodifiableSet(current().holidays().subSet(from, true, to, true));
    }

    public Optional<RoutingRule> rule(ComplaintCategory category) {
        return Optional.ofNullable(current().rules().get(category));
    }

    /** Forgets the copy once the caller's transaction commits (at once outside one). */
    public void changed() {
        snapshot = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    snapshot = null;
                }
            });
        }
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || System.nanoTime() - s.loadedAt() > TTL_NANOS) {
            Map<ComplaintCategory, Sla> slas = new EnumMap<>(ComplaintCategory.class);
            calendar.slas().forEach(x -> slas.put(x.category(), x));
            NavigableSet<LocalDate> holidays = new TreeSet<>(calendar.allHolidayDates());
            Map<ComplaintCategory, RoutingRule> rules = new EnumMap<>(ComplaintCategory.class);
            routing.all().forEach(r -> rules.put(r.category(), r));
            s = new Snapshot(slas, Collections.unmodifiableNavigableSet(holidays), rules, System.nanoTime());
            snapshot = s;
        }
        return s;
    }
}
