package id.slrt.registry;

import id.slrt.audit.AuditLog;
import id.slrt.audit.Change;
import id.slrt.platform.DbScope;
import id.slrt.platform.Paged;
import id.slrt.region.Region;
import id.slrt.region.RegionService;
import id.slrt.registry.HouseholdForm.MemberForm;
import id.slrt.registry.internal.RegistryRepository;
import id.slrt.registry.internal.RegistryRepository.IssueRow;
import id.slrt.shared.CurrentActor;
import id.slrt.shared.Ids;
import id.slrt.shared.RegionCodes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Registering and changing households and members. Every save runs the validation service; errors
 * refuse it, warnings need a reason; every change is written to the household's history and the
 * audit trail in the same transaction. What a caller can see or change is limited by row-level security.
 */
@Service
public class RegistryService {
    public static final String ENTITY = "household";

    private final RegistryRepository repository;
    private final RegistryValidator validator;
    private final RegionService regions;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    RegistryService(RegistryRepository repository, RegistryValidator validator, RegionService regions, AuditLog audit,
                    ObjectMapper json, Clock clock) {
        this.repository = repository;
        this.validator = validator;
        this.regions = regions;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** A household with everything the household page shows. */
    public record Detail(Household household, List<Member> members, List<RegistryRepository.OpenIssue> issues,
                         List<Attachment> ppks, List<Attachment> programs, List<BankAccount> bankAccounts) {
    }

    /** The household for editing (not audited as a read: the edit that follows is). */
    @Transactional(readOnly = true)
    public Optional<Detail> find(UUID id) {
        return repository.household(id).map(h -> new Detail(h, repository.members(id), repository.openIssues(id),
                repository.ppks(id), repository.programs(id), repository.bankAccounts(id)));
    }

    /** Open data-quality findings per desa and kind, under a region prefix (the caller's scope applies). */
    @Transactional(readOnly = true)
    public List<QualityCount> qualityCounts(String regionPrefix) {
        return repository.qualityCounts(regionPrefix);
    }

    /** Open findings per desa under a region prefix, each household counted once. */
    @Transactional(readOnly = true)
    public List<QualityDesa> qualityByDesa(String regionPrefix) {
        return repository.qualityByDesa(regionPrefix);
    }

    @Transactional(readOnly = true)
    public Paged<QualityItem> worklist(String regionPrefix, String code, int page, int size) {
        return repository.worklist(regionPrefix, code, page, size);
    }

    /**
     * A stored finding as the current viewer may see it: a duplicate NIK names the other household's
     * desa only when that household lies in the viewer's scope (findings are stored once, read by many).
     */
    @Transactional(readOnly = true)
    public Issue forViewer(Issue issue) {
        if (!"nik.duplicate-visible".equals(issue.code()) || issue.args().length == 0) {
            return issue;
        }
        try {
            UUID other = UUID.fromString(String.valueOf(issue.args()[0]));
            if (repository.household(other).isPresent()) {
                return issue;
            }
        } catch (IllegalArgumentException e) {
            // not an id: say no more than that it exists
        }
        return new Issue("nik.duplicate-elsewhere", issue.severity(), issue.field());
    }

    /** Records a PPKS condition of the household (member null) or of one member. */
    @Transactional
    public void addPpks(UUID householdId, UUID memberId, String category, LocalDate since, String note, CurrentActor by) {
        Household h = repository.household(householdId).orElseThrow(() -> new NotFound(householdId));
        checkMember(householdId, memberId);
        ValidationResult result = new ValidationResult();
        Optional<String> appliesTo = repository.ppksAppliesTo(category == null ? "" : category);
        if (appliesTo.isEmpty()) {
            result.add(Issue.error("category", "ppks.unknown"));
        } else if (appliesTo.get().equals(memberId == null ? "PERSON" : "HOUSEHOLD")) {
            result.add(Issue.error("memberId", memberId == null ? "ppks.needs-person" : "ppks.needs-household"));
        }
        notInFuture("since", since, result);
        if (!result.valid()) {
            throw new RegistryProblem(result);
        }
        Instant now = clock.instant();
        UUID id = Ids.newId();
        repository.insertPpks(id, householdId, memberId, h.regionCode(), category, since, trim(note), now, by.username());
        attached(h, "ppks_condition", id, "ADDED", category, now, by);
    }

    @Transactional
    public void endPpks(UUID householdId, UUID ppksId, LocalDate ended, CurrentActor by) {
        Household h = repository.household(householdId).orElseThrow(() -> new NotFound(householdId));
        ValidationResult result = new ValidationResult();
        notInFuture("date", ended, result);
        if (ended == null) {
            result.add(Issue.error("date", "member-status.date-required"));
        }
        if (!result.valid()) {
            throw new RegistryProblem(result);
        }
        if (!repository.endPpks(ppksId, householdId, ended)) {
            throw new NotFound(ppksId);
        }
        attached(h, "ppks_condition", ppksId, "ENDED", ended.toString(), clock.instant(), by);
    }

    /** Records that the household (member null) or a member receives a program. */
    @Transactional
    public void addProgram(UUID householdId, UUID memberId, String program, LocalDate since, CurrentActor by) {
        addProgram(householdId, memberId, program, since, "ACTIVE", by);
    }

    /**
     * Records a program participation as {@code ACTIVE} or only {@code PROPOSED} (an usulan sent to
     * Kemensos, not yet received).
     */
    @Transactional
    public void addProgram(UUID householdId, UUID memberId, String program, LocalDate since, String status,
                           CurrentActor by) {
        Household h = repository.household(householdId).orElseThrow(() -> new NotFound(householdId));
        checkMember(householdId, memberId);
        ValidationResult result = new ValidationResult();
        if (program == null || !repository.programExists(program)) {
            result.add(Issue.error("program", "program.unknown"));
        } else if (repository.programActive(householdId, memberId, program)) {
            result.add(Issue.error("program", "program.already-active"));
        }
        notInFuture("since", since, result);
        if (!result.valid()) {
            throw new RegistryProblem(result);
        }
        Instant now = clock.instant();
        UUID id = Ids.newId();
        repository.insertProgram(id, householdId, memberId, h.regionCode(), program, since, status, now, by.username());
        attached(h, "program_participation", id, "PROPOSED".equals(status) ? "PROPOSED" : "ADDED", program, now, by);
    }

    /**
     * A proposed participation (usulan) becomes active because Kemensos confirmed it; false when there
     * is no proposed participation of that program for the household (member null) or member.
     */
    @Transactional
    public boolean activateProposedProgram(UUID householdId, UUID memberId, String program, LocalDate since,
                                           CurrentActor by) {
        Household h = repository.household(householdId).orElseThrow(() -> new NotFound(householdId));
        Instant now = clock.instant();
        Optional<UUID> id = repository.activateProposedProgram(householdId, memberId, program, since, now,
                by.username());
        id.ifPresent(participation -> attached(h, "program_participation", participation, "ACTIVATED", program, now, by));
        return id.isPresent();
    }

    /** Ends (or suspends) a program participation on a date. */
    @Transactional
    public void endProgram(UUID householdId, UUID participationId, String status, LocalDate until, CurrentActor by) {
        Household h = repository.household(householdId).orElseThrow(() -> new NotFound(householdId));
        ValidationResult result = new ValidationResult();
        if (!"ENDED".equals(status) && !"SUSPENDED".equals(status)) {
            result.add(Issue.error("status", "member-status.invalid"));
        }
        if (until == null) {
            result.add(Issue.error("date", "member-status.date-required"));
        }
        notInFuture("date", until, result);
        if (!result.valid()) {
            throw new RegistryProblem(result);
        }
        Instant now = clock.instant();
        if (!repository.endProgram(participationId, householdId, status, until, now, by.username())) {
            throw new NotFound(participationId);
        }
        attached(h, "program_participation", participationId, status, until.toString(), now, by);
    }

    private void checkMember(UUID householdId, UUID memberId) {
        if (memberId != null && repository.member(memberId).filter(m -> m.householdId().equals(householdId)).isEmpty()) {
            throw new NotFound(memberId);
        }
    }

    private void notInFuture(String field, LocalDate date, ValidationResult result) {
        if (date != null && date.isAfter(validator.today())) {
            result.add(Issue.error(field, "date.future"));
        }
    }

    private void attached(Household h, String entity, UUID id, String action, String value, Instant now, CurrentActor by) {
        Map<String, Change> changes = Map.of(Set.of("ADDED", "PROPOSED", "ACTIVATED").contains(action) ? "code" : "until",
                new Change(null, value));
        history(h, entity, id, action, changes, null, now, by);
        repository.touchHousehold(h.id(), h.quality(), now, by.username());
        audit.record("REGISTRY_" + entity.toUpperCase() + "_" + action, ENTITY, h.id().toString(), h.regionCode(),
                changes, null);
    }

    /** Adds a bank account for a member after the bank-account check; errors refuse it. */
    @Transactional
    public BankAccount addBankAccount(UUID householdId, UUID memberId, String bankCode, String number, CurrentActor by) {
        Household h = repository.household(householdId).orElseThrow(() -> new NotFound(householdId));
        Member holder = repository.member(memberId).filter(m -> m.householdId().equals(householdId))
                .orElseThrow(() -> new NotFound(memberId));
        BankAccounts.Check check = validator.bankAccount("accountNumber", bankCode, number);
        if (!check.valid()) {
            throw new RegistryProblem(check.result());
        }
        Instant now = clock.instant();
        BankAccount account = new BankAccount(Ids.newId(), householdId, memberId, bankCode.trim().toUpperCase(),
                number.strip(), holder.fullName(), false, true, now, by.username());
        repository.insertBankAccount(account, h.regionCode());
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("bank", new Change(null, account.bankCode()));
        changes.put("accountNumber", new Change(null, account.accountNumber()));
        changes.put("holder", new Change(null, account.holderName()));
        history(h, "bank_account", account.id(), "ADDED", changes, null, now, by);
        repository.touchHousehold(h.id(), h.quality(), now, by.username());
        audit.record("REGISTRY_BANK_ACCOUNT_ADDED", ENTITY, householdId.toString(), h.regionCode(), changes, null);
        return account;
    }

    /** The household for viewing: reading personal data is audited. */
    @Transactional
    public Optional<Detail> open(UUID id) {
        Optional<Detail> detail = find(id);
        detail.ifPresent(d -> audit.recordRead("REGISTRY_READ", ENTITY, id.toString(), d.household().regionCode()));
        return detail;
    }

    @Transactional(readOnly = true)
    public Optional<UUID> householdOfMember(UUID memberId) {
        return repository.member(memberId).map(Member::householdId);
    }

    @Transactional(readOnly = true)
    public Paged<HouseholdRow> list(HouseholdFilter filter, int page, int size) {
        return repository.list(filter, page, size);
    }

    /**
     * Passes one {@link ExportRow} per active member of the households the filter selects (the caller's
     * scope applies) to {@code sink}, streamed from a database cursor in one read-only transaction, so
     * that memory stays flat however large the registry. Returns the number of rows. Not audited here:
     * the exporter records the export, with its row count, once the rows are written.
     */
    @Transactional(readOnly = true)
    public long exportRows(HouseholdFilter filter, Consumer<ExportRow> sink) {
        Map<String, ExportRow.Place> places = new HashMap<>();
        return repository.exportRows(filter, code -> places.computeIfAbsent(code, this::place), sink);
    }

    private ExportRow.Place place(String desa) {
        String[] names = new String[4];
        int[] lengths = {2, 4, 6, 10};
        for (int i = 0; i < lengths.length; i++) {
            String code = desa.length() >= lengths[i] ? desa.substring(0, lengths[i]) : desa;
            names[i] = regions.label(code);
        }
        return new ExportRow.Place(names[0], names[1], names[2], names[3]);
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> history(UUID householdId) {
        return repository.history(householdId);
    }

    @Transactional
    public List<PersonHit> peopleByNik(String nik) {
        List<PersonHit> hits = repository.peopleByNik(nik);
        hits.forEach(h -> audit.recordRead("REGISTRY_LOOKUP_NIK", "member", h.memberId().toString(), h.regionCode()));
        return hits;
    }

    @Transactional(readOnly = true)
    public List<Household> householdsByKk(String kk) {
        return repository.householdsByKk(kk);
    }

    /**
     * One search box: 16 digits find a NIK or a No. KK exactly; anything else is a name, matched
     * tolerantly (typos, old spellings, titles) and ranked by similarity.
     */
    @Transactional(readOnly = true)
    public List<PersonHit> search(String query, Integer birthYear, String region, int limit) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        String digits = query.replaceAll("[\\s.\\-]", "");
        if (digits.matches("\\d{16}")) {
            List<PersonHit> hits = new ArrayList<>(repository.peopleByNik(digits));
            hits.addAll(repository.headsByKk(digits));
            return hits;
        }
        String key = Names.key(query);
        if (key.isEmpty()) {
            return List.of();
        }
        return repository.searchByName(key, birthYear, region, Math.min(Math.max(limit, 1), 100));
    }

    @Transactional
    public Household create(HouseholdForm form, CurrentActor by) {
        List<MemberForm> rows = nonBlank(form.members());
        ValidationResult result = validate(form, rows, Map.of());
        refuseUnlessSavable(form, result);
        Instant now = clock.instant();
        String quality = quality(result, form.accepted());
        Household h = new Household(Ids.newId(), form.regionCode().trim(), digitsOrNull(form.noKk()), trim(form.dtksId()),
                trim(form.address()), trim(form.rt()), trim(form.rw()), trim(form.dusun()), null, null,
                trim(form.houseOwnership()), null, trim(form.floorType()), trim(form.wallType()), trim(form.roofType()),
                trim(form.waterSource()), trim(form.lighting()), trim(form.cookingFuel()), trim(form.toilet()),
                form.desil(), null, "ACTIVE", null, null, quality, 0, now, by.username(), now, by.username());
        repository.insertHousehold(h);
        history(h, "household", h.id(), "CREATED", AuditLog.diff(Map.of(), snapshot(h)), form.warningReason(), now,
                by);
        List<IssueRow> issues = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Member m = toMember(Ids.newId(), h, rows.get(i), 0, now, by,
                    quality(result, "members[" + i + "].", form.accepted()));
            repository.insertMember(m);
            history(h, "member", m.id(), "ADDED", AuditLog.diff(Map.of(), snapshot(m)), null, now, by);
            issues.addAll(issueRows(result, "members[" + i + "].", m.id(), form));
        }
        issues.addAll(issueRows(result, null, null, form));
        repository.replaceOpenIssues(h.id(), h.regionCode(), issues, now);
        audit.record("REGISTRY_HOUSEHOLD_CREATED", ENTITY, h.id().toString(), h.regionCode(),
                Map.of("noKk", new Change(null, h.noKk()), "members", new Change(null, rows.size())), null);
        return h;
    }

