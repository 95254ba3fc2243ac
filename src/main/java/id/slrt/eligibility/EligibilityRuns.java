package id.slrt.eligibility;

import id.slrt.audit.AuditLog;
import id.slrt.eligibility.internal.EligibilityRepository;
import id.slrt.eligibility.internal.RunStep;
import id.slrt.eligibility.internal.RunWorker;
import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import id.slrt.platform.Scopes;
import id.slrt.platform.Texts;
import id.slrt.region.Region;
import id.slrt.region.RegionService;
import id.slrt.registry.Attachment;
import id.slrt.registry.RegistryService;
import id.slrt.shared.CurrentActor;
import id.slrt.shared.Ids;
import id.slrt.shared.RegionCodes;
import id.slrt.updating.ChangeKind;
import id.slrt.updating.ChangeRequest;
import id.slrt.updating.FieldKeys;
import id.slrt.updating.UpdatingService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Eligibility runs: started over the district or a kecamatan/desa for chosen programs, worked off in the
 * background, saved with the rule versions they used. Their cases are read within each reader's scope
 * (row-level security), exported, and turned one at a time into a change request of the updating module:
 * a program proposal for an exclusion, an ending for an inclusion.
 */
@Service
public class EligibilityRuns {
    public static final String ENTITY = "eligibility_run";
    /** Who starts runs. */
    public static final Set<String> RUNNERS = Set.of("ADMIN", "OPERATOR_SLRT");

    private final EligibilityRepository repository;
    private final EligibilityRules rules;
    private final RunWorker worker;
    private final RegionService regions;
    private final RegistryService registry;
    private final UpdatingService updating;
    private final AuditLog audit;
    private final Texts texts;
    private final Clock clock;
    private final Scopes scopes;
    private final TransactionTemplate tx;

