package id.slrt.updating;

import id.slrt.audit.AuditLog;
import id.slrt.platform.FileStore;
import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import id.slrt.platform.ProblemException.FieldError;
import id.slrt.platform.SlrtProperties;
import id.slrt.platform.StoredFile;
import id.slrt.region.Region;
import id.slrt.region.RegionService;
import id.slrt.shared.CurrentActor;
import id.slrt.shared.Ids;
import id.slrt.updating.UpdatingService.BulkAction;
import id.slrt.updating.UpdatingService.BulkResult;
import id.slrt.updating.internal.ChangeRequestRepository;
import id.slrt.updating.internal.MusdesRepository;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Village deliberations (musdes/muskel) as records: the desa operator or facilitator of that desa
 * records date, place, attendance and the minutes file; the desa's requests are grouped under the
 * deliberation that agreed them and the maker submits them together, each checked on its own.
 * Supervisors, the district and the manager read them (row-level security decides where).
 */
@Service
public class MusdesService {
    public static final String ENTITY = "musdes";
    public static final Set<String> WRITERS = Set.of("OPERATOR_DESA", "FASILITATOR");

    private final MusdesRepository musdes;
    private final ChangeRequestRepository requests;
    private final UpdatingService updating;
    private final RegionService regions;
    private final FileStore files;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;
    private final TransactionTemplate tx;

    MusdesService(MusdesRepository musdes, ChangeRequestRepository requests, UpdatingService updating,
                  RegionService regions, FileStore files, AuditLog audit, Clock clock, SlrtProperties props, TransactionTemplate tx) {
        this.tx = tx;
        this.musdes = musdes;
        this.requests = requests;
        this.updating = updating;
        this.regions = regions;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
        this.zone = props.timezone();
    }

    /** An uploaded minutes file, read once when stored. */
    public record Minutes(InputStream content, String name, String contentType) {
    }

    /** A deliberation with the requests grouped under it. */
    public record View(Musdes musdes, List<ChangeRequest> requests) {
    }

