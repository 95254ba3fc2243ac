package id.slrt.referral;

import id.slrt.access.UserContact;
import id.slrt.access.UserService;
import id.slrt.notify.Email;
import id.slrt.notify.Notifications;
import id.slrt.platform.Formats;
import id.slrt.platform.Scopes;
import id.slrt.platform.Texts;
import id.slrt.referral.internal.AgencyRepository;
import id.slrt.referral.internal.ReferralRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders of overdue referrals, queued for the notify module every hour: one message per referral per
 * day (the outbox's dedup key holds that however often the job runs), to the agency's e-mail address when
 * it has one, else to the staff member who referred. An agency waits on the answer (no answer by the day
 * to accept) or on the outcome (none by the due date). The message carries no link token (only its hash
 * is kept): it names the referral's number.
 */
@Component
public class ReferralReminders {
    private static final Logger log = LoggerFactory.getLogger(ReferralReminders.class);

    private final ReferralRepository referrals;
    private final AgencyRepository agencies;
    private final UserService users;
    private final Notifications notifications;
    private final Scopes scopes;
    private final TransactionTemplate tx;
    private final Texts texts;
    private final Formats fmt;
    private final Clock clock;

    ReferralReminders(ReferralRepository referrals, AgencyRepository agencies, UserService users,
                      Notifications notifications, Scopes scopes, TransactionTemplate tx, Texts texts, Formats fmt,
                      Clock clock) {
        this.referrals = referrals;
        this.agencies = agencies;
        this.users = users;
        this.notifications = notifications;
        this.scopes = scopes;
        this.tx = tx;
        this.texts = texts;
        this.fmt = fmt;
        this.clock = clock;
    }

    @Scheduled(cron = "0 10 * * * *")
    void hourly() {
        int n = queueReminders();
        if (n > 0) {
            log.info("Queued {} overdue referral reminder(s)", n);
        }
    }

    /** One run over the whole district; how many messages it queued (those already queued today not counted). */
    public int queueReminders() {
        return scopes.asDistrict(() -> tx.execute(status -> {
            LocalDate today = clock.instant().atZone(fmt.zone()).toLocalDate();
            int queued = 0;
            for (Referral r : referrals.overdue(today)) {
                if (notifications.queue(email(r, today))) {
                    queued++;
                }
            }
            return queued;
        }));
    }

    /** The dedup key of a referral's reminder on one day. */
    public static String dedupKey(Referral r, LocalDate day) {
        return "referral:overdue:" + r.id() + ":" + day;
    }

    private Email email(Referral r, LocalDate today) {
        Optional<PartnerAgency> agency = agencies.find(r.agencyCode());
        String agencyName = agency.map(PartnerAgency::name).orElse(r.agencyCode());
        boolean answer = r.answerOverdue(today);
        String subject = texts.get(Texts.INDONESIAN, answer ? "referral.reminder.answer.subject"
                : "referral.reminder.outcome.subject", r.number());
        String body = texts.get(Texts.INDONESIAN, answer ? "referral.reminder.answer.body"
                        : "referral.reminder.outcome.body", r.number(), agencyName,
                fmt.date(answer ? r.acceptDue() : r.dueDate()));
        String to = agency.map(PartnerAgency::email).orElse(null);
        String username = null;
        if (to == null) {
            Optional<UserContact> creator = users.contact(r.createdBy());
            username = creator.map(UserContact::username).orElse(r.createdBy());
            to = creator.map(UserContact::email).orElse(null);
        }
        return new Email(r.regionCode(), username, to, subject, body, "referral.overdue", dedupKey(r, today));
    }
}
