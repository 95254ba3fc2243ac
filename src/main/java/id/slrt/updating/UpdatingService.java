package id.slrt.updating;

import id.slrt.audit.AuditLog;
import id.slrt.audit.Change;
import id.slrt.platform.ImageMetadata;
import id.slrt.platform.Paged;
import id.slrt.platform.StoredFile;
import id.slrt.registry.Member;
import id.slrt.registry.RegistryProblem;
import id.slrt.registry.RegistryService;
import id.slrt.registry.StaleEdit;
import id.slrt.shared.CurrentActor;
import id.slrt.shared.Ids;
import id.slrt.updating.ChangeRequest.StoredIssue;
import id.slrt.updating.internal.Applier;
import id.slrt.updating.internal.ChangeRequestRepository;
import id.slrt.updating.internal.ChangeRequestRepository.InboxQuery;
import id.slrt.updating.internal.ChangeRequestRepository.Transition;
import id.slrt.updating.internal.DeniedSteps;
import id.slrt.updating.internal.MusdesRepository;
import id.slrt.updating.UpdatePeriod.Cutoff;
import id.slrt.updating.internal.Proposals;
import java.time.Clock;
import java.time.Instant;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pemutakhiran workflow. A maker (desa operator, facilitator, or district operator) drafts and
 * submits; the kecamatan supervisor verifies or returns with a reason per field; the district SLRT
 * operator applies (deciding per field where the registry changed meanwhile) or rejects. The one who
 * made a request never verifies or applies it. Every step is on the request's timeline and in the
 * audit trail; a refused step is audited too. Row-level security limits every request to the caller's region.
 */
@Service
public class UpdatingService {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(UpdatingService.class);
    public static final String ENTITY = "change_request";
    public static final Set<String> MAKERS = Set.of("OPERATOR_DESA", "FASILITATOR", "OPERATOR_SLRT");
    public static final Set<String> VERIFIERS = Set.of("SUPERVISOR");
    public static final Set<String> APPLIERS = Set.of("OPERATOR_SLRT");

    private final ChangeRequestRepository requests;
    private final RegistryService registry;
    private final Proposals proposals;
    private final Applier applier;
    private final DeniedSteps denied;
    private final AuditLog audit;
    private final UpdatingSettings settings;
    private final Clock clock;
    private final ZoneId zone;
    private final TransactionTemplate perItem;
    private final MusdesRepository musdes;
    private final UpdatePeriods periods;