    // --- reading ---------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Paged<Musdes> list(String regionPrefix, int page, int size) {
        return musdes.list(regionPrefix, page, size);
    }

    @Transactional(readOnly = true)
    public Optional<Musdes> find(UUID id) {
        return musdes.find(id);
    }

    @Transactional(readOnly = true)
    public Optional<View> view(UUID id) {
        return musdes.find(id).map(m -> new View(m, requests.byMusdes(id)));
    }

    /** The minutes' stored file; opening it is a read of the desa's records and is audited. */
    @Transactional
    public Optional<Musdes> openMinutes(UUID id) {
        Optional<Musdes> found = musdes.find(id).filter(Musdes::hasMinutes);
        found.ifPresent(m -> audit.recordRead("MUSDES_MINUTES_READ", ENTITY, id.toString(), m.regionCode()));
        return found;
    }

    // --- writing ---------------------------------------------------------------------------------

    /** Records a deliberation, with its minutes when given (the file is checked before anything is saved). */
    @Transactional
    public Musdes create(MusdesForm form, Minutes minutes, CurrentActor by) {
        requireWriter(by);
        String region = form.regionCode() == null || form.regionCode().isBlank() ? by.regionScope()
                : form.regionCode().trim();
        List<FieldError> errors = validate(form);
        validateDesa(region, by, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        StoredFile file = store(minutes);
        Instant now = clock.instant();
        Musdes m = new Musdes(Ids.newId(), region, Musdes.Kind.parse(form.kind()), form.heldOn(), form.place().trim(),
                form.attendanceCount(), form.chairedBy().trim(), file == null ? null : file.sha256(),
                file == null ? null : file.originalName(), file == null ? null : file.contentType(),
                file == null ? null : file.size(), blankToNull(form.notes()), 0, now, by.username(), now,
                by.username());
        musdes.insert(m);
        audit.record("MUSDES_CREATED", ENTITY, m.id().toString(), region, AuditLog.diff(Map.of(), snapshot(m)), null);
        return m;
    }

    /** Changes a deliberation's details (send the version you read); new minutes replace the old ones. */
    @Transactional
    public Musdes update(UUID id, MusdesForm form, Minutes minutes, CurrentActor by) {
        Musdes current = musdes.find(id).orElseThrow(MusdesService::notFound);
        requireWriter(by);
        List<FieldError> errors = validate(form);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (form.version() == null || form.version() != current.version()) {
            throw ProblemException.conflict("musdes.stale");
        }
        StoredFile file = store(minutes);
        Musdes m = new Musdes(id, current.regionCode(), Musdes.Kind.parse(form.kind()), form.heldOn(),
                form.place().trim(), form.attendanceCount(), form.chairedBy().trim(),
                file == null ? current.minutesSha256() : file.sha256(),
                file == null ? current.minutesName() : file.originalName(),
                file == null ? current.minutesType() : file.contentType(),
                file == null ? current.minutesSize() : Long.valueOf(file.size()), blankToNull(form.notes()),
                current.version() + 1, current.createdAt(), current.createdBy(), clock.instant(), by.username());
        if (!musdes.update(m, form.version())) {
            throw ProblemException.conflict("musdes.stale");
        }
        audit.record("MUSDES_UPDATED", ENTITY, id.toString(), m.regionCode(),
                AuditLog.diff(snapshot(current), snapshot(m)), null);
        return m;
    }

    /** Attaches (or replaces) the minutes file alone. */
    @Transactional
    public Musdes attachMinutes(UUID id, Minutes minutes, CurrentActor by) {
        Musdes current = musdes.find(id).orElseThrow(MusdesService::notFound);
        return update(id, MusdesForm.of(current), minutes, by);
    }

    /**
     * Submits every draft the caller made under this deliberation, each in its own transaction and
     * checked like a single submission: one with errors stays a draft and says why.
     */
    public List<BulkResult> submitRequests(UUID id, CurrentActor by) {
        List<UUID> drafts = tx.execute(status -> {
            musdes.find(id).orElseThrow(MusdesService::notFound);
            return requests.draftIdsInMusdes(id, by.userId());
        });
        return updating.bulk(BulkAction.SUBMIT, drafts, null, by);
    }

    // --- checks ----------------------------------------------------------------------------------

    private List<FieldError> validate(MusdesForm f) {
        List<FieldError> errors = new ArrayList<>();
        if (Musdes.Kind.parse(f.kind()) == null) {
            errors.add(new FieldError("kind", "NotBlank"));
        }
        if (f.heldOn() == null) {
            errors.add(new FieldError("heldOn", "NotBlank"));
        } else if (f.heldOn().isAfter(today())) {
            errors.add(new FieldError("heldOn", "musdes.future"));
        }
        text(errors, "place", f.place(), 200);
        text(errors, "chairedBy", f.chairedBy(), 120);
        if (f.attendanceCount() == null || f.attendanceCount() < 1) {
            errors.add(new FieldError("attendanceCount", "musdes.attendance-positive"));
        }
        if (f.notes() != null && f.notes().length() > 2000) {
            errors.add(new FieldError("notes", "musdes.too-long", 2000));
        }
        return errors;
    }

    private void validateDesa(String region, CurrentActor by, List<FieldError> errors) {
        Optional<Region> found = regions.find(region);
        if (found.isEmpty() || found.get().level() != 4 || !region.startsWith(by.regionScope())) {
            errors.add(new FieldError("regionCode", "musdes.region-not-desa"));
        }
    }

    private static void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "NotBlank"));
        } else if (value.trim().length() > max) {
            errors.add(new FieldError(field, "musdes.too-long", max));
        }
    }

    private StoredFile store(Minutes minutes) {
        if (minutes == null || minutes.content() == null) {
            return null;
        }
        return files.store(minutes.content(), minutes.name(), minutes.contentType());
    }

    private static void requireWriter(CurrentActor by) {
        if (!WRITERS.contains(by.role())) {
            throw new UpdatingProblem(HttpStatus.FORBIDDEN, "updating-forbidden", "musdes.forbidden");
        }
    }

    static UpdatingProblem notFound() {
        return new UpdatingProblem(HttpStatus.NOT_FOUND, "not-found", "musdes.not-found");
    }

    private LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Map<String, Object> snapshot(Musdes m) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kind", m.kind().name());
        s.put("heldOn", m.heldOn().toString());
        s.put("place", m.place());
        s.put("attendanceCount", m.attendanceCount());
        s.put("chairedBy", m.chairedBy());
        s.put("minutesSha256", m.minutesSha256());
        s.put("minutesName", m.minutesName());
        s.put("notes", m.notes());
        return s;
    }

}
