package id.slrt.updating;

import id.slrt.access.Role;
import id.slrt.access.UserContact;
import id.slrt.access.UserService;
import id.slrt.notify.Email;
import id.slrt.notify.Notifications;
import id.slrt.platform.Formats;
import id.slrt.platform.Scopes;
import id.slrt.platform.Texts;
import id.slrt.updating.internal.ChangeRequestRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders queued for the notify module, every hour: for each overdue request, one email a day to
 * whoever must act (SUBMITTED: the kecamatan's supervisors; VERIFIED: the district's SLRT operators;
 * RETURNED: the maker); and while the active period's desa cut-off is at most
 * {@value #DIGEST_DAYS} days away, one digest a day to each maker who still has drafts. The outbox's
 * dedup key makes "once a day" hold however often the job runs.
 */
@Component
public class UpdatingReminders {
    static final int DIGEST_DAYS = 3;
    private static final Logger log = LoggerFactory.getLogger(UpdatingReminders.class);

    private final ChangeRequestRepository requests;
    private final UpdatePeriods periods;
    private final UserService users;
    private final Notifications notifications;
    private final Scopes scopes;
    private final TransactionTemplate tx;
    private final Texts texts;
    private final Formats fmt;
    private final Clock clock;

    UpdatingReminders(ChangeRequestRepository requests, UpdatePeriods periods, UserService users,
                      Notifications notifications, Scopes scopes, TransactionTemplate tx, Texts texts, Formats fmt,
                      Clock clock) {
        this.requests = requests;
        this.periods = periods;
        this.users = users;
        this.notifications = notifications;
        this.scopes = scopes;
        this.tx = tx;
        this.texts = texts;
        this.fmt = fmt;
        this.clock = clock;
    }

    /** How many messages one run queued (those already queued today are not counted). */
    public record Summary(int overdue, int digests) {
    }

    @Scheduled(cron = "0 5 * * * *")
    void hourly() {
        Summary s = queueReminders();
        if (s.overdue() + s.digests() > 0) {
            log.info("Queued {} overdue reminder(s) and {} cut-off digest(s)", s.overdue(), s.digests());
        }
    }

    /** One run over the whole district. */
    public Summary queueReminders() {
        return scopes.asDistrict(() -> tx.execute(status -> run()));
    }

    private Summary run() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(fmt.zone()).toLocalDate();
        Map<String, UserContact> people = new java.util.LinkedHashMap<>();
        Map<String, List<ChangeRequest>> waiting = waitingOn(now, people);
        int overdue = 0;
        for (Map.Entry<String, List<ChangeRequest>> e : waiting.entrySet()) {
            if (notifications.queue(overdueEmail(e.getValue(), people.get(e.getKey()), today))) {
                overdue++;
            }
        }
        return new Summary(overdue, digests(today));
    }

    /**
     * The overdue requests waiting on each person (by user name). One message per person per day lists
     * them: a supervisor with 400 overdue requests gets one e-mail, not 400.
     */
    Map<String, List<ChangeRequest>> waitingOn(Instant now, Map<String, UserContact> people) {
        Map<String, List<UserContact>> covering = new HashMap<>();
        Map<String, List<ChangeRequest>> waiting = new java.util.LinkedHashMap<>();
        for (ChangeRequest r : requests.overdue(now)) {
            for (UserContact to : recipients(r, covering)) {
                people.putIfAbsent(to.username(), to);
                waiting.computeIfAbsent(to.username(), k -> new java.util.ArrayList<>()).add(r);
            }
        }
        return waiting;
    }

    /** {@link #waitingOn} as request numbers, over the whole district (for the reminders' tests). */
    Map<String, List<String>> overdueNumbersByRecipient() {
        return scopes.asDistrict(() -> tx.execute(status -> {
            Map<String, List<String>> numbers = new java.util.LinkedHashMap<>();
            waitingOn(clock.instant(), new HashMap<>()).forEach((user, list) ->
                    numbers.put(user, list.stream().map(ChangeRequest::number).toList()));
            return numbers;
        }));
    }

    private List<UserContact> recipients(ChangeRequest r, Map<String, List<UserContact>> cache) {
        return switch (r.status()) {
            case SUBMITTED -> cache.computeIfAbsent("S" + r.regionCode(),
                    k -> users.contactsCovering(Role.SUPERVISOR, r.regionCode()));
            case VERIFIED -> cache.computeIfAbsent("V" + r.regionCode(),
                    k -> users.contactsCovering(Role.OPERATOR_SLRT, r.regionCode()));
            case RETURNED -> users.contact(r.maker()).map(List::of).orElse(List.of());
            default -> List.of();
        };
    }

    /** Requests listed in one overdue message; the rest are counted. */
    static final int LISTED = 30;

    private Email overdueEmail(List<ChangeRequest> overdue, UserContact to, LocalDate today) {
        StringBuilder list = new StringBuilder();
        for (ChangeRequest r : overdue.subList(0, Math.min(LISTED, overdue.size()))) {
            list.append("- ").append(r.number()).append(" (").append(r.subject()).append("), ")
                    .append(texts.get(Texts.INDONESIAN, r.status().labelKey())).append(", ")
                    .append(texts.get(Texts.INDONESIAN, "reminder.overdue.due", fmt.dateTime(r.dueAt()))).append('\n');
        }
        if (overdue.size() > LISTED) {
            list.append(texts.get(Texts.INDONESIAN, "reminder.overdue.more", overdue.size() - LISTED)).append('\n');
        }
        String subject = texts.get(Texts.INDONESIAN, "reminder.overdue.subject", overdue.size());
        String body = texts.get(Texts.INDONESIAN, "reminder.overdue.body", to.fullName(), overdue.size(), list.toString());
        String region = overdue.get(0).regionCode();
        return new Email(region, to.username(), to.email(), subject, body, "updating.overdue",
                "updating:overdue:" + today + ":" + to.username());
    }

    private int digests(LocalDate today) {
        Optional<UpdatePeriod> active = periods.activePeriod();
        if (active.isEmpty()) {
            return 0;
        }
        UpdatePeriod p = active.get();
        long daysLeft = ChronoUnit.DAYS.between(today, p.desaCutoff());
        if (daysLeft < 0 || daysLeft > DIGEST_DAYS) {
            return 0;
        }
        int queued = 0;
        for (Map.Entry<String, Long> e : requests.draftCountsByMaker().entrySet()) {
            Optional<UserContact> maker = users.contact(e.getKey());
            if (maker.isEmpty()) {
                continue;
            }
            UserContact to = maker.get();
            String subject = texts.get(Texts.INDONESIAN, "reminder.cutoff.subject", p.name(), daysLeft);
            String body = texts.get(Texts.INDONESIAN, "reminder.cutoff.body", to.fullName(), e.getValue(), p.name(),
                    fmt.date(p.desaCutoff()), daysLeft);
            if (notifications.queue(new Email(to.regionCode(), to.username(), to.email(), subject, body,
                    "updating.cutoff-digest", "updating:cutoff:" + p.id() + ":" + today + ":" + to.username()))) {
                queued++;
            }
        }
        return queued;
    }
}