    @Transactional
    public Household update(UUID id, HouseholdForm form, CurrentActor by) {
        Household current = repository.household(id).orElseThrow(() -> new NotFound(id));
        List<Member> currentMembers = repository.members(id);
        Map<UUID, Member> byId = new HashMap<>();
        currentMembers.forEach(m -> byId.put(m.id(), m));
        if (!Objects.equals(form.version(), current.version())) {
            throw new StaleEdit(current, currentMembers);
        }
        List<MemberForm> rows = nonBlank(form.members());
        for (MemberForm row : rows) {
            if (row.id() != null && (!byId.containsKey(row.id()) || !Objects.equals(row.version(), byId.get(row.id()).version()))) {
                throw new StaleEdit(current, currentMembers);
            }
        }
        ValidationResult result = validate(form, rows, byId);
        refuseUnlessSavable(form, result);
        Instant now = clock.instant();
        Household changed = new Household(id, form.regionCode().trim(), digitsOrNull(form.noKk()), trim(form.dtksId()),
                trim(form.address()), trim(form.rt()), trim(form.rw()), trim(form.dusun()), current.latitude(),
                current.longitude(), trim(form.houseOwnership()), current.floorAreaM2(), trim(form.floorType()),
                trim(form.wallType()), trim(form.roofType()), trim(form.waterSource()), trim(form.lighting()),
                trim(form.cookingFuel()), trim(form.toilet()), form.desil(), current.desilAsOf(), current.status(),
                current.statusDate(), current.statusReason(), quality(result, form.accepted()), current.version() + 1,
                current.createdAt(), current.createdBy(), now, by.username());
        if (!repository.updateHousehold(changed, current.version())) {
            throw new StaleEdit(repository.household(id).orElseThrow(), repository.members(id));
        }
        if (!changed.regionCode().equals(current.regionCode())) {
            // the family moved desa: its people and their records move into the new desa's scope with it
            repository.moveHouseholdRegion(id, changed.regionCode());
        }
        Map<String, Change> householdChanges = AuditLog.diff(snapshot(current), snapshot(changed));
        if (!householdChanges.isEmpty()) {
            history(changed, "household", id, "UPDATED", householdChanges, form.warningReason(), now, by);
        }
        List<IssueRow> issues = new ArrayList<>(issueRows(result, null, null, form));
        for (int i = 0; i < rows.size(); i++) {
            MemberForm row = rows.get(i);
            String prefix = "members[" + i + "].";
            String memberQuality = quality(result, prefix, form.accepted());
            if (row.id() == null) {
                Member added = toMember(Ids.newId(), changed, row, 0, now, by, memberQuality);
                repository.insertMember(added);
                history(changed, "member", added.id(), "ADDED", AuditLog.diff(Map.of(), snapshot(added)),
                        form.warningReason(), now, by);
                issues.addAll(issueRows(result, prefix, added.id(), form));
                continue;
            }
            Member before = byId.get(row.id());
            Member after = toMember(row.id(), changed, row, before.version() + 1, now, by, memberQuality);
            Map<String, Change> changes = AuditLog.diff(snapshot(before), snapshot(after));
            if (!changes.isEmpty() || !before.quality().equals(memberQuality)) {
                if (!repository.updateMember(after, before.version())) {
                    throw new StaleEdit(repository.household(id).orElseThrow(), repository.members(id));
                }
                if (!changes.isEmpty()) {
                    history(changed, "member", row.id(), "UPDATED", changes, form.warningReason(), now, by);
                }
            }
            issues.addAll(issueRows(result, prefix, row.id(), form));
        }
        repository.replaceOpenIssues(id, changed.regionCode(), issues, now);
        audit.record("REGISTRY_HOUSEHOLD_UPDATED", ENTITY, id.toString(), changed.regionCode(), householdChanges, null);
        return changed;
    }

