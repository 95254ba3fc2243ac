package id.slrt.updating;

import id.slrt.audit.AuditLog;
import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import id.slrt.platform.ProblemException.FieldError;
import id.slrt.platform.SlrtProperties;
import id.slrt.shared.CurrentActor;
import id.slrt.shared.Ids;
import id.slrt.updating.UpdatePeriod.Cutoff;
import id.slrt.updating.internal.PeriodRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The district's pemutakhiran periods and what they mean for deadlines: a step's due date is the
 * earlier of "now + N days" and the end of the period's relevant cut-off day (district time zone), and
 * a desa cannot submit a new request after the period's desa cut-off. Without an active period the
 * day counts alone decide. Templates reach it as {@code @updatePeriods}.
 */
@Service("updatePeriods")
public class UpdatePeriods {
    public static final String ENTITY = "update_period";
    public static final Set<String> EDITORS = Set.of("ADMIN", "OPERATOR_SLRT");

    private final PeriodRepository periods;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;
    private final String district;

    UpdatePeriods(PeriodRepository periods, AuditLog audit, Clock clock, SlrtProperties props) {
        this.periods = periods;
        this.audit = audit;
        this.clock = clock;
        this.zone = props.timezone();
        this.district = props.district();
    }

    /** The active period and the days left until each cut-off (negative once passed), for the banner. */
    public record Banner(UpdatePeriod period, long daysToDesa, long daysToKecamatan, long daysToDistrict) {
    }

    // --- reading -------------------------------------------------------------------------------

    /** The period covering today in the district, if any. */
    @Transactional(readOnly = true)
    public Optional<UpdatePeriod> activePeriod() {
        return periods.activeOn(district, today());
    }

    @Transactional(readOnly = true)
    public Optional<Banner> banner() {
        LocalDate today = today();
        return periods.activeOn(district, today).map(p -> new Banner(p,
                ChronoUnit.DAYS.between(today, p.desaCutoff()), ChronoUnit.DAYS.between(today, p.kecamatanCutoff()),
                ChronoUnit.DAYS.between(today, p.districtCutoff())));
    }

    @Transactional(readOnly = true)
    public Paged<UpdatePeriod> list(int page, int size) {
        return periods.list(page, size);
    }

    @Transactional(readOnly = true)
    public Optional<UpdatePeriod> find(UUID id) {
        return periods.find(id);
    }

    // --- deadlines, used by the workflow (inside its transaction) ----------------------------------

    /** The earlier of {@code now + days} and the end of the active period's {@code cutoff} day. */
    public Instant dueAt(Instant now, int days, Cutoff cutoff) {
        Instant byDays = now.plus(Duration.ofDays(days));
        return periods.activeOn(district, now.atZone(zone).toLocalDate())
                .map(p -> endOf(p.cutoff(cutoff)))
                .filter(end -> end.isBefore(byDays))
                .orElse(byDays);
    }

    /** Refuses a new submission after the active period's desa cut-off; allowed when no period is active. */
    public void requireSubmissionOpen() {
        LocalDate today = today();
        periods.activeOn(district, today).filter(p -> today.isAfter(p.desaCutoff())).ifPresent(p -> {
            throw new UpdatingProblem(HttpStatus.CONFLICT, "updating-cutoff-passed", "period.desa-cutoff-passed",
                    p.name(), p.desaCutoff().toString(), p.kecamatanCutoff().toString());
        });
    }

    // --- the district defines periods --------------------------------------------------------------

    @Transactional
    public UpdatePeriod create(PeriodForm form, CurrentActor by) {
        requireEditor(by);
        validate(form, null);
        Instant now = clock.instant();
        UpdatePeriod p = new UpdatePeriod(Ids.newId(), district, form.name().trim(), form.opensOn(), form.desaCutoff(),
                form.kecamatanCutoff(), form.districtCutoff(), 0, now, by.username(), now, by.username());
        try {
            periods.insert(p);
        } catch (DataIntegrityViolationException raced) {
            throw overlap(null);
        }
        audit.record("PERIOD_CREATED", ENTITY, p.id().toString(), district, AuditLog.diff(Map.of(), snapshot(p)), null);
        return p;
    }

    @Transactional
    public UpdatePeriod update(UUID id, PeriodForm form, CurrentActor by) {
        requireEditor(by);
        UpdatePeriod current = periods.find(id).orElseThrow(() -> ProblemException.notFound("period.not-found"));
        validate(form, id);
        if (form.version() == null || form.version() != current.version()) {
            throw ProblemException.conflict("period.stale");
        }
        UpdatePeriod p = new UpdatePeriod(id, current.regionCode(), form.name().trim(), form.opensOn(),
                form.desaCutoff(), form.kecamatanCutoff(), form.districtCutoff(), current.version() + 1,
                current.createdAt(), current.createdBy(), clock.instant(), by.username());
        try {
            if (!periods.update(p, form.version())) {
                throw ProblemException.conflict("period.stale");
            }
        } catch (DataIntegrityViolationException raced) {
            throw overlap(null);
        }
        audit.record("PERIOD_UPDATED", ENTITY, id.toString(), current.regionCode(),
                AuditLog.diff(snapshot(current), snapshot(p)), null);
        return p;
    }

    private void validate(PeriodForm f, UUID except) {
        List<FieldError> errors = new ArrayList<>();
        if (f.name() == null || f.name().isBlank()) {
            errors.add(new FieldError("name", "NotBlank"));
        } else if (f.name().trim().length() > 120) {
            errors.add(new FieldError("name", "period.too-long", 120));
        }
        required(errors, "opensOn", f.opensOn());
        required(errors, "desaCutoff", f.desaCutoff());
        required(errors, "kecamatanCutoff", f.kecamatanCutoff());
        required(errors, "districtCutoff", f.districtCutoff());
        if (errors.isEmpty()) {
            if (f.desaCutoff().isBefore(f.opensOn())) {
                errors.add(new FieldError("desaCutoff", "period.order.desa"));
            }
            if (f.kecamatanCutoff().isBefore(f.desaCutoff())) {
                errors.add(new FieldError("kecamatanCutoff", "period.order.kecamatan"));
            }
            if (f.districtCutoff().isBefore(f.kecamatanCutoff())) {
                errors.add(new FieldError("districtCutoff", "period.order.district"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        periods.overlapping(district, f.opensOn(), f.districtCutoff(), except == null ? Ids.newId() : except)
                .ifPresent(other -> {
                    throw overlap(other);
                });
    }

    private static ProblemException overlap(UpdatePeriod other) {
        return new ProblemException(HttpStatus.CONFLICT, "period-overlap", "period.overlap", List.of(
                new FieldError("opensOn", "period.overlap-field", other == null ? "" : other.name())),
                other == null ? "" : other.name());
    }

    private static void required(List<FieldError> errors, String field, LocalDate value) {
        if (value == null) {
            errors.add(new FieldError(field, "NotBlank"));
        }
    }

    private static void requireEditor(CurrentActor by) {
        if (!EDITORS.contains(by.role())) {
            throw new UpdatingProblem(HttpStatus.FORBIDDEN, "updating-forbidden", "period.forbidden");
        }
    }

    private Instant endOf(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant();
    }

    private LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    private static Map<String, Object> snapshot(UpdatePeriod p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("opensOn", p.opensOn().toString());
        m.put("desaCutoff", p.desaCutoff().toString());
        m.put("kecamatanCutoff", p.kecamatanCutoff().toString());
        m.put("districtCutoff", p.districtCutoff().toString());
        return m;
    }
}
