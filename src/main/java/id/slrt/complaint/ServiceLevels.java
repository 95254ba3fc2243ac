package id.slrt.complaint;

import id.slrt.audit.AuditLog;
import id.slrt.audit.Change;
import id.slrt.complaint.internal.CalendarRepository;
import id.slrt.complaint.internal.ReferenceData;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service levels of complaints in working days: Saturdays, Sundays and the district's holiday calendar
 * (table {@code holiday}) are not working days. The days per category are in table {@code complaint_sla}.
 */
@Service
public class ServiceLevels {
    private final CalendarRepository calendar;
    private final AuditLog audit;

    private final ReferenceData reference;

    ServiceLevels(CalendarRepository calendar, AuditLog audit, ReferenceData reference) {
        this.reference = reference;
        this.calendar = calendar;
        this.audit = audit;
    }

    /** Days to acknowledge and to resolve a complaint of one category. */
    public record Sla(ComplaintCategory category, int acknowledgeDays, int resolveDays) {
    }

    public record Holiday(LocalDate date, String name, boolean verified) {
    }

    /** When a complaint filed on {@code filedOn} must be acknowledged and resolved. */
    public record Due(LocalDate acknowledge, LocalDate resolve) {
    }

    @Transactional(readOnly = true)
    public Due due(ComplaintCategory category, LocalDate filedOn) {
        Sla sla = sla(category);
        Set<LocalDate> holidays = reference.holidaysBetween(filedOn, filedOn.plusDays(
                Math.max(sla.acknowledgeDays(), sla.resolveDays()) * 3L + 30));
        return new Due(addWorkingDays(filedOn, sla.acknowledgeDays(), holidays),
                addWorkingDays(filedOn, sla.resolveDays(), holidays));
    }

    /**
     * The {@code days}-th working day after {@code from} by the district's calendar (for other modules' service
     * levels, e.g. referrals).
     */
    @Transactional(readOnly = true)
    public LocalDate workingDaysAfter(LocalDate from, int days) {
        return addWorkingDays(from, days, reference.holidaysBetween(from, from.plusDays(days * 3L + 30)));
    }

    @Transactional(readOnly = true)
    public Sla sla(ComplaintCategory category) {
        return reference.sla(category).orElse(new Sla(category, 2, 14));
    }

    @Transactional(readOnly = true)
    public List<Sla> slas() {
        return calendar.slas();
    }

    @Transactional(readOnly = true)
    public List<Holiday> holidays(int year) {
        return calendar.holidays(year);
    }

    /** Adds or renames a holiday (an administrator's setting; audited). Complaints filed later count it. */
    @Transactional
    public Holiday setHoliday(LocalDate date, String name) {
        if (date == null || name == null || name.isBlank()) {
            throw new ComplaintProblem(HttpStatus.BAD_REQUEST, "validation", "problem.validation",
                    List.of(new ComplaintProblem.FieldError("name", "complaint.holiday.name-required")));
        }
        Holiday h = new Holiday(date, name.strip(), true);
        calendar.upsertHoliday(h);
        reference.changed();
        audit.record("HOLIDAY_SET", "holiday", date.toString(), null, Map.of("name", new Change(null, h.name())), null);
        return h;
    }

    /**
     * The {@code days}-th working day after {@code from} ({@code from} itself when {@code days} is 0, moved
     * to the next working day when it is not one).
     */
    public static LocalDate addWorkingDays(LocalDate from, int days, Set<LocalDate> holidays) {
        LocalDate d = from;
        int counted = 0;
        while (counted < days) {
            d = d.plusDays(1);
            if (working(d, holidays)) {
                counted++;
            }
        }
        while (!working(d, holidays)) {
            d = d.plusDays(1);
        }
        return d;
    }

    static boolean working(LocalDate d, Set<LocalDate> holidays) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(d);
    }
}