    /** A member leaves the household (died, moved out) or is marked a duplicate: a state, never a delete. */
    @Transactional
    public void changeMemberStatus(UUID memberId, int version, String status, LocalDate date, String reason,
                                   CurrentActor by) {
        Member m = repository.member(memberId).orElseThrow(() -> new NotFound(memberId));
        ValidationResult result = new ValidationResult();
        if (!Member.STATUSES.contains(status) || status.equals(m.status())) {
            result.add(Issue.error("status", "member-status.invalid"));
        }
        if (date == null) {
            result.add(Issue.error("statusDate", "member-status.date-required"));
        } else if (date.isAfter(validator.today())) {
            result.add(Issue.error("statusDate", "member-status.date-future"));
        }
        if (reason == null || reason.isBlank()) {
            result.add(Issue.error("statusReason", "member-status.reason-required"));
        }
        if (!result.valid()) {
            throw new RegistryProblem(result);
        }
        Household h = repository.household(m.householdId()).orElseThrow();
        Instant now = clock.instant();
        if (!repository.updateMemberStatus(memberId, status, date, reason.trim(), version, now, by.username())) {
            throw new StaleEdit(h, repository.members(h.id()));
        }
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("status", new Change(m.status(), status));
        changes.put("statusDate", new Change(null, date.toString()));
        history(h, "member", memberId, "STATUS_CHANGED", changes, reason.trim(), now, by);
        repository.touchHousehold(h.id(), h.quality(), now, by.username());
        audit.record("REGISTRY_MEMBER_STATUS", "member", memberId.toString(), h.regionCode(), changes, reason.trim());
    }

