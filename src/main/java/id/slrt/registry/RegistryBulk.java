package id.slrt.registry;

import id.slrt.audit.AuditLog;
import id.slrt.audit.Change;
import id.slrt.platform.DbScope;
import id.slrt.registry.HouseholdForm.MemberForm;
import id.slrt.registry.internal.ReferenceRepository;
import id.slrt.registry.internal.RegistryBulkRepository;
import id.slrt.registry.internal.RegistryRepository;
import id.slrt.registry.internal.RegistryRepository.IssueRow;
import id.slrt.shared.CurrentActor;
import id.slrt.shared.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Registering many new households at once (bulk import), with the same validation service, history
 * and findings as {@link RegistryService#create}, but set-based: the NIKs of a whole batch are looked up
 * in one statement, and households, members, bank accounts, program participations, history and
 * findings are written with COPY and one {@code INSERT … SELECT} per table. What it writes is exactly
 * what create, addBankAccount and addProgram write, except the audit trail: one event per batch (how
 * many households and members, and the caller's source, e.g. the import job) instead of one per
 * household; the household's history names the source as its reason.
 */
@Service
public class RegistryBulk {
    private final RegistryService service;
    private final RegistryValidator validator;
    private final ReferenceRepository reference;
    private final RegistryBulkRepository repository;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    RegistryBulk(RegistryService service, RegistryValidator validator, ReferenceRepository reference,
                 RegistryBulkRepository repository, AuditLog audit, ObjectMapper json, Clock clock) {
        this.service = service;
        this.validator = validator;
        this.reference = reference;
        this.repository = repository;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A new household as the registry judged it. Made only by {@link #check}, so {@link #create} knows
     * the findings are the registry's own.
     */
    public static final class Checked {
        private final HouseholdForm form;
        private final List<MemberForm> members;
        private final ValidationResult result;

        private Checked(HouseholdForm form, List<MemberForm> members, ValidationResult result) {
            this.form = form;
            this.members = members;
            this.result = result;
        }

        public HouseholdForm form() {
            return form;
        }

        /** Findings with the same codes and fields as {@link RegistryService#check} ({@code members[i].nik} …). */
        public ValidationResult result() {
            return result;
        }
    }

    /** What comes with a member: a bank account (number blank: none) and programs (codes) received. */
    public record MemberExtras(String bankCode, String accountNumber, Set<String> programs) {
        public static final MemberExtras NONE = new MemberExtras("", "", Set.of());
    }

    /**
     * A household to register: its checked form, per member of the form (same order) its extras, and
     * the programs the household itself receives.
     */
    public record NewHousehold(Checked checked, List<MemberExtras> members, Set<String> programs) {
    }

    /**
     * Runs the validation service on new households, as {@code check(null, form)} would on each, with
     * the duplicate-NIK look-up done once for all of them.
     */
    @Transactional(readOnly = true)
    public List<Checked> check(List<HouseholdForm> forms) {
        Set<String> niks = new HashSet<>();
        for (HouseholdForm form : forms) {
            for (MemberForm m : form.members()) {
                if (m.nik() != null && m.nik().strip().matches("\\d{16}")) {
                    niks.add(m.nik().strip());
                }
            }
        }
        Map<String, List<ReferenceRepository.NikHolder>> holders = reference.nikHolders(niks);
        RegistryService.DuplicateNiks duplicates = (field, nik, except) ->
                validator.duplicateNik(field, nik, except, holders.getOrDefault(nik, List.of()));
        List<Checked> checked = new ArrayList<>(forms.size());
        for (HouseholdForm form : forms) {
            List<MemberForm> members = RegistryService.nonBlank(form.members());
            checked.add(new Checked(form, members, service.validate(form, members, Map.of(), duplicates)));
        }
        return checked;
    }

    /** The No. KK among these that households visible to the caller already have. */
    @Transactional(readOnly = true)
    public Set<String> existingKks(Collection<String> kks) {
        return repository.existingKks(kks);
    }

    /** What {@link #create} wrote. */
    public record Created(int households, int members, int bankAccounts, int programs) {
    }

    /**
     * Registers checked households without errors; their warnings are accepted with {@code reason},
     * which is also the reason of each household's history entry. {@code source} names where they come
     * from in the audit event (e.g. {@code import:<job id>}). Refuses the whole batch (RegistryProblem)
     * when a household has errors, a bank account fails its check or a program is unknown.
     */
    @Transactional
    public Created create(List<NewHousehold> households, String reason, String source, CurrentActor by) {
        Instant now = clock.instant();
        Map<String, BankAccounts.Bank> banks = new HashMap<>();
        validator.banks().forEach(b -> banks.put(b.code(), b));
        Set<String> programCodes = new HashSet<>();
        validator.programs().forEach(p -> programCodes.add(p.code()));
        RegistryBulkRepository.Batch batch = repository.batch();
        int memberCount = 0;
        int accountCount = 0;
        int programCount = 0;
        for (NewHousehold nh : households) {
            Checked c = nh.checked();
            HouseholdForm form = c.form;
            if (!c.result.valid()) {
                throw new RegistryProblem(c.result);
            }
            Household h = new Household(Ids.newId(), form.regionCode().trim(),
                    RegistryService.digitsOrNull(form.noKk()), RegistryService.trim(form.dtksId()),
                    RegistryService.trim(form.address()), RegistryService.trim(form.rt()),
                    RegistryService.trim(form.rw()), RegistryService.trim(form.dusun()), null, null,
                    RegistryService.trim(form.houseOwnership()), null, RegistryService.trim(form.floorType()),
                    RegistryService.trim(form.wallType()), RegistryService.trim(form.roofType()),
                    RegistryService.trim(form.waterSource()), RegistryService.trim(form.lighting()),
                    RegistryService.trim(form.cookingFuel()), RegistryService.trim(form.toilet()), form.desil(), null,
                    "ACTIVE", null, null, "OK", 0, now, by.username(), now, by.username());
            batch.household(h);
            history(batch, h, "household", h.id(), "CREATED", AuditLog.diff(Map.of(), RegistryService.snapshot(h)),
                    reason, now, by);
            HouseholdForm accepted = new HouseholdForm(form.regionCode(), form.noKk(), form.dtksId(), form.address(),
                    form.rt(), form.rw(), form.dusun(), form.houseOwnership(), form.floorType(), form.wallType(),
                    form.roofType(), form.waterSource(), form.lighting(), form.cookingFuel(), form.toilet(),
                    form.desil(), null, c.members, true, reason);
            List<IssueRow> issues = new ArrayList<>(RegistryService.issueRows(c.result, null, null, accepted));
            int index = 0;
            List<MemberForm> all = form.members();
            for (int i = 0; i < all.size(); i++) {
                MemberForm row = all.get(i);
                if (row.blank()) {
                    continue;
                }
                Member m = RegistryService.toMember(Ids.newId(), h, row, 0, now, by, "OK");
                batch.member(m);
                memberCount++;
                history(batch, h, "member", m.id(), "ADDED", AuditLog.diff(Map.of(), RegistryService.snapshot(m)),
                        null, now, by);
                issues.addAll(RegistryService.issueRows(c.result, "members[" + index + "].", m.id(), accepted));
                index++;
                MemberExtras extras = i < nh.members().size() && nh.members().get(i) != null ? nh.members().get(i)
                        : MemberExtras.NONE;
                if (extras.accountNumber() != null && !extras.accountNumber().isBlank()) {
                    String code = extras.bankCode() == null ? "" : extras.bankCode().trim().toUpperCase();
                    BankAccounts.Check check = BankAccounts.check("accountNumber", extras.bankCode(), banks.get(code),
                            extras.accountNumber());
                    if (!check.valid()) {
                        throw new RegistryProblem(check.result());
                    }
                    BankAccount account = new BankAccount(Ids.newId(), h.id(), m.id(), code,
                            extras.accountNumber().strip(), m.fullName(), false, true, now, by.username());
                    batch.bankAccount(account, h.regionCode());
                    accountCount++;
                    Map<String, Change> changes = new LinkedHashMap<>();
                    changes.put("bank", new Change(null, account.bankCode()));
                    changes.put("accountNumber", new Change(null, account.accountNumber()));
                    changes.put("holder", new Change(null, account.holderName()));
                    history(batch, h, "bank_account", account.id(), "ADDED", changes, null, now, by);
                }
                for (String program : extras.programs()) {
                    program(batch, h, m.id(), program, programCodes, now, by);
                    programCount++;
                }
            }
            for (String program : nh.programs()) {
                program(batch, h, null, program, programCodes, now, by);
                programCount++;
            }
            for (IssueRow i : issues) {
                batch.issue(i.id(), h.id(), i.memberId(), h.regionCode(), i.issue().code(), i.issue().severity().name(),
                        i.issue().field(), RegistryRepository.joinArgs(i.issue().args()), i.acceptedReason(), now);
            }
        }
        batch.write();
        Created created = new Created(households.size(), memberCount, accountCount, programCount);
        if (!households.isEmpty()) {
            Map<String, Change> changes = new LinkedHashMap<>();
            changes.put("households", new Change(null, created.households()));
            changes.put("members", new Change(null, created.members()));
            changes.put("bankAccounts", new Change(null, created.bankAccounts()));
            changes.put("programs", new Change(null, created.programs()));
            audit.record("REGISTRY_HOUSEHOLDS_CREATED_IN_BULK", "registry", source, DbScope.current(), changes, reason);
        }
        return created;
    }

    private void program(RegistryBulkRepository.Batch batch, Household h, UUID memberId, String program,
                         Set<String> programCodes, Instant now, CurrentActor by) {
        if (!programCodes.contains(program)) {
            throw new RegistryProblem(new ValidationResult().add(Issue.error("program", "program.unknown")));
        }
        UUID id = Ids.newId();
        batch.program(id, h.id(), memberId, h.regionCode(), program, null, "ACTIVE", now, by.username());
        history(batch, h, "program_participation", id, "ADDED", Map.of("code", new Change(null, program)), null, now, by);
    }

    private void history(RegistryBulkRepository.Batch batch, Household h, String entityType, UUID entityId,
                         String action, Map<String, Change> changes, String reason, Instant at, CurrentActor by) {
        batch.history(Ids.newId(), h.id(), h.regionCode(), entityType, entityId, action,
                changes.isEmpty() ? null : json.writeValueAsString(changes), RegistryService.trim(reason), at,
                by.username());
    }
}