    UpdatingService(ChangeRequestRepository requests, RegistryService registry, Proposals proposals, Applier applier,
                    DeniedSteps denied, AuditLog audit, UpdatingSettings settings, Clock clock,
                    id.slrt.platform.SlrtProperties properties, PlatformTransactionManager transactions,
                    MusdesRepository musdes, UpdatePeriods periods) {
        this.musdes = musdes;
        this.periods = periods;
        this.requests = requests;
        this.registry = registry;
        this.proposals = proposals;
        this.applier = applier;
        this.denied = denied;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        this.zone = properties.timezone();
        this.perItem = new TransactionTemplate(transactions);
        this.perItem.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What a maker proposes: the kind, the household (null for a new one), field values and why. */
    public record Proposal(ChangeKind kind, UUID householdId, Map<String, String> proposed, String reason,
                           UUID musdesId) {
    }

    /** A request with everything its page shows. */
    public record View(ChangeRequest request, List<FieldDiff> diffs, boolean changedSinceBase,
                       List<RequestEvent> events, List<ChangeRequest> otherOpen, List<Evidence> evidence) {
        public boolean conflicts() {
            return diffs.stream().anyMatch(FieldDiff::conflict);
        }
    }

    // --- the maker ------------------------------------------------------------------------------

    @Transactional
    public ChangeRequest draft(Proposal p, CurrentActor by) {
        requireRole(MAKERS, by, "updating.forbidden.maker", null);
        if (p.kind() == null) {
            throw new UpdatingProblem(HttpStatus.BAD_REQUEST, "validation", "updating.kind-required");
        }
        requireReason(p.reason());
        RegistryService.Detail current = null;
        Map<String, String> snapshot = Map.of();
        if (p.kind().needsHousehold()) {
            if (p.householdId() == null) {
                throw new UpdatingProblem(HttpStatus.BAD_REQUEST, "validation", "updating.household-required");
            }
            current = registry.find(p.householdId()).orElseThrow(UpdatingProblem::notFound);
            snapshot = FieldKeys.snapshot(current);
        }
        Map<String, String> proposed = clean(p.proposed());
        Map<String, String> base = FieldKeys.base(proposed, snapshot);
        String region = current != null ? current.household().regionCode() : newHouseholdRegion(proposed, by);
        checkMusdes(p.musdesId(), region);
        Instant now = clock.instant();
        ChangeRequest r = new ChangeRequest(Ids.newId(), requests.nextNumber(now.atZone(zone).getYear()), region,
                p.kind(), RequestStatus.DRAFT, p.householdId(),
                current == null ? null : current.household().version(), base, proposed,
                subject(current, proposed), p.reason().trim(), proposals.check(p.kind(), current, proposed, base),
                Map.of(), p.musdesId(), null, null, by.userId(), by.username(), by.role(), null, null, null, null,
                null, null, 0, now, now, by.username(), Map.of(), Map.of());
        requests.insert(r);
        event(r, "CREATED", null, RequestStatus.DRAFT, r.reason(), Map.of(), by);
        audit.record("UPDATING_CREATED", ENTITY, r.id().toString(), r.regionCode(), changes(base, proposed), r.reason());
        return r;
    }

    /** The maker changes a draft or returned request; its history and base stay. */
    @Transactional
    public ChangeRequest edit(UUID id, int version, Map<String, String> proposedValues, String reason, UUID musdesId,
                              CurrentActor by) {
        ChangeRequest r = load(id, by, "EDIT");
        requireMaker(r, by, "EDIT");
        if (!r.status().editable()) {
            throw deny(r, by, "EDIT", UpdatingProblem.wrongStatus(r.status()));
        }
        requireReason(reason);
        checkMusdes(musdesId, r.regionCode());
        RegistryService.Detail current = currentOf(r);
        Map<String, String> proposed = clean(proposedValues);
        if (r.kind() == ChangeKind.NEW_HOUSEHOLD
                && !r.regionCode().equals(FieldKeys.value(proposed, "household.regionCode").trim())) {
            // the desa decides who verifies: a new household proposed in another desa is another request
            throw new UpdatingProblem(HttpStatus.BAD_REQUEST, "validation", "problem.validation",
                    List.of(new UpdatingProblem.FieldError("household.regionCode", "updating.region-fixed")));
        }
        Map<String, String> base = new LinkedHashMap<>(r.base());
        Map<String, String> snapshot = current == null ? Map.of() : FieldKeys.snapshot(current);
        proposed.keySet().forEach(k -> base.putIfAbsent(k, FieldKeys.value(snapshot, k)));
        base.keySet().retainAll(proposed.keySet());
        Instant now = clock.instant();
        ChangeRequest edited = new ChangeRequest(r.id(), r.number(), r.regionCode(), r.kind(), r.status(),
                r.householdId(), r.baseVersion(), base, proposed, subject(current, proposed), reason.trim(),
                check(r, proposed, base), r.returns(), musdesId, r.batchId(), r.dueAt(),
                r.makerId(), r.maker(), r.makerRole(), r.submittedAt(), r.verifier(), r.verifiedAt(), r.applier(),
                r.appliedAt(), r.resultHouseholdId(), r.version() + 1, r.createdAt(), now, by.username(),
                r.appliedValues(), r.appliedMembers());
        if (!requests.updateProposal(edited, version)) {
            throw new UpdatingProblem(HttpStatus.CONFLICT, "conflict", "updating.stale");
        }
        event(r, "EDITED", r.status(), r.status(), reason.trim(), changedKeys(r.proposed(), proposed), by);
        audit.record("UPDATING_EDITED", ENTITY, id.toString(), r.regionCode(), changes(r.proposed(), proposed),
                reason.trim());
        return edited;
    }

    /** Sends a draft (or a fixed returned request) to the kecamatan supervisor; refused while it has errors. */
    @Transactional
    public ChangeRequest submit(UUID id, CurrentActor by) {
        ChangeRequest r = load(id, by, "SUBMIT");
        requireMaker(r, by, "SUBMIT");
        List<StoredIssue> issues = check(r, r.proposed(), r.base());
        if (issues.stream().anyMatch(StoredIssue::error)) {
            throw deny(r, by, "SUBMIT", new UpdatingProblem(HttpStatus.UNPROCESSABLE_CONTENT, "updating-invalid",
                    "updating.has-errors"));
        }
        if (r.status() == RequestStatus.DRAFT) {
            try {
                periods.requireSubmissionOpen();
            } catch (UpdatingProblem cutoffPassed) {
                throw deny(r, by, "SUBMIT", cutoffPassed);
            }
        }
        requests.updateIssues(r.id(), issues); // reviewers see the findings as they were at submission
        Instant now = clock.instant();
        return move(r, Set.of(RequestStatus.DRAFT, RequestStatus.RETURNED), RequestStatus.SUBMITTED, "SUBMITTED",
                new Transition(due(now, settings.verifyDays(), Cutoff.KECAMATAN), now, null, null, null, null, null, Map.of(), null),
                null, Map.of(), by);
    }

    @Transactional
    public ChangeRequest withdraw(UUID id, String reason, CurrentActor by) {
        ChangeRequest r = load(id, by, "WITHDRAW");
        requireMaker(r, by, "WITHDRAW");
        return move(r, Set.of(RequestStatus.DRAFT, RequestStatus.RETURNED, RequestStatus.SUBMITTED),
                RequestStatus.WITHDRAWN, "WITHDRAWN", Transition.due(null), reason, Map.of(), by);
    }

    // --- the kecamatan supervisor ---------------------------------------------------------------

    @Transactional
    public ChangeRequest verify(UUID id, String note, CurrentActor by) {
        ChangeRequest r = load(id, by, "VERIFY");
        requireRole(VERIFIERS, by, "updating.forbidden.verifier", r);
        notTheMaker(r, by, "VERIFY");
        Instant now = clock.instant();
        return move(r, Set.of(RequestStatus.SUBMITTED), RequestStatus.VERIFIED, "VERIFIED",
                new Transition(due(now, settings.applyDays(), Cutoff.DISTRICT), null, by.username(), now, null, null, null, null, null),
                note, Map.of(), by);
    }

    /**
     * Sends a request back to its maker with a reason per field (key {@code ""} for the request as a
     * whole); the supervisor before verifying, or the district before applying.
     */
    @Transactional
    public ChangeRequest returnToMaker(UUID id, Map<String, String> fieldReasons, CurrentActor by) {
        ChangeRequest r = load(id, by, "RETURN");
        Map<String, String> reasons = new LinkedHashMap<>();
        (fieldReasons == null ? Map.<String, String>of() : fieldReasons).forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                reasons.put(k == null ? "" : k, v.trim());
            }
        });
        Set<RequestStatus> from = switch (by.role()) {
            case "SUPERVISOR" -> Set.of(RequestStatus.SUBMITTED);
            case "OPERATOR_SLRT" -> Set.of(RequestStatus.VERIFIED);
            default -> throw deny(r, by, "RETURN", UpdatingProblem.forbidden("updating.forbidden.verifier"));
        };
        notTheMaker(r, by, "RETURN");
        if (reasons.isEmpty()) {
            throw deny(r, by, "RETURN", new UpdatingProblem(HttpStatus.BAD_REQUEST, "validation",
                    "updating.return-reason-required"));
        }
        Instant now = clock.instant();
        return move(r, from, RequestStatus.RETURNED, "RETURNED",
                new Transition(due(now, settings.fixDays(), Cutoff.KECAMATAN), null, null, null, null, null, null, reasons, null),
                reasons.getOrDefault("", null), reasons, by);
    }

    // --- the district SLRT operator -------------------------------------------------------------

    /**
     * Applies a verified request to the registry. Where the registry changed a proposed field since the
     * request was made, {@code decisions} must say per field which value wins ({@code PROPOSED} or
     * {@code CURRENT}); nothing is overwritten silently.
     */
    @Transactional
    public ChangeRequest apply(UUID id, Map<String, String> decisions, CurrentActor by) {
        ChangeRequest r = load(id, by, "APPLY");
        requireRole(APPLIERS, by, "updating.forbidden.applier", r);
        notTheMaker(r, by, "APPLY");
        if (r.status() != RequestStatus.VERIFIED) {
            throw deny(r, by, "APPLY", UpdatingProblem.wrongStatus(r.status()));
        }
        Map<String, String> chosen = decisions == null ? Map.of() : decisions;
        Map<String, String> effective = new LinkedHashMap<>();
        List<String> undecided = new ArrayList<>();
        Target target = target(r, r.proposed(), r.base());
        for (FieldDiff d : diffs(target, current(target.householdId()))) {
            String decision = chosen.get(d.key());
            if (d.conflict() && decision == null) {
                undecided.add(d.key());
            } else if ((!d.conflict() || "PROPOSED".equals(decision))
                    && (d.key().startsWith("new.") || !d.proposed().equals(d.current()))) {
                effective.put(d.key(), d.proposed());
            }
        }
        if (!undecided.isEmpty()) {
            throw deny(r, by, "APPLY", new UpdatingProblem(HttpStatus.CONFLICT, "updating-conflict",
                    "updating.decision-needed", undecided.stream()
                    .map(k -> new UpdatingProblem.FieldError(k, "updating.decision-needed-field")).toList()));
        }
        UUID result;
        try {
            result = effective.isEmpty() ? target.householdId()
                    : applier.apply(r, target.householdId(), effective, by);
        } catch (RegistryProblem e) {
            throw new UpdatingProblem(HttpStatus.UNPROCESSABLE_CONTENT, "updating-invalid", "updating.apply-invalid",
                    e.issues().stream().map(i -> new UpdatingProblem.FieldError(i.field(), i.messageKey(), i.args()))
                            .toList());
        } catch (StaleEdit | RegistryService.NotFound e) {
            // the household or a member changed or left between reading and writing: nothing was applied
            throw new UpdatingProblem(HttpStatus.CONFLICT, "conflict", "updating.stale");
        }
        rememberApplied(r, result, effective);
        Instant now = clock.instant();
        Map<String, String> details = new LinkedHashMap<>();
        chosen.forEach((k, v) -> details.put(k, v));
        return move(r, Set.of(RequestStatus.VERIFIED), RequestStatus.APPLIED, "APPLIED",
                new Transition(null, null, null, null, by.username(), now, result, null, null), null, details, by);
    }

    @Transactional
    public ChangeRequest reject(UUID id, String reason, CurrentActor by) {
        ChangeRequest r = load(id, by, "REJECT");
        requireRole(APPLIERS, by, "updating.forbidden.applier", r);
        notTheMaker(r, by, "REJECT");
        try {
            requireReason(reason);
        } catch (UpdatingProblem missing) {
            throw deny(r, by, "REJECT", missing);
        }
        return move(r, Set.of(RequestStatus.VERIFIED, RequestStatus.SUBMITTED), RequestStatus.REJECTED, "REJECTED",
                Transition.due(null), reason.trim(), Map.of(), by);
    }

    /** The outcome of one item of a bulk action: done, or refused with the problem's message key. */
    public record BulkResult(UUID id, String number, boolean done, String messageCode, Object[] args) {
    }

    /** The steps a bulk action may take. */
    public enum BulkAction { SUBMIT, VERIFY, APPLY }

    /**
     * Takes one step on many requests, each in its own transaction and checked like a single step: one
     * refused item does not stop or undo the others. Conflicting requests are not applied in bulk
     * (they need a decision per field).
     */
    public List<BulkResult> bulk(BulkAction action, List<UUID> ids, String note, CurrentActor by) {
        List<BulkResult> results = new ArrayList<>();
        for (UUID id : ids) {
            try {
                ChangeRequest r = perItem.execute(status -> switch (action) {
                    case SUBMIT -> submit(id, by);
                    case VERIFY -> verify(id, note, by);
                    case APPLY -> apply(id, Map.of(), by);
                });
                results.add(new BulkResult(id, r.number(), true, null, null));
            } catch (id.slrt.platform.ProblemException e) {
                results.add(new BulkResult(id, null, false, e.messageCode(), e.args()));
            } catch (RegistryService.NotFound | StaleEdit e) {
                results.add(new BulkResult(id, null, false, "updating.stale", new Object[0]));
            } catch (RuntimeException e) {
                // one item's unexpected failure is that item's answer, not the end of the batch
                log.warn("bulk {} of request {} failed", action, id, e);
                results.add(new BulkResult(id, null, false, "updating.failed", new Object[0]));
            }
        }
        return results;
    }

    // --- evidence -------------------------------------------------------------------------------

    /**
     * Attaches a stored file to a request: the maker while it is theirs to change or waiting for the
     * supervisor; the supervisor or district while the request is in their hands (e.g. a field-visit photo).
     */
    @Transactional
    public Evidence attach(UUID id, String evidenceType, StoredFile file, ImageMetadata meta, CurrentActor by) {
        ChangeRequest r = mayAttach(id, by);
        if (!Evidence.TYPES.contains(evidenceType)) {
            throw new UpdatingProblem(HttpStatus.BAD_REQUEST, "validation", "problem.validation",
                    List.of(new UpdatingProblem.FieldError("evidenceType", "updating.evidence-type-unknown")));
        }
        Evidence e = new Evidence(Ids.newId(), id, evidenceType, file.sha256(), file.size(), file.contentType(),
                file.originalName(), meta.taken().orElse(null), meta.latitude().orElse(null),
                meta.longitude().orElse(null), clock.instant(), by.username());
        requests.insertEvidence(e, r.regionCode());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("type", evidenceType);
        details.put("file", file.originalName());
        event(r, "FILE_ADDED", r.status(), r.status(), null, details, by);
        audit.record("UPDATING_FILE_ADDED", ENTITY, id.toString(), r.regionCode(),
                Map.of("file", new Change(null, evidenceType + " " + file.sha256())), file.originalName());
        return e;
    }

    /**
     * Refuses (and audits) an upload to a request the caller may not add evidence to, before the file is
     * stored: nobody fills the disk through a request they cannot touch.
     */
    @Transactional
    public ChangeRequest mayAttach(UUID id, CurrentActor by) {
        ChangeRequest r = load(id, by, "ATTACH");
        boolean maker = r.makerId().equals(by.userId())
                && (r.status().editable() || r.status() == RequestStatus.SUBMITTED);
        boolean reviewer = (VERIFIERS.contains(by.role()) && r.status() == RequestStatus.SUBMITTED)
                || (APPLIERS.contains(by.role()) && r.status() == RequestStatus.VERIFIED);
        if (!maker && !reviewer) {
            throw deny(r, by, "ATTACH", UpdatingProblem.forbidden("updating.forbidden.attach"));
        }
        return r;
    }

    @Transactional(readOnly = true)
    public List<Evidence> evidence(UUID id) {
        return requests.evidence(id);
    }

    /** One evidence file of a request the caller can see; viewing it is an audited read of personal data. */
    @Transactional
    public Optional<Evidence> openEvidence(UUID id, UUID fileId) {
        Optional<Evidence> found = requests.find(id).flatMap(r -> requests.evidence(id).stream()
                .filter(e -> e.id().equals(fileId)).findFirst().map(e -> {
                    audit.recordRead("UPDATING_FILE_READ", ENTITY, id.toString(), r.regionCode());
                    return e;
                }));
        return found;
    }

    // --- reading --------------------------------------------------------------------------------

    /** A request for its page; opening it is a read of personal data and is audited. */
    @Transactional
    public Optional<View> open(UUID id) {
        Optional<ChangeRequest> found = requests.find(id);
        found.ifPresent(r -> audit.recordRead("UPDATING_READ", ENTITY, r.id().toString(), r.regionCode()));
        return found.map(this::view);
    }

    @Transactional(readOnly = true)
    public Optional<ChangeRequest> find(UUID id) {
        return requests.find(id);
    }

    @Transactional(readOnly = true)
    public Paged<ChangeRequest> list(InboxQuery query, int page, int size) {
        return requests.list(query, page, size);
    }

    @Transactional(readOnly = true)
    public Map<RequestStatus, Long> countByStatus(String regionPrefix) {
        return requests.countByStatus(regionPrefix);
    }

    @Transactional(readOnly = true)
    public List<RequestEvent> events(UUID id) {
        return requests.events(id);
    }

    private View view(ChangeRequest r) {
        Target target = target(r, r.proposed(), r.base());
        RegistryService.Detail current = current(target.householdId());
        boolean open = RequestStatus.OPEN.contains(r.status());
        List<FieldDiff> diffs = open ? diffs(target, current) : r.proposed().entrySet().stream()
                .map(e -> new FieldDiff(e.getKey(), FieldKeys.value(r.base(), e.getKey()), "", e.getValue(), false))
                .toList();
        boolean changed = open && current != null && (r.appliedBefore() ? diffs.stream().anyMatch(FieldDiff::conflict)
                : r.baseVersion() != null && current.household().version() != r.baseVersion());
        List<ChangeRequest> others = r.householdId() == null ? List.of() : requests.openOnHousehold(r.householdId(), r.id());
        return new View(r, diffs, changed, requests.events(r.id()), others, requests.evidence(r.id()));
    }

    /** Base, current and proposed value per proposed field; a conflict where the registry moved away from the base. */
    List<FieldDiff> diffs(Target r, RegistryService.Detail current) {
        Map<String, String> now = current == null ? Map.of() : FieldKeys.snapshot(current);
        List<FieldDiff> diffs = new ArrayList<>();
        r.proposed().forEach((key, proposed) -> {
            String base = FieldKeys.value(r.base(), key);
            String value = key.startsWith("new.") ? "" : FieldKeys.value(now, key);
            boolean conflict = current != null && !key.startsWith("new.") && !value.equals(base)
                    && !value.equals(proposed);
            diffs.add(new FieldDiff(key, base, value, proposed, conflict));
        });
        return diffs;
    }

    // --- helpers --------------------------------------------------------------------------------

    private ChangeRequest move(ChangeRequest r, Set<RequestStatus> from, RequestStatus to, String action, Transition t,
                               String reason, Map<String, String> details, CurrentActor by) {
        if (!from.contains(r.status())) {
            throw deny(r, by, action, UpdatingProblem.wrongStatus(r.status()));
        }
        if (!requests.transition(r.id(), r.status(), to, clock.instant(), by.username(), t)) {
            throw new UpdatingProblem(HttpStatus.CONFLICT, "conflict", "updating.stale");
        }
        event(r, action, r.status(), to, reason, details, by);
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("status", new Change(r.status().name(), to.name()));
        details.forEach((k, v) -> changes.put(k.isEmpty() ? "reason" : k, new Change(null, v)));
        audit.record("UPDATING_" + action, ENTITY, r.id().toString(), r.regionCode(), changes, reason);
        return requests.find(r.id()).orElseThrow();
    }

    private void event(ChangeRequest r, String action, RequestStatus from, RequestStatus to, String reason,
                       Map<String, String> details, CurrentActor by) {
        requests.insertEvent(new RequestEvent(Ids.newId(), r.id(), clock.instant(), by.username(), by.role(), action,
                from, to, reason, details), r.regionCode());
    }

    /** Loads a request the caller may see; an unseen one is answered as not found and audited as refused. */
    private ChangeRequest load(UUID id, CurrentActor by, String action) {
        return requests.find(id).orElseThrow(() -> {
            denied.record(action, id, null, "updating.not-found", by);
            return UpdatingProblem.notFound();
        });
    }

    private void requireRole(Set<String> roles, CurrentActor by, String messageCode, ChangeRequest r) {
        if (!roles.contains(by.role())) {
            UpdatingProblem problem = UpdatingProblem.forbidden(messageCode);
            if (r != null) {
                throw deny(r, by, messageCode, problem);
            }
            throw problem;
        }
    }

    private void requireMaker(ChangeRequest r, CurrentActor by, String action) {
        if (!r.makerId().equals(by.userId())) {
            throw deny(r, by, action, UpdatingProblem.forbidden("updating.forbidden.not-maker"));
        }
    }

    private void notTheMaker(ChangeRequest r, CurrentActor by, String action) {
        if (r.makerId().equals(by.userId())) {
            throw deny(r, by, action, UpdatingProblem.forbidden("updating.forbidden.own-request"));
        }
    }

    private UpdatingProblem deny(ChangeRequest r, CurrentActor by, String action, UpdatingProblem problem) {
        denied.record(action, r.id(), r.regionCode(), problem.messageCode(), by);
        return problem;
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new UpdatingProblem(HttpStatus.BAD_REQUEST, "validation", "problem.validation",
                    List.of(new UpdatingProblem.FieldError("reason", "updating.reason-required")));
        }
    }

    private RegistryService.Detail currentOf(ChangeRequest r) {
        return current(r.householdId());
    }

    private RegistryService.Detail current(UUID householdId) {
        return householdId == null ? null : registry.find(householdId).orElse(null);
    }

    /**
     * What a request changes now: which household, from which base values, to which proposed values.
     * A request applied before (and sent back, e.g. by Kemensos) changes the household it made or
     * changed, its added rows become the members they turned into, and its base is what it applied.
     */
    record Target(ChangeKind kind, UUID householdId, Map<String, String> base, Map<String, String> proposed) {
    }

    Target target(ChangeRequest r, Map<String, String> proposed, Map<String, String> base) {
        if (!r.appliedBefore()) {
            return new Target(r.kind(), r.householdId(), base, proposed);
        }
        UUID household = r.resultHouseholdId() != null ? r.resultHouseholdId() : r.householdId();
        Map<String, String> translated = translate(proposed, r.appliedMembers());
        Map<String, String> applied = translate(r.appliedValues(), r.appliedMembers());
        Map<String, String> translatedBase = translate(base, r.appliedMembers());
        Map<String, String> newBase = new LinkedHashMap<>();
        translated.keySet().forEach(k -> newBase.put(k, applied.containsKey(k) ? applied.get(k)
                : FieldKeys.value(translatedBase, k)));
        ChangeKind kind = r.kind() == ChangeKind.NEW_HOUSEHOLD || r.kind() == ChangeKind.ADD_MEMBER
                ? ChangeKind.CORRECT : r.kind();
        return new Target(kind, household, newBase, translated);
    }

    /** Rows added by an earlier application ({@code new.<n>.<field>}) as the members they became. */
    private static Map<String, String> translate(Map<String, String> values, Map<String, String> members) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            String member = key.startsWith("new.") ? members.get(FieldKeys.middle(key)) : null;
            out.put(member == null ? key : "member." + member + "." + FieldKeys.field(key), value);
        });
        return out;
    }

    private List<StoredIssue> check(ChangeRequest r, Map<String, String> proposed, Map<String, String> base) {
        Target t = target(r, proposed, base);
        return proposals.check(t.kind(), current(t.householdId()), t.proposed(), t.base());
    }

    /** Keeps what an application changed and which member each added row became. */
    private void rememberApplied(ChangeRequest r, UUID household, Map<String, String> effective) {
        Map<String, String> members = new LinkedHashMap<>(r.appliedMembers());
        Proposals.addedMembers(effective, current(household)).forEach((n, m) -> members.put(n, m.id().toString()));
        Map<String, String> values = new LinkedHashMap<>(translate(r.appliedValues(), members));
        values.putAll(translate(effective, members));
        requests.recordApplied(r.id(), values, members);
    }

    private String newHouseholdRegion(Map<String, String> proposed, CurrentActor by) {
        String region = FieldKeys.value(proposed, "household.regionCode").trim();
        if (region.length() != 10 || !region.startsWith(by.regionScope())) {
            throw new UpdatingProblem(HttpStatus.BAD_REQUEST, "validation", "problem.validation",
                    List.of(new UpdatingProblem.FieldError("household.regionCode", "validation.region.not-desa")));
        }
        return region;
    }

    // --- musdes and period checks (musdes/periods part) ----------------------------------------

    /**
     * The due date of a step: {@code days} from now, or the end of the active period's cut-off day
     * for the one who must act next, whichever comes first.
     */
    private Instant due(Instant from, int days, Cutoff cutoff) {
        return periods.dueAt(from, days, cutoff);
    }

    /** A request may be grouped only under a deliberation of its own desa that has already taken place. */
    private void checkMusdes(UUID musdesId, String region) {
        if (musdesId == null) {
            return;
        }
        Musdes m = musdes.find(musdesId).orElseThrow(() -> musdesProblem("updating.musdes.not-found"));
        if (!m.regionCode().equals(region)) {
            throw musdesProblem("updating.musdes.other-desa");
        }
        if (m.heldOn().isAfter(clock.instant().atZone(zone).toLocalDate())) {
            throw musdesProblem("updating.musdes.future");
        }
    }

    private static UpdatingProblem musdesProblem(String code) {
        return new UpdatingProblem(HttpStatus.BAD_REQUEST, "validation", "problem.validation",
                List.of(new UpdatingProblem.FieldError("musdesId", code)));
    }

    /** The proposal with trimmed keys and values; a key of no known shape is refused, not stored. */
    private static Map<String, String> clean(Map<String, String> proposed) {
        Map<String, String> cleaned = new LinkedHashMap<>();
        List<UpdatingProblem.FieldError> malformed = new ArrayList<>();
        if (proposed != null) {
            proposed.forEach((k, v) -> {
                if (k != null && !k.isBlank()) {
                    if (!Proposals.WELL_FORMED.matcher(k.trim()).matches()) {
                        malformed.add(new UpdatingProblem.FieldError(k, "validation.updating.field-not-allowed"));
                    }
                    cleaned.put(k.trim(), v == null ? "" : v.strip());
                }
            });
        }
        if (!malformed.isEmpty()) {
            throw new UpdatingProblem(HttpStatus.BAD_REQUEST, "validation", "problem.validation", malformed);
        }
        return cleaned;
    }

    private static String subject(RegistryService.Detail current, Map<String, String> proposed) {
        if (current == null) {
            String head = Proposals.newIndexes(proposed).stream()
                    .filter(n -> "KEPALA".equals(proposed.get("new." + n + ".relationship")))
                    .map(n -> FieldKeys.value(proposed, "new." + n + ".fullName")).findFirst().orElse("");
            return ("KK " + FieldKeys.value(proposed, "household.noKk") + " · " + head).trim();
        }
        String head = current.members().stream().filter(m -> m.active() && m.relationship().name().equals("KEPALA"))
                .map(Member::fullName).findFirst().orElse("");
        return "KK " + current.household().noKk() + " · " + head;
    }

    private static Map<String, Change> changes(Map<String, String> before, Map<String, String> after) {
        Map<String, Change> changes = new LinkedHashMap<>();
        after.forEach((k, v) -> {
            String old = before.get(k);
            if (old == null || !old.equals(v)) {
                changes.put(k, new Change(old, v));
            }
        });
        return changes;
    }

    private static Map<String, String> changedKeys(Map<String, String> before, Map<String, String> after) {
        Map<String, String> changed = new LinkedHashMap<>();
        after.forEach((k, v) -> {
            if (!v.equals(before.get(k))) {
                changed.put(k, v);
            }
        });
        return changed;
    }
}