    /**
     * Takes a household out of the active register (not eligible, not found, merged, dissolved after
     * the last member died): a state with date and reason, never a delete.
     */
    @Transactional
    public void changeHouseholdStatus(UUID id, int version, String status, LocalDate date, String reason,
                                      CurrentActor by) {
        Household h = repository.household(id).orElseThrow(() -> new NotFound(id));
        ValidationResult result = new ValidationResult();
        if (!Household.STATUSES.contains(status) || status.equals(h.status())) {
            result.add(Issue.error("status", "member-status.invalid"));
        }
        if (date == null) {
            result.add(Issue.error("statusDate", "member-status.date-required"));
        }
        notInFuture("statusDate", date, result);
        if (reason == null || reason.isBlank()) {
            result.add(Issue.error("statusReason", "member-status.reason-required"));
        }
        if (!result.valid()) {
            throw new RegistryProblem(result);
        }
        Instant now = clock.instant();
        if (!repository.updateHouseholdStatus(id, status, date, reason.trim(), version, now, by.username())) {
            throw new StaleEdit(repository.household(id).orElseThrow(), repository.members(id));
        }
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("status", new Change(h.status(), status));
        changes.put("statusDate", new Change(null, date.toString()));
        history(h, "household", id, "STATUS_CHANGED", changes, reason.trim(), now, by);
        audit.record("REGISTRY_HOUSEHOLD_STATUS", ENTITY, id.toString(), h.regionCode(), changes, reason.trim());
    }

