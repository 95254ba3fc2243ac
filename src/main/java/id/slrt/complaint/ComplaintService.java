package id.slrt.complaint;

import id.slrt.access.Role;
import id.slrt.audit.AuditLog;
import id.slrt.audit.Change;
import id.slrt.complaint.internal.CitizenNotices;
import id.slrt.complaint.internal.ComplaintRepository;
import id.slrt.complaint.internal.Denials;
import id.slrt.complaint.internal.Handlers;
import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException.FieldError;
import id.slrt.platform.Scopes;
import id.slrt.platform.SlrtProperties;
import id.slrt.platform.StoredFile;
import id.slrt.region.Region;
import id.slrt.region.RegionService;
import id.slrt.registry.IdNumbers;
import id.slrt.registry.Issue;
import id.slrt.registry.PersonHit;
import id.slrt.registry.RegistryService;
import id.slrt.registry.RegistryValidator;
import id.slrt.shared.CurrentActor;
import id.slrt.shared.Ids;
import id.slrt.shared.RegionCodes;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Complaint intake and handling. Three doors file the same {@link Filing}: the public form (no account,
 * run in the district's scope), an operator for a walk-in, and the API. Handling moves a complaint by
 * named steps that check where it stands; each step is on its timeline and in the audit trail, a refused
 * step is audited too. Row-level security limits every complaint to the caller's region.
 */
@Service
public class ComplaintService {
    public static final String ENTITY = "complaint";
    /** Who files for a walk-in citizen or through the API. */
    public static final Set<String> INTAKE = Set.of("OPERATOR_DESA", "FASILITATOR", "OPERATOR_SLRT");
    /** Who handles complaints; the manager only reads. */
    public static final Set<String> HANDLERS = Set.of("OPERATOR_DESA", "FASILITATOR", "SUPERVISOR", "OPERATOR_SLRT");
    static final String PUBLIC_ACTOR = "public";
    private static final List<Role> ASSIGNEE_ROLES = List.of(Role.OPERATOR_DESA, Role.FASILITATOR, Role.SUPERVISOR,
            Role.OPERATOR_SLRT);
    private static final int MAX_NAME = 120;
    private static final int MAX_DESCRIPTION = 4000;
    private static final int MAX_NOTE = 2000;

    private final ComplaintRepository complaints;
    private final ServiceLevels levels;
    private final RegistryService registry;
    private final RegistryValidator validator;
    private final RegionService regions;
    private final AuditLog audit;
    private final Denials denials;
    private final Scopes scopes;
    private final Clock clock;
    private final ZoneId zone;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;
    private final ComplaintRouting routing;
    private final Handlers handlers;
    private final ApplicationEventPublisher events;
    private final CitizenNotices notices;

    ComplaintService(ComplaintRepository complaints, ServiceLevels levels, RegistryService registry,
                     RegistryValidator validator, RegionService regions, AuditLog audit, Denials denials, Scopes scopes,
                     Clock clock, SlrtProperties properties, PlatformTransactionManager transactions,
                     ComplaintRouting routing, Handlers handlers, ApplicationEventPublisher events,
                     CitizenNotices notices) {
        this.complaints = complaints;
        this.levels = levels;
        this.registry = registry;
        this.validator = validator;
        this.regions = regions;
        this.audit = audit;
        this.denials = denials;
        this.scopes = scopes;
        this.clock = clock;
        this.zone = properties.timezone();
        this.tx = new TransactionTemplate(transactions);
        this.readTx = new TransactionTemplate(transactions);
        this.routing = routing;
        this.handlers = handlers;
        this.events = events;
        this.notices = notices;
        this.readTx.setReadOnly(true);
    }

    /** A complaint with everything its staff page shows; {@code possibleDuplicates} are open ones about the same person. */
    public record View(Complaint complaint, List<ComplaintEvent> events, List<ComplaintFile> files,
                       List<Complaint> possibleDuplicates) {
    }

    // --- intake ---------------------------------------------------------------------------------

    /**
     * What is wrong with a filing, per field, for a filer whose scope is {@code scope} (the district for
     * the public); empty when it may be filed. Cleans nothing: {@link #file} does.
     */
    public List<FieldError> check(Filing f, String scope) {
        return clean(f, scope).errors();
    }

    /**
     * Files a complaint for a walk-in citizen (operator door) or through the API, in one transaction. Its handler
     * is chosen before that transaction opens: a desa operator's own scope does not show the back office, so
     * the look-up reads as the district on its own short transaction.
     */
    public Complaint file(Filing f, Channel channel, List<StoredFile> files, CurrentActor by) {
        if (!INTAKE.contains(by.role())) {
            throw ComplaintProblem.forbidden();
        }
        ComplaintRouting.Route route = routeOf(f);
        return tx.execute(s -> insert(f, channel, files, by.regionScope(), by.username(), by.role(), route));
    }

    /** The route of a filing by its category's rule; null while category or desa are not valid yet. */
    private ComplaintRouting.Route routeOf(Filing f) {
        String region = trim(f.regionCode());
        Optional<ComplaintCategory> category = ComplaintCategory.parse(f.category());
        return region == null || category.isEmpty() ? null : routing.route(category.get(), region);
    }

    /**
     * Files a complaint from the public form. Nobody is logged in, so the insert runs in the district's
     * scope: the desa chosen on the form decides the complaint's region like any other.
     */
    public Complaint filePublic(Filing f, List<StoredFile> files) {
        return scopes.asDistrict(() -> tx.execute(status ->
                insert(f, Channel.WEB_PUBLIC, files, scopes.district(), PUBLIC_ACTOR, null, null)));
    }

    private Complaint insert(Filing raw, Channel channel, List<StoredFile> files, String scope, String actor,
                             String role, ComplaintRouting.Route known) {
        Cleaned cleaned = clean(raw, scope);
        if (!cleaned.errors().isEmpty()) {
            throw ComplaintProblem.invalidFiling(cleaned.errors());
        }
        Filing f = cleaned.filing();
        ComplaintCategory category = ComplaintCategory.parse(f.category()).orElseThrow();
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        ServiceLevels.Due due = levels.due(category, today);
        String personNik = f.subjectNik() != null ? f.subjectNik() : f.complainantNik();
        PersonHit person = personNik == null ? null : registry.peopleByNik(personNik).stream().findFirst().orElse(null);
        ComplaintRouting.Route route = known != null ? known : routing.route(category, f.regionCode());
        // The chance that two of ~10^15 codes collide is negligible; the unique key refuses it if it happens.
        Complaint c = new Complaint(Ids.newId(), TrackingCodes.next(), f.regionCode(), channel, f.complainantName(),
                f.complainantPhone(), f.complainantNik(), f.subjectNik(), person == null ? null : person.memberId(),
                person == null ? null : person.householdId(), category,
                ComplaintType.parse(f.type()).orElse(ComplaintType.PENGADUAN), f.description(), ComplaintStatus.RECEIVED,
                route.assignee(), due.acknowledge(), due.resolve(), null, null, null, null, 0, now, actor, now, actor,
                route.target(), route.agencyCode(), 0, null);
        complaints.insert(c);
        // the timeline's first two lines, written in one statement
        complaints.insertEvents(List.of(
                eventOf(c, "FILED", null, ComplaintStatus.RECEIVED, null, actor, role, now),
                eventOf(c, "ROUTED", c.status(), c.status(), route.note(), actor, role, now)), c.regionCode());
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("channel", new Change(null, channel.name()));
        changes.put("category", new Change(null, category.name()));
        changes.put("status", new Change(null, ComplaintStatus.RECEIVED.name()));
        routed(c, route, changes);
        // one audit row for the filing and its routing: they are one act in one transaction
        audit.record("COMPLAINT_FILED", ENTITY, c.id().toString(), c.regionCode(), changes, c.trackingCode());
        for (StoredFile file : files == null ? List.<StoredFile>of() : files) {
            addFile(c, file, actor, role);
        }
        notices.stageReached(c, ComplaintStatus.RECEIVED);
        events.publishEvent(new ComplaintStageChanged(c.id(), c.trackingCode(), c.regionCode(), null,
                ComplaintStatus.RECEIVED));
        return c;
    }

    /** The routing of a new complaint among the filing's audited changes; an agency is told by an event. */
    private void routed(Complaint c, ComplaintRouting.Route route, Map<String, Change> changes) {
        changes.put("routeTarget", new Change(null, route.target().name()));
        if (route.agencyCode() != null) {
            changes.put("agencyCode", new Change(null, route.agencyCode()));
        }
        changes.put("assignee", new Change(null, route.assignee()));
        if (route.target() == RouteTarget.AGENCY) {
            events.publishEvent(new ComplaintRoutedToAgency(c.id(), route.agencyCode()));
        }
    }

    /** Attaches a stored file to a complaint the caller handles, while it is open. */
    @Transactional
    public ComplaintFile attach(UUID id, StoredFile file, CurrentActor by) {
        Complaint c = load(id, "ATTACH");
        requireHandler(c, by, "ATTACH");
        if (!c.status().open()) {
            throw deny(c, "ATTACH", ComplaintProblem.wrongStatus(c.status()));
        }
        return addFile(c, file, by.username(), by.role());
    }

    private ComplaintFile addFile(Complaint c, StoredFile file, String actor, String role) {
        ComplaintFile f = new ComplaintFile(Ids.newId(), c.id(), file.sha256(), file.size(), file.contentType(),
                file.originalName(), clock.instant(), actor);
        complaints.insertFile(f, c.regionCode());
        event(c, "FILE_ADDED", c.status(), c.status(), file.originalName(), actor, role);
        audit.record("COMPLAINT_FILE_ADDED", ENTITY, c.id().toString(), c.regionCode(),
                Map.of("file", new Change(null, file.sha256())), file.originalName());
        return f;
    }

    // --- handling: the named steps --------------------------------------------------------------

    /** Someone has seen the complaint and takes it up: the acknowledgement the citizen waits for first. */
    @Transactional
    public Complaint acknowledge(UUID id, Integer version, String note, CurrentActor by) {
        return move(id, version, Set.of(ComplaintStatus.RECEIVED), ComplaintStatus.ACKNOWLEDGED, "ACKNOWLEDGED",
                note, false, by);
    }

    /** Handling starts (checking the registry, a home visit). */
    @Transactional
    public Complaint start(UUID id, Integer version, String note, CurrentActor by) {
        return move(id, version, Set.of(ComplaintStatus.ACKNOWLEDGED), ComplaintStatus.IN_PROGRESS, "STARTED", note,
                false, by);
    }

    /**
     * The complaint is sent on to a program or partner agency named in the note (the referral module will
     * attach the referral itself); it may come back to in progress when the agency declines.
     */
    @Transactional
    public Complaint refer(UUID id, Integer version, String note, CurrentActor by) {
        return move(id, version, Set.of(ComplaintStatus.IN_PROGRESS), ComplaintStatus.REFERRED, "REFERRED", note, true,
                by);
    }

    /** Back from a referral to handling here. */
    @Transactional
    public Complaint resume(UUID id, Integer version, String note, CurrentActor by) {
        return move(id, version, Set.of(ComplaintStatus.REFERRED), ComplaintStatus.IN_PROGRESS, "RESUMED", note, true,
                by);
    }

    /** Solved: the note says how, and is what the citizen is told. */
    @Transactional
    public Complaint resolve(UUID id, Integer version, String note, CurrentActor by) {
        return move(id, version, Set.of(ComplaintStatus.ACKNOWLEDGED, ComplaintStatus.IN_PROGRESS,
                ComplaintStatus.REFERRED), ComplaintStatus.RESOLVED, "RESOLVED", note, true, by);
    }

    /**
     * Closes a resolved complaint; an unresolved one (a duplicate, not a complaint) only with a reason.
     */
    @Transactional
    public Complaint close(UUID id, Integer version, String note, CurrentActor by) {
        Complaint c = load(id, "CLOSE");
        boolean needsReason = c.status() != ComplaintStatus.RESOLVED;
        return move(id, version, Set.of(ComplaintStatus.RECEIVED, ComplaintStatus.ACKNOWLEDGED,
                ComplaintStatus.IN_PROGRESS, ComplaintStatus.REFERRED, ComplaintStatus.RESOLVED), ComplaintStatus.CLOSED,
                "CLOSED", note, needsReason, by);
    }

    /** Gives an open complaint to a handler ({@code null} or blank: to nobody). */
    @Transactional
    public Complaint assign(UUID id, Integer version, String assignee, CurrentActor by) {
        Complaint c = load(id, "ASSIGN");
        requireHandler(c, by, "ASSIGN");
        if (!c.status().open()) {
            throw deny(c, "ASSIGN", ComplaintProblem.wrongStatus(c.status()));
        }
        requireVersion(c, version);
        String to = assignee == null || assignee.isBlank() ? null : assignee.trim();
        if (to != null && assignees(c).stream().noneMatch(to::equals)) {
            throw new ComplaintProblem(HttpStatus.BAD_REQUEST, "validation", "problem.validation",
                    List.of(new FieldError("assignee", "complaint.assignee-unknown")));
        }
        if (!complaints.assign(c.id(), c.version(), to, clock.instant(), by.username())) {
            throw ComplaintProblem.stale();
        }
        event(c, "ASSIGNED", c.status(), c.status(), to, by.username(), by.role());
        audit.record("COMPLAINT_ASSIGNED", ENTITY, c.id().toString(), c.regionCode(),
                Map.of("assignee", new Change(c.assignee(), to)), null);
        return complaints.find(id).orElseThrow();
    }

    /**
     * Who a complaint can be given to: handlers whose scope covers its desa, the district's back office included
     * even when the caller's own scope does not show their accounts (a desa operator may hand a complaint on).
     */
    public List<String> assignees(Complaint c) {
        return handlers.covering(ASSIGNEE_ROLES, c.regionCode());
    }

    // --- referral: the referral module reports its steps here ----------------------------------

    /** The referral steps a complaint's timeline shows (besides being referred and resolved). */
    public static final Set<String> REFERRAL_STEPS = Set.of("REFERRAL_ACCEPTED", "REFERRAL_DECLINED",
            "REFERRAL_COMPLETED", "REFERRAL_CANCELLED");

    /**
     * A referral of this open complaint was sent: it becomes REFERRED (from any open stage; one already
     * referred stays so) and its timeline names the referral. Only a handler may refer.
     */
    @Transactional
    public Complaint referredBy(UUID id, String referralNumber, CurrentActor by) {
        Complaint c = load(id, "REFER");
        requireHandler(c, by, "REFER");
        if (!c.status().open()) {
            throw deny(c, "REFER", ComplaintProblem.wrongStatus(c.status()));
        }
        if (c.status() != ComplaintStatus.REFERRED && !complaints.transition(c.id(), c.status(), c.version(),
                ComplaintStatus.REFERRED, null, clock.instant(), by.username())) {
            throw ComplaintProblem.stale();
        }
        event(c, "REFERRED", c.status(), ComplaintStatus.REFERRED, referralNumber, by.username(), by.role());
        audit.record("COMPLAINT_REFERRED", ENTITY, c.id().toString(), c.regionCode(),
                Map.of("status", new Change(c.status().name(), ComplaintStatus.REFERRED.name())), referralNumber);
        return complaints.find(id).orElseThrow();
    }

    /**
     * A step of a referral of this complaint ({@link #REFERRAL_STEPS}) on its timeline; the complaint's stage
     * does not change (staff decide what follows a decline). {@code actor} is a user or a partner's link.
     */
    @Transactional
    public void referralStep(UUID id, String step, String note, String actor, String actorRole) {
        if (!REFERRAL_STEPS.contains(step)) {
            throw new IllegalArgumentException("no referral step " + step);
        }
        Complaint c = load(id, step);
        event(c, step, c.status(), c.status(), note, actor, actorRole);
    }

    /**
     * The agency solved what the complaint was referred for: an open complaint is resolved with the agency's
     * note (what the citizen's status page then says); one already resolved or closed only notes it.
     */
    @Transactional
    public Complaint resolvedByReferral(UUID id, String referralNumber, String note, String actor, String actorRole) {
        Complaint c = load(id, "RESOLVE_BY_REFERRAL");
        String text = referralNumber + (note == null || note.isBlank() ? "" : ": " + note.strip());
        if (text.length() > MAX_NOTE) {
            text = text.substring(0, MAX_NOTE);
        }
        if (!c.status().open()) {
            event(c, "REFERRAL_COMPLETED", c.status(), c.status(), text, actor, actorRole);
            return c;
        }
        if (!complaints.transition(c.id(), c.status(), c.version(), ComplaintStatus.RESOLVED, text, clock.instant(),
                actor)) {
            throw ComplaintProblem.stale();
        }
        event(c, "RESOLVED_BY_REFERRAL", c.status(), ComplaintStatus.RESOLVED, text, actor, actorRole);
        audit.record("COMPLAINT_RESOLVED_BY_REFERRAL", ENTITY, c.id().toString(), c.regionCode(),
                Map.of("status", new Change(c.status().name(), ComplaintStatus.RESOLVED.name())), text);
        return complaints.find(id).orElseThrow();
    }

    // --- reading --------------------------------------------------------------------------------

    /** A complaint for its page; opening it is a read of personal data and is audited. */
    @Transactional
    public Optional<View> open(UUID id) {
        return complaints.find(id).map(c -> {
            audit.recordRead("COMPLAINT_READ", ENTITY, c.id().toString(), c.regionCode());
            return new View(c, complaints.events(id), complaints.files(id),
                    complaints.openForPerson(c.personNik(), c.category(), c.id()));
        });
    }

    @Transactional(readOnly = true)
    public Optional<Complaint> find(UUID id) {
        return complaints.find(id);
    }

    @Transactional(readOnly = true)
    public Paged<Complaint> list(ComplaintQuery query, int page, int size) {
        return complaints.list(query, today(), page, size);
    }

    /**
     * Oversight per category in the caller's scope: the backlog today and the work of complaints filed from
     * {@code from} up to and including {@code to} (district dates). Counts only, no personal data.
     */
    @Transactional(readOnly = true)
    public List<CategoryFigures> figures(LocalDate from, LocalDate to) {
        return complaints.figures(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(),
                today());
    }

    /** The backlog per category in the caller's scope today (open, past deadline); the period's figures are 0. */
    @Transactional(readOnly = true)
    public List<CategoryFigures> backlog() {
        return complaints.backlog(today());
    }

    /** One attachment of a complaint the caller can see; opening it is an audited read. */
    @Transactional
    public Optional<ComplaintFile> openFile(UUID id, UUID fileId) {
        return complaints.find(id).flatMap(c -> complaints.files(id).stream().filter(f -> f.id().equals(fileId))
                .findFirst().map(f -> {
                    audit.recordRead("COMPLAINT_FILE_READ", ENTITY, id.toString(), c.regionCode());
                    return f;
                }));
    }

    // --- the public ---------------------------------------------------------------------------

    /**
     * The stage of a complaint for whoever holds its code, and the last four digits of the phone number
     * when one was given. A wrong suffix is answered exactly like an unknown code.
     */
    public Optional<PublicStatus> publicStatus(String typedCode, String phoneSuffix) {
        Optional<String> code = TrackingCodes.normalize(typedCode);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        return scopes.asDistrict(() -> readTx.execute(s -> complaints.findByCode(code.get())))
                .filter(c -> c.complainantPhone() == null || c.complainantPhone().endsWith(digits(phoneSuffix))
                        && digits(phoneSuffix).length() == 4)
                .map(this::publicView);
    }

    /** What the receipt shows of a complaint just filed (the caller knows it was filed in this session). */
    public Optional<PublicStatus> receipt(String trackingCode) {
        return TrackingCodes.normalize(trackingCode)
                .flatMap(code -> scopes.asDistrict(() -> readTx.execute(s -> complaints.findByCode(code))))
                .map(this::publicView);
    }

    private PublicStatus publicView(Complaint c) {
        LocalDate done = c.status() == ComplaintStatus.RESOLVED ? date(c.resolvedAt())
                : c.status() == ComplaintStatus.CLOSED ? date(c.closedAt()) : null;
        return new PublicStatus(c.trackingCode(), c.regionCode(), c.status(), c.category(), date(c.createdAt()),
                c.acknowledgeDue(), c.resolveDue(), done);
    }

    // --- helpers --------------------------------------------------------------------------------

    private Complaint move(UUID id, Integer version, Set<ComplaintStatus> from, ComplaintStatus to, String action,
                           String note, boolean noteRequired, CurrentActor by) {
        Complaint c = load(id, action);
        requireHandler(c, by, action);
        if (!from.contains(c.status())) {
            throw deny(c, action, ComplaintProblem.wrongStatus(c.status()));
        }
        requireVersion(c, version);
        String text = note == null || note.isBlank() ? null : note.strip();
        if (noteRequired && text == null) {
            throw new ComplaintProblem(HttpStatus.BAD_REQUEST, "validation", "problem.validation",
                    List.of(new FieldError("note", "complaint.note-required")));
        }
        if (text != null && text.length() > MAX_NOTE) {
            throw new ComplaintProblem(HttpStatus.BAD_REQUEST, "validation", "problem.validation",
                    List.of(new FieldError("note", "complaint.too-long", MAX_NOTE)));
        }
        String resolution = to == ComplaintStatus.RESOLVED || to == ComplaintStatus.CLOSED ? text : null;
        if (!complaints.transition(c.id(), c.status(), c.version(), to, resolution, clock.instant(), by.username())) {
            throw ComplaintProblem.stale();
        }
        event(c, action, c.status(), to, text, by.username(), by.role());
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("status", new Change(c.status().name(), to.name()));
        audit.record("COMPLAINT_" + action, ENTITY, c.id().toString(), c.regionCode(), changes, text);
        notices.stageReached(c, to);
        events.publishEvent(new ComplaintStageChanged(c.id(), c.trackingCode(), c.regionCode(), c.status(), to));
        return complaints.find(id).orElseThrow();
    }

    private void event(Complaint c, String action, ComplaintStatus from, ComplaintStatus to, String note, String actor,
                       String role) {
        complaints.insertEvent(eventOf(c, action, from, to, note, actor, role, clock.instant()), c.regionCode());
    }

    private static ComplaintEvent eventOf(Complaint c, String action, ComplaintStatus from, ComplaintStatus to,
                                          String note, String actor, String role, Instant at) {
        return new ComplaintEvent(Ids.newId(), c.id(), at, actor, role, action, from, to, note);
    }

    /** A complaint the caller may see; one outside their region is answered as not found and audited as refused. */
    private Complaint load(UUID id, String action) {
        return complaints.find(id).orElseThrow(() -> {
            denials.record(action, id, null, "complaint.not-found");
            return ComplaintProblem.notFound();
        });
    }

    private void requireHandler(Complaint c, CurrentActor by, String action) {
        if (!HANDLERS.contains(by.role())) {
            throw deny(c, action, ComplaintProblem.forbidden());
        }
    }

    private static void requireVersion(Complaint c, Integer version) {
        if (version != null && version != c.version()) {
            throw ComplaintProblem.stale();
        }
    }

    private ComplaintProblem deny(Complaint c, String action, ComplaintProblem problem) {
        denials.record(action, c.id(), c.regionCode(), problem.messageCode());
        return problem;
    }

    private LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    private LocalDate date(Instant i) {
        return i == null ? null : i.atZone(zone).toLocalDate();
    }

    /** A filing cleaned (trimmed, NIKs without formatting, phone as digits) and what is still wrong with it. */
    private record Cleaned(Filing filing, List<FieldError> errors) {
    }

    private Cleaned clean(Filing f, String scope) {
        List<FieldError> errors = new ArrayList<>();
        String region = trim(f.regionCode());
        Optional<Region> desa = region == null ? Optional.empty() : regions.find(region);
        if (desa.isEmpty() || desa.get().level() != 4 || !RegionCodes.isWithin(region, scope)) {
            errors.add(new FieldError("regionCode", "complaint.region-required"));
        }
        String name = trim(f.complainantName());
        if (name == null) {
            errors.add(new FieldError("complainantName", "complaint.required"));
        } else if (name.length() > MAX_NAME) {
            errors.add(new FieldError("complainantName", "complaint.too-long", MAX_NAME));
        }
        String phone = phone(f.complainantPhone());
        if (phone != null && (phone.length() < 8 || phone.length() > 15)) {
            errors.add(new FieldError("complainantPhone", "complaint.phone-invalid"));
        }
        String nik = nik("complainantNik", f.complainantNik(), errors);
        String subject = nik("subjectNik", f.subjectNik(), errors);
        if (ComplaintCategory.parse(f.category()).isEmpty()) {
            errors.add(new FieldError("category", "complaint.category-required"));
        }
        if (f.type() != null && !f.type().isBlank() && ComplaintType.parse(f.type()).isEmpty()) {
            errors.add(new FieldError("type", "complaint.type-unknown"));
        }
        String description = f.description() == null || f.description().isBlank() ? null : f.description().strip();
        if (description == null) {
            errors.add(new FieldError("description", "complaint.required"));
        } else if (description.length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "complaint.too-long", MAX_DESCRIPTION));
        }
        return new Cleaned(new Filing(region, name, phone, nik, subject == null || subject.equals(nik) ? null : subject,
                f.category(), f.type(), description), errors);
    }

    /**
     * A NIK checked like the registry checks it; typed with spaces or dots it is taken as its digits (the
     * citizen copies it from a card), anything else wrong is refused on the field.
     */
    private String nik(String field, String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        IdNumbers.Check check = validator.nik(field, raw, null, null);
        if (check.valid()) {
            return raw.strip();
        }
        List<Issue> blocking = check.result().errors().stream()
                .filter(i -> !i.code().equals("nik.formatting")).toList();
        if (blocking.isEmpty() && check.suggestion() != null) {
            return check.suggestion();
        }
        Issue first = blocking.get(0);
        errors.add(new FieldError(field, first.messageKey(), first.args()));
        return null;
    }

    /** Phone as digits, an international 62 prefix read as the domestic 0. */
    static String phone(String raw) {
        String d = digits(raw);
        if (d.isEmpty()) {
            return null;
        }
        return d.startsWith("62") ? "0" + d.substring(2) : d;
    }

    private static String digits(String raw) {
        return raw == null ? "" : raw.replaceAll("\\D", "");
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