    EligibilityRuns(EligibilityRepository repository, EligibilityRules rules, RunWorker worker, RegionService regions,
                    RegistryService registry, UpdatingService updating, AuditLog audit, Texts texts, Clock clock,
                    Scopes scopes, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.rules = rules;
        this.worker = worker;
        this.regions = regions;
        this.registry = registry;
        this.updating = updating;
        this.audit = audit;
        this.texts = texts;
        this.clock = clock;
        this.scopes = scopes;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Where and for which programs to run. */
    public record RunRequest(String region, List<String> programs) {
    }

    /** A run cut short by a stop of the application is marked failed at the next start. */
    @EventListener(ApplicationReadyEvent.class)
    void failInterrupted() {
        scopes.runAsDistrict(() -> tx.executeWithoutResult(s ->
                repository.failRunning("eligibility.run.failure.interrupted", clock.instant())));
    }

    // --- starting --------------------------------------------------------------------------------

    /**
     * Starts a run in the background and returns it at once (status RUNNING). Refused: a role that may
     * not, a region outside the starter's scope, no program, an unknown program or one without a rule
     * in use.
     */
    public EligibilityRun start(RunRequest request, CurrentActor by) {
        if (by == null || !RUNNERS.contains(by.role())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "eligibility.forbidden");
        }
        String region = EligibilityRules.region(request.region(), by);
        List<String> programs = request.programs() == null ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(request.programs().stream().filter(p -> p != null && !p.isBlank())
                        .map(String::strip).toList()));
        if (programs.isEmpty()) {
            throw ProblemException.invalidField("programs", "eligibility.run.no-program");
        }
        Set<String> known = new LinkedHashSet<>();
        rules.programs().forEach(p -> known.add(p.code()));
        Map<String, List<RunStep.CompiledRule>> plan = new LinkedHashMap<>();
        List<EligibilityRun.UsedRule> used = new ArrayList<>();
        for (String program : programs) {
            if (!known.contains(program)) {
                throw ProblemException.invalidField("programs", "eligibility.program.not-found", program);
            }
            List<EligibilityRule> inUse = rules.inUse(program);
            if (inUse.isEmpty()) {
                throw ProblemException.invalidField("programs", "eligibility.run.no-rule", program);
            }
            List<RunStep.CompiledRule> compiled = new ArrayList<>();
            for (EligibilityRule r : inUse) {
                compiled.add(new RunStep.CompiledRule(r.name(), r.text(), rules.compile(r.text())));
                used.add(new EligibilityRun.UsedRule(program, r.id(), r.name(), r.version(), r.text()));
            }
            plan.put(program, compiled);
        }
        List<String> units = units(region);
        LocalDate asOf = rules.today();
        EligibilityRun run = new EligibilityRun(Ids.newId(), region, programs, used, asOf, RunStatus.RUNNING,
                programs.size() * units.size(), 0, Map.of(), null, clock.instant(), by.username(), null);
        tx.executeWithoutResult(s -> {
            repository.insertRun(run);
            audit.record("ELIGIBILITY_RUN_STARTED", ENTITY, run.id().toString(), region, null,
                    String.join(",", programs) + " " + used.stream().map(u -> u.program() + "/" + u.name() + " v"
                            + u.version()).toList());
        });
        Authentication starter = SecurityContextHolder.getContext().getAuthentication();
        if (!worker.submit(new RunWorker.Plan(run.id(), plan, units, asOf), starter)) {
            tx.executeWithoutResult(s -> repository.finish(run.id(), RunStatus.FAILED, "eligibility.run.failure.busy",
                    clock.instant()));
        }
        return run;
    }

    /** A district is run kecamatan by kecamatan (progress to show); a kecamatan or desa at once. */
    private List<String> units(String region) {
        if (RegionCodes.level(region) <= 2) {
            List<String> children = regions.children(region).stream().map(Region::code).toList();
            return children.isEmpty() ? List.of(region) : children;
        }
        return List.of(region);
    }

    // --- reading ---------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Optional<EligibilityRun> find(UUID id) {
        return repository.run(id);
    }

    @Transactional(readOnly = true)
    public Paged<EligibilityRun> list(int page, int size) {
        return repository.runs(page, size);
    }

    /** A page of a run's cases, within the reader's scope (row-level security) and the filter. */
    @Transactional(readOnly = true)
    public Paged<EligibilityCase> cases(UUID runId, CaseFilter filter, int page, int size, CurrentActor by) {
        return repository.cases(runId, checked(filter, by), page, size);
    }

    /** Cases per desa and kind (within the reader's scope): desa code → kind → count. */
    @Transactional(readOnly = true)
    public Map<String, Map<CaseKind, Long>> perDesa(UUID runId, String program) {
        Map<String, Map<CaseKind, Long>> out = new LinkedHashMap<>();
        for (Object[] row : repository.caseCounts(runId, program)) {
            out.computeIfAbsent((String) row[0], k -> new LinkedHashMap<>()).put(CaseKind.valueOf((String) row[1]),
                    (Long) row[2]);
        }
        return out;
    }

    @Transactional(readOnly = true)
    public Optional<EligibilityCase> findCase(UUID runId, String program, UUID householdId) {
        return repository.findCase(runId, program, householdId);
    }

    /** Streams every case of the filter to {@code sink} in list order and audits the export; returns the count. */
    @Transactional
    public long export(UUID runId, CaseFilter filter, String format, CurrentActor by, Consumer<EligibilityCase> sink) {
        CaseFilter f = checked(filter, by);
        long n = repository.streamCases(runId, f, sink);
        audit.record("ELIGIBILITY_CASES_EXPORTED", ENTITY, runId.toString(), f.region(), null,
                format + " region=" + f.region() + " program=" + f.program() + " kind=" + f.kind() + " rows=" + n);
        return n;
    }

    private static CaseFilter checked(CaseFilter f, CurrentActor by) {
        String region = f.region() == null || f.region().isBlank() ? null : EligibilityRules.region(f.region(), by);
        return new CaseFilter(region, f.program() == null || f.program().isBlank() ? null : f.program(), f.kind(), f.open());
    }

    // --- acting on a case ------------------------------------------------------------------------

    /**
     * Turns a case into a draft change request of the updating module, made by {@code by}: an exclusion
     * proposes the program for the household, an inclusion proposes ending what it receives. The case
     * remembers the request, so it is acted on once.
     */
    @Transactional
    public ChangeRequest act(UUID runId, String program, UUID householdId, CurrentActor by) {
        EligibilityCase c = repository.findCase(runId, program, householdId)
                .orElseThrow(() -> ProblemException.notFound("eligibility.case.not-found"));
        if (c.requestId() != null) {
            throw ProblemException.conflict("eligibility.case.already", c.requestNumber());
        }
        EligibilityRun run = repository.run(runId).orElseThrow();
        Map<String, String> proposed = new LinkedHashMap<>();
        if (c.kind() == CaseKind.EXCLUSION) {
            proposed.put("program." + program + "." + FieldKeys.HOUSEHOLD_TARGET, "PROPOSED");
        } else {
            RegistryService.Detail detail = registry.find(householdId)
                    .orElseThrow(() -> ProblemException.notFound("eligibility.case.not-found"));
            for (Attachment p : detail.programs()) {
                if (p.code().equals(program) && !"ENDED".equals(p.status())) {
                    proposed.put("program." + program + "." + FieldKeys.target(p.memberId()), "ENDED");
                }
            }
            if (proposed.isEmpty()) {
                throw ProblemException.conflict("eligibility.case.nothing-to-end", program);
            }
        }
        String reason = texts.get("eligibility.case.request-reason", texts.get(c.kind().labelKey()), program,
                run.asOf().toString(), c.reason());
        ChangeRequest request = updating.draft(new UpdatingService.Proposal(ChangeKind.PROGRAM, householdId, proposed,
                reason, null), by);
        if (!repository.markActed(runId, program, householdId, request.id(), request.number(), by.username(),
                clock.instant())) {
            throw ProblemException.conflict("eligibility.case.already", "");
        }
        audit.record("ELIGIBILITY_CASE_ACTED", "eligibility_case", runId + "/" + program + "/" + householdId,
                c.regionCode(), null, c.kind() + " → " + request.number());
        return request;
    }
}