    /**
     * A part of a family forms its own KK (pecah KK): a new household at the same address with the new
     * No. KK, the moving members move with all that is recorded about them, {@code newHead} heads it.
     * Returns the new household's id.
     */
    @Transactional
    public UUID splitHousehold(UUID fromId, String newNoKk, UUID newHead, List<UUID> moving, String reason,
                               CurrentActor by) {
        Household from = repository.household(fromId).orElseThrow(() -> new NotFound(fromId));
        ValidationResult result = new ValidationResult();
        result.addAll(validator.kk("split.noKk", newNoKk == null ? "" : newNoKk).result());
        if (!moving.contains(newHead)) {
            result.add(Issue.error("split.head", "household.no-head"));
        }
        if (!result.valid()) {
            throw new RegistryProblem(result);
        }
        Instant now = clock.instant();
        Household created = new Household(Ids.newId(), from.regionCode(), newNoKk.strip(), null, from.address(), from.rt(),
                from.rw(), from.dusun(), from.latitude(), from.longitude(), from.houseOwnership(), from.floorAreaM2(),
                from.floorType(), from.wallType(), from.roofType(), from.waterSource(), from.lighting(),
                from.cookingFuel(), from.toilet(), from.desil(), from.desilAsOf(), "ACTIVE", null, null, from.quality(), 0,
                now, by.username(), now, by.username());
        repository.insertHousehold(created);
        Map<String, Change> origin = new LinkedHashMap<>();
        origin.put("noKk", new Change(null, created.noKk()));
        origin.put("splitFrom", new Change(null, from.noKk()));
        history(created, "household", created.id(), "CREATED", origin, reason, now, by);
        Map<UUID, Relationship> relationships = new LinkedHashMap<>();
        for (UUID m : moving) {
            relationships.put(m, m.equals(newHead) ? Relationship.KEPALA : null);
        }
        moveMembers(from, created, relationships, reason, now, by);
        audit.record("REGISTRY_HOUSEHOLD_SPLIT", ENTITY, created.id().toString(), created.regionCode(), origin, reason);
        return created.id();
    }

