package id.slrt.complaint;

import id.slrt.access.Role;
import id.slrt.access.UserContact;
import id.slrt.access.UserService;
import id.slrt.audit.AuditLog;
import id.slrt.audit.Change;
import id.slrt.complaint.internal.ReferenceData;
import id.slrt.complaint.internal.ComplaintRepository;
import id.slrt.notify.Email;
import id.slrt.notify.Notifications;
import id.slrt.platform.Formats;
import id.slrt.platform.Scopes;
import id.slrt.platform.SlrtProperties;
import id.slrt.platform.Texts;
import id.slrt.region.RegionService;
import id.slrt.shared.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalation of overdue complaints (not acknowledged or not resolved by their due date, in working days):
 * first to the supervisors of the complaint's kecamatan (level 1), then, when it is still overdue
 * {@link EscalationSettings#managerAfterDays()} working days after that, to the district's managers (level 2).
 * Each level is reached once: the level is raised by a conditional update, and only the run that raised it
 * writes the timeline event, the audit row and the emails (whose dedup keys would stop a second copy anyway).
 * So the job may run every few minutes, twice at once, or again after a crash.
 */
@Service
public class ComplaintEscalations {
    static final String ACTOR = "system";
    private static final Logger log = LoggerFactory.getLogger(ComplaintEscalations.class);
    private static final int BATCH = 200;
    private static final int MAX_BATCHES = 50;

    private final ComplaintRepository complaints;
    private final ReferenceData reference;
    private final UserService users;
    private final Notifications notifications;
    private final AuditLog audit;
    private final RegionService regions;
    private final ComplaintNoticeSettings links;
    private final EscalationSettings settings;
    private final Scopes scopes;
    private final TransactionTemplate tx;
    private final Texts texts;
    private final Formats fmt;
    private final Clock clock;
    private final ZoneId zone;
    private final ApplicationEventPublisher events;

    ComplaintEscalations(ComplaintRepository complaints, ReferenceData reference, UserService users,
                         Notifications notifications, AuditLog audit, RegionService regions,
                         ComplaintNoticeSettings links, EscalationSettings settings, Scopes scopes,
                         PlatformTransactionManager transactions, Texts texts, Formats fmt, Clock clock,
                         SlrtProperties properties, ApplicationEventPublisher events) {
        this.complaints = complaints;
        this.reference = reference;
        this.users = users;
        this.notifications = notifications;
        this.audit = audit;
        this.regions = regions;
        this.links = links;
        this.settings = settings;
        this.scopes = scopes;
        this.tx = new TransactionTemplate(transactions);
        this.texts = texts;
        this.fmt = fmt;
        this.clock = clock;
        this.zone = properties.timezone();
        this.events = events;
    }

    /** How many complaints one run sent up to each level. */
    public record Run(int toSupervisors, int toManagers) {
    }

    @Scheduled(initialDelayString = "${slrt.complaint.escalation.interval}",
            fixedDelayString = "${slrt.complaint.escalation.interval}")
    void scheduled() {
        Run run = escalateOverdue();
        if (run.toSupervisors() + run.toManagers() > 0) {
            log.info("Escalated {} overdue complaint(s) to supervisors and {} to managers", run.toSupervisors(),
                    run.toManagers());
        }
    }

    /** One run over the whole district, a batch of complaints per transaction. */
    public Run escalateOverdue() {
        int supervisors = 0;
        int managers = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            int[] done = scopes.asDistrict(() -> tx.execute(s -> batch()));
            supervisors += done[0];
            managers += done[1];
            if (done[2] < BATCH) {
                break;
            }
        }
        return new Run(supervisors, managers);
    }

    /** {raised to 1, raised to 2, complaints looked at}. */
    private int[] batch() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant managerCutoff = latestLevelOneStartFor(today).plusDays(1).atStartOfDay(zone).toInstant();
        List<Complaint> overdue = complaints.overdueForEscalation(today, managerCutoff, BATCH);
        int[] done = new int[] {0, 0, overdue.size()};
        for (Complaint c : overdue) {
            int to = c.escalationLevel() + 1;
            if (complaints.escalate(c.id(), c.escalationLevel(), to, now)) {
                escalated(c, to, today, now);
                done[to - 1]++;
            }
        }
        return done;
    }

    /**
     * The last date on which a level-1 escalation may have happened for level 2 to be due today: level 2 comes
     * on the {@code managerAfterDays}-th working day after the day of level 1.
     */
    LocalDate latestLevelOneStartFor(LocalDate today) {
        int days = Math.max(0, settings.managerAfterDays());
        LocalDate from = today.minusDays(days * 3L + 30);
        Set<LocalDate> holidays = reference.holidaysBetween(from, today);
        LocalDate d = today;
        while (d.isAfter(from) && ServiceLevels.addWorkingDays(d, days, holidays).isAfter(today)) {
            d = d.minusDays(1);
        }
        return d;
    }

    private void escalated(Complaint c, int level, LocalDate today, Instant now) {
        Role role = level == 1 ? Role.SUPERVISOR : Role.MANAGER;
        List<UserContact> to = users.contactsCovering(role, c.regionCode());
        boolean notAcknowledged = c.status() == ComplaintStatus.RECEIVED && c.acknowledgeDue().isBefore(today);
        LocalDate due = notAcknowledged ? c.acknowledgeDue() : c.resolveDue();
        String why = notAcknowledged ? "acknowledge" : "resolve";
        String note = role.name() + ": " + (to.isEmpty() ? "-" : String.join(", ",
                to.stream().map(UserContact::username).toList()));
        complaints.insertEvent(new ComplaintEvent(Ids.newId(), c.id(), now, ACTOR, null, "ESCALATED", c.status(),
                c.status(), note), c.regionCode());
        audit.recordAs(AuditLog.Actor.SYSTEM, "COMPLAINT_ESCALATED", ComplaintService.ENTITY, c.id().toString(),
                c.regionCode(), Map.of("escalationLevel", new Change(String.valueOf(level - 1), String.valueOf(level))),
                why + " due " + due);
        String subject = notifications.render("complaint.escalated.subject", c.trackingCode(), level);
        String body = notifications.render("complaint.escalated.body", c.trackingCode(),
                texts.get(Texts.INDONESIAN, c.category().labelKey()), regions.label(c.regionCode()),
                texts.get(Texts.INDONESIAN, "complaint.escalation.why." + why), fmt.date(due),
                texts.get(Texts.INDONESIAN, c.status().labelKey()), c.assignee() == null ? "-" : c.assignee(),
                links.staffUrl(c.id()), level);
        for (UserContact u : to) {
            notifications.queue(new Email(c.regionCode(), u.username(), u.email(), subject, body, "complaint.escalated",
                    "complaint:" + c.id() + ":escalation:" + level + ":" + u.username()));
        }
        if (to.isEmpty()) {
            log.warn("Complaint {} escalated to level {} but no enabled {} covers {}", c.trackingCode(), level, role,
                    c.regionCode());
        }
        events.publishEvent(new ComplaintEscalated(c.id(), c.regionCode(), level));
    }
}