    /**
     * Two KK become one (gabung KK): every active member of {@code sourceId} joins {@code targetId} (same
     * desa), the source's head with relationship {@code headAs}; the source household is marked merged.
     */
    @Transactional
    public void mergeHousehold(UUID sourceId, UUID targetId, Relationship headAs, String reason, CurrentActor by) {
        Household source = repository.household(sourceId).orElseThrow(() -> new NotFound(sourceId));
        Household target = repository.household(targetId).orElseThrow(() -> new NotFound(targetId));
        if (sourceId.equals(targetId) || !source.regionCode().equals(target.regionCode())) {
            throw new RegistryProblem(new ValidationResult().add(Issue.error("merge.intoKk", "household.merge-invalid")));
        }
        Instant now = clock.instant();
        Map<UUID, Relationship> relationships = new LinkedHashMap<>();
        for (Member m : repository.members(sourceId)) {
            if (m.active()) {
                relationships.put(m.id(), m.relationship() == Relationship.KEPALA
                        ? (headAs == null ? Relationship.LAINNYA : headAs) : null);
            }
        }
        moveMembers(source, target, relationships, reason, now, by);
        Household after = repository.household(sourceId).orElseThrow();
        changeHouseholdStatus(sourceId, after.version(), "MERGED", validator.today(), reason, by);
    }

    /** Moves members between two households; a relationship null keeps the member's own. Both keep one head. */
    private void moveMembers(Household from, Household to, Map<UUID, Relationship> moving, String reason, Instant now,
                             CurrentActor by) {
        for (Map.Entry<UUID, Relationship> e : moving.entrySet()) {
            Member m = repository.member(e.getKey()).filter(x -> x.householdId().equals(from.id()) && x.active())
                    .orElseThrow(() -> new NotFound(e.getKey()));
            Relationship rel = e.getValue() == null ? m.relationship() : e.getValue();
            if (!repository.moveMember(m.id(), to.id(), rel.name(), m.version(), now, by.username())) {
                throw new StaleEdit(from, repository.members(from.id()));
            }
            Map<String, Change> changes = new LinkedHashMap<>();
            changes.put("noKk", new Change(from.noKk(), to.noKk()));
            if (rel != m.relationship()) {
                changes.put("relationship", new Change(m.relationship().name(), rel.name()));
            }
            history(from, "member", m.id(), "MOVED_TO_KK", changes, reason, now, by);
            history(to, "member", m.id(), "MOVED_FROM_KK", changes, reason, now, by);
        }
        for (Household h : List.of(from, to)) {
            long heads = repository.members(h.id()).stream()
                    .filter(m -> m.active() && m.relationship() == Relationship.KEPALA).count();
            boolean empty = repository.members(h.id()).stream().noneMatch(Member::active);
            if (!empty && heads != 1) {
                throw new RegistryProblem(new ValidationResult().add(Issue.error("members",
                        heads == 0 ? "household.no-head" : "household.several-heads", heads)));
            }
            repository.touchHousehold(h.id(), h.quality(), now, by.username());
        }
    }

    /**
     * Runs the validation service on a proposed state of a household (new when {@code householdId} is
     * null) without saving anything: pemutakhiran checks every proposal this way.
     */
    @Transactional(readOnly = true)
    public ValidationResult check(UUID householdId, HouseholdForm form) {
        Map<UUID, Member> existing = new HashMap<>();
        if (householdId != null) {
            repository.members(householdId).forEach(m -> existing.put(m.id(), m));
        }
        return validate(form, nonBlank(form.members()), existing);
    }

    /** Thrown for an id that does not exist or lies outside the caller's scope (indistinguishable on purpose). */
    public static class NotFound extends RuntimeException {
        public NotFound(UUID id) {
            super("not found: " + id);
        }
    }

    // --- validation -------------------------------------------------------------------------------

    ValidationResult validate(HouseholdForm form, List<MemberForm> rows, Map<UUID, Member> existing) {
        return validate(form, rows, existing, validator::duplicateNik);
    }

    /** Who else holds a NIK, as a finding on {@code field}: one look-up per NIK, or from holders read in bulk. */
    interface DuplicateNiks {
        ValidationResult find(String field, String nik, UUID exceptMemberId);
    }

    /** The registry's checks of a household; the duplicate-NIK finding comes from {@code duplicates}. */
    ValidationResult validate(HouseholdForm form, List<MemberForm> rows, Map<UUID, Member> existing,
                              DuplicateNiks duplicates) {
        ValidationResult result = new ValidationResult();
        validateRegion(form.regionCode(), result);
        if (!HouseholdForm.isBlank(form.noKk())) {
            result.addAll(validator.kk("noKk", form.noKk()).result());
        } else {
            result.add(Issue.error("noKk", "kk.required"));
        }
        for (String[] f : new String[][] {{"rt", form.rt()}, {"rw", form.rw()}}) {
            if (!HouseholdForm.isBlank(f[1]) && !f[1].trim().matches("\\d{1,3}")) {
                result.add(Issue.error(f[0], "rt-rw.invalid"));
            }
        }
        Map<String, String> coded = Map.of("houseOwnership", nz(form.houseOwnership()), "floorType", nz(form.floorType()),
                "wallType", nz(form.wallType()), "roofType", nz(form.roofType()), "waterSource", nz(form.waterSource()),
                "lighting", nz(form.lighting()), "cookingFuel", nz(form.cookingFuel()), "toilet", nz(form.toilet()));
        coded.forEach((field, code) -> {
            if (!DtksCodes.valid(field, code)) {
                result.add(Issue.error(field, "dtks.invalid"));
            }
        });
        if (form.desil() != null && (form.desil() < 1 || form.desil() > 10)) {
            result.add(Issue.error("desil", "desil.invalid"));
        }
        if (rows.isEmpty()) {
            result.add(Issue.error("members", "household.no-members"));
        }
        Map<String, Integer> niks = new HashMap<>();
        int heads = 0;
        for (int i = 0; i < rows.size(); i++) {
            MemberForm row = rows.get(i);
            String p = "members[" + i + "].";
            Relationship rel = Relationship.parse(row.relationship());
            if (rel == null) {
                result.add(Issue.error(p + "relationship", "relationship.required"));
            } else if (rel == Relationship.KEPALA) {
                heads++;
            }
            result.addAll(Names.check(p + "fullName", row.fullName()));
            Sex sex = Sex.parse(row.sex());
            if (sex == null) {
                result.add(Issue.error(p + "sex", "sex.required"));
            }
            LocalDate birth = parseDate(row.birthDate(), p + "birthDate", result);
            result.addAll(validator.age(p + "birthDate", rel, birth));
            if (HouseholdForm.isBlank(row.noNikReason())) {
                IdNumbers.Check nik = validator.nik(p + "nik", row.nik(), birth, sex);
                result.addAll(nik.result());
                if (nik.parsed() != null && nik.suggestion() == null) {
                    String value = row.nik().strip();
                    Integer first = niks.putIfAbsent(value, i);
                    if (first != null) {
                        result.add(Issue.error(p + "nik", "nik.duplicate-in-form", first + 1));
                    }
                    result.addAll(duplicates.find(p + "nik", value, row.id()));
                }
            }
            if (!HouseholdForm.isBlank(row.maritalStatus()) && !Member.MARITAL.contains(row.maritalStatus())) {
                result.add(Issue.error(p + "maritalStatus", "marital-status.invalid"));
            }
        }
        if (!rows.isEmpty() && heads == 0) {
            result.add(Issue.error("members", "household.no-head"));
        } else if (heads > 1) {
            result.add(Issue.error("members", "household.several-heads", heads));
        }
        return result;
    }

    private void validateRegion(String code, ValidationResult result) {
        Optional<Region> region = code == null ? Optional.empty() : regions.find(code.trim());
        if (region.isEmpty() || region.get().level() != 4 || !regions.isInDistrict(code.trim())) {
            result.add(Issue.error("regionCode", "region.not-desa"));
        } else if (!RegionCodes.isWithin(code.trim(), DbScope.current())) {
            result.add(Issue.error("regionCode", "region.outside-scope"));
        }
    }

    private static LocalDate parseDate(String value, String field, ValidationResult result) {
        if (value == null || value.isBlank()) {
            result.add(Issue.error(field, "birth-date.required"));
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            result.add(Issue.error(field, "birth-date.invalid"));
            return null;
        }
    }

    private static void refuseUnlessSavable(HouseholdForm form, ValidationResult result) {
        if (!result.valid()) {
            throw new RegistryProblem(result);
        }
        if (!result.warnings().isEmpty() && (!form.accepted() || HouseholdForm.isBlank(form.warningReason()))) {
            throw new RegistryProblem(result);
        }
    }

    private static String quality(ValidationResult result, boolean accepted) {
        return result.warnings().isEmpty() || accepted ? "OK" : "WARNING";
    }

    private static String quality(ValidationResult result, String prefix, boolean accepted) {
        boolean warned = result.warnings().stream().anyMatch(i -> i.field() != null && i.field().startsWith(prefix));
        return warned && !accepted ? "WARNING" : "OK";
    }

    /** The issues of one member (prefix) or of the household itself (prefix null), as rows to keep. */
    static List<IssueRow> issueRows(ValidationResult result, String prefix, UUID memberId, HouseholdForm form) {
        List<IssueRow> rows = new ArrayList<>();
        for (Issue issue : result.issues()) {
            boolean memberIssue = issue.field() != null && issue.field().startsWith("members[");
            boolean mine = prefix == null ? !memberIssue : issue.field() != null && issue.field().startsWith(prefix);
            if (mine) {
                rows.add(new IssueRow(Ids.newId(), memberId, issue,
                        form.accepted() ? form.warningReason().trim() : null));
            }
        }
        return rows;
    }

    static Member toMember(UUID id, Household h, MemberForm row, int version, Instant now, CurrentActor by,
                            String quality) {
        boolean noNik = !HouseholdForm.isBlank(row.noNikReason());
        return new Member(id, h.id(), h.regionCode(), noNik ? null : row.nik().strip(), noNik ? row.noNikReason().trim() : null,
                row.fullName().strip(), trim(row.birthPlace()), LocalDate.parse(row.birthDate().trim()), Sex.parse(row.sex()),
                Relationship.parse(row.relationship()), trim(row.maritalStatus()), trim(row.education()),
                trim(row.occupation()), HouseholdForm.isBlank(row.disability()) ? "NONE" : row.disability().trim(),
                trim(row.motherName()), trim(row.phone()), "ACTIVE", null, null, quality, version, now, by.username(),
                now, by.username());
    }

    private void history(Household h, String entityType, UUID entityId, String action, Map<String, Change> changes,
                         String reason, Instant at, CurrentActor by) {
        repository.insertHistory(Ids.newId(), h.id(), h.regionCode(), entityType, entityId, action,
                changes.isEmpty() ? null : json.writeValueAsString(changes), trim(reason), at, by.username());
    }

    static Map<String, Object> snapshot(Household h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("regionCode", h.regionCode());
        m.put("noKk", h.noKk());
        m.put("dtksId", h.dtksId());
        m.put("address", h.address());
        m.put("rt", h.rt());
        m.put("rw", h.rw());
        m.put("dusun", h.dusun());
        m.put("houseOwnership", h.houseOwnership());
        m.put("floorType", h.floorType());
        m.put("wallType", h.wallType());
        m.put("roofType", h.roofType());
        m.put("waterSource", h.waterSource());
        m.put("lighting", h.lighting());
        m.put("cookingFuel", h.cookingFuel());
        m.put("toilet", h.toilet());
        m.put("desil", h.desil());
        return m;
    }

    static Map<String, Object> snapshot(Member m) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("nik", m.nik());
        s.put("noNikReason", m.noNikReason());
        s.put("fullName", m.fullName());
        s.put("birthPlace", m.birthPlace());
        s.put("birthDate", m.birthDate() == null ? null : m.birthDate().toString());
        s.put("sex", m.sex() == null ? null : m.sex().name());
        s.put("relationship", m.relationship().name());
        s.put("maritalStatus", m.maritalStatus());
        s.put("education", m.education());
        s.put("occupation", m.occupation());
        s.put("disability", m.disability());
        s.put("motherName", m.motherName());
        s.put("phone", m.phone());
        return s;
    }

    static List<MemberForm> nonBlank(List<MemberForm> rows) {
        return rows.stream().filter(r -> !r.blank()).toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static String digitsOrNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
