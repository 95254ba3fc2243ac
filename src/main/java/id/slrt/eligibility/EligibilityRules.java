package id.slrt.eligibility;

import id.slrt.audit.AuditLog;
import id.slrt.eligibility.internal.EligibilityRepository;
import id.slrt.eligibility.lang.Expr;
import id.slrt.eligibility.lang.Fields;
import id.slrt.eligibility.lang.RuleError;
import id.slrt.eligibility.lang.RuleException;
import id.slrt.eligibility.lang.SqlCompiler;
import id.slrt.eligibility.lang.TypeChecker;
import id.slrt.eligibility.lang.Vocabulary;
import id.slrt.platform.ProblemException;
import id.slrt.platform.SlrtProperties;
import id.slrt.platform.Texts;
import id.slrt.region.Region;
import id.slrt.region.RegionService;
import id.slrt.registry.CodeName;
import id.slrt.registry.RegistryValidator;
import id.slrt.shared.CurrentActor;
import id.slrt.shared.Ids;
import id.slrt.shared.RegionCodes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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

/**
 * Programs' eligibility rules: reading them, checking a text (every error with its line and column),
 * saving a new version (the old ones stay), and previewing what a text would select per desa now.
 */
@Service
public class EligibilityRules {
    public static final String ENTITY = "eligibility_rule";
    /** Who writes rules and previews them. */
    public static final Set<String> EDITORS = Set.of("ADMIN", "OPERATOR_SLRT");
    static final int MAX_NAME = 120;
    static final int MAX_NOTE = 1000;
    /** A preview that takes longer than this is stopped (a runaway rule must not hold the database). */
    static final int PREVIEW_TIMEOUT_MS = 15_000;

    private final EligibilityRepository repository;
    private final RegistryValidator registry;
    private final RegionService regions;
    private final AuditLog audit;
    private final Texts texts;
    private final Clock clock;
    private final SlrtProperties props;

    EligibilityRules(EligibilityRepository repository, RegistryValidator registry, RegionService regions, AuditLog audit,
                     Texts texts, Clock clock, SlrtProperties props) {
        this.repository = repository;
        this.registry = registry;
        this.regions = regions;
        this.audit = audit;
        this.texts = texts;
        this.clock = clock;
        this.props = props;
    }

    // --- reading ---------------------------------------------------------------------------------

    /** Every program with the current version of each of its rules. */
    @Transactional(readOnly = true)
    public List<ProgramRules> programs() {
        List<ProgramRules> out = new ArrayList<>();
        for (String[] p : repository.programs()) {
            out.add(new ProgramRules(p[0], p[1], repository.latest(p[0])));
        }
        return out;
    }

    @Transactional(readOnly = true)
    public Optional<ProgramRules> program(String code) {
        return repository.programs().stream().filter(p -> p[0].equals(code)).findFirst()
                .map(p -> new ProgramRules(p[0], p[1], repository.latest(p[0])));
    }

    /** The versions of one rule, newest first. */
    @Transactional(readOnly = true)
    public List<EligibilityRule> versions(String program, String name) {
        return repository.versions(program, name);
    }

    @Transactional(readOnly = true)
    public Optional<EligibilityRule> find(UUID id) {
        return repository.rule(id);
    }

    /** The rules a run of this program uses: the current version of each rule, if in use. */
    @Transactional(readOnly = true)
    public List<EligibilityRule> inUse(String program) {
        return repository.latest(program).stream().filter(EligibilityRule::active).toList();
    }

    /** The fields and codes a rule may use, as the registry knows them now. */
    public Vocabulary vocabulary() {
        return Fields.vocabulary(registry.ppksCategories().stream().map(CodeName::code).toList());
    }

    public LocalDate today() {
        return clock.instant().atZone(props.timezone()).toLocalDate();
    }

    // --- checking --------------------------------------------------------------------------------

    /** The errors of a text, described for a person (empty when the rule is sound). */
    public List<RuleMessage> check(String text) {
        try {
            TypeChecker.compile(text, vocabulary());
            return List.of();
        } catch (RuleException e) {
            return describe(text, e);
        }
    }

    /** Parses and checks; a rule with errors is refused with every error described. */
    public Expr compile(String text) {
        try {
            return TypeChecker.compile(text, vocabulary());
        } catch (RuleException e) {
            throw new RuleRejected(describe(text, e));
        }
    }

    List<RuleMessage> describe(String text, RuleException e) {
        String t = text == null ? "" : text;
        List<RuleMessage> out = new ArrayList<>();
        for (RuleError err : e.errors()) {
            int[] lc = err.lineColumn(t);
            String message = texts.get("eligibility.rule.at", lc[0], lc[1], message(err));
            out.add(new RuleMessage(err.code(), message, lc[0], lc[1], err.excerpt(t)));
        }
        return out;
    }

    /** The error's own sentence; "expected" arguments are message keys themselves. */
    private String message(RuleError err) {
        List<String> a = err.args();
        if (err.code().equals("eligibility.rule.error.unexpected")) {
            return texts.get(err.code(), a.get(0), texts.get(a.get(1), a.size() > 2 ? a.get(2) : ""));
        }
        if (err.code().equals("eligibility.rule.error.unexpected-end")) {
            return texts.get(err.code(), texts.get(a.get(0), a.size() > 1 ? a.get(1) : ""));
        }
        return texts.get(err.code(), a.toArray());
    }

    // --- saving ----------------------------------------------------------------------------------

    /**
     * Saves the next version of a rule (or the first of a new one). Refused: a role that may not, an
     * unknown program, a text with errors, a blank or too long name or note, or an edit based on an
     * older version than the latest (someone saved meanwhile).
     */
    @Transactional
    public EligibilityRule save(String program, RuleForm form, CurrentActor by) {
        requireEditor(by);
        if (repository.programs().stream().noneMatch(p -> p[0].equals(program))) {
            throw ProblemException.notFound("eligibility.program.not-found", program);
        }
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty()) {
            throw ProblemException.invalidField("name", "NotBlank");
        }
        if (name.length() > MAX_NAME) {
            throw ProblemException.invalidField("name", "eligibility.rule.name-too-long", MAX_NAME);
        }
        String note = form.note() == null || form.note().isBlank() ? null : form.note().strip();
        if (note != null && note.length() > MAX_NOTE) {
            throw ProblemException.invalidField("note", "eligibility.rule.note-too-long", MAX_NOTE);
        }
        compile(form.text());
        Optional<Integer> latest = repository.latestVersion(program, name);
        if (!latest.equals(Optional.ofNullable(form.baseVersion()))) {
            throw latest.isPresent() && form.baseVersion() == null
                    ? ProblemException.conflict("eligibility.rule.exists", name)
                    : ProblemException.conflict("eligibility.rule.stale", name);
        }
        EligibilityRule previous = latest.isEmpty() ? null : repository.versions(program, name).get(0);
        EligibilityRule next = new EligibilityRule(Ids.newId(), program, name, latest.orElse(0) + 1,
                form.text().strip(), note, !Boolean.FALSE.equals(form.active()), by.username(), clock.instant());
        repository.insertRule(next);
        audit.record(previous == null ? "ELIGIBILITY_RULE_CREATED" : "ELIGIBILITY_RULE_VERSIONED", ENTITY,
                next.id().toString(), null, AuditLog.diff(snapshot(previous), snapshot(next)),
                program + " / " + name + " v" + next.version());
        return next;
    }

    private static Map<String, Object> snapshot(EligibilityRule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (r != null) {
            m.put("version", r.version());
            m.put("text", r.text());
            m.put("note", r.note());
            m.put("active", r.active());
        }
        return m;
    }

    static void requireEditor(CurrentActor by) {
        if (by == null || !EDITORS.contains(by.role())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "eligibility.forbidden");
        }
    }

    // --- preview ---------------------------------------------------------------------------------

    /**
     * Counts, per desa of {@code region} (the reader's scope when null), the active households and those
     * the text selects now. A text with errors gives the errors and no rows.
     */
    @Transactional(readOnly = true)
    public Preview preview(String text, String region, CurrentActor by) {
        requireEditor(by);
        String scope = region(region, by);
        long started = System.nanoTime();
        Expr rule;
        try {
            rule = TypeChecker.compile(text, vocabulary());
        } catch (RuleException e) {
            return new Preview(List.of(), 0, 0, 0, describe(text, e));
        }
        SqlCompiler compiler = new SqlCompiler(today());
        SqlCompiler.Sql p = compiler.predicate(rule);
        SqlCompiler.Sql q = compiler.from(scope, "h.region_code, count(*) as households, count(*) filter (where "
                + p.text() + ") as matching", p.params());
        repository.jdbc().sql("set local statement_timeout = " + PREVIEW_TIMEOUT_MS).update();
        List<Preview.Row> rows = new ArrayList<>();
        long[] totals = {0, 0};
        repository.jdbc().sql(q.text() + " group by h.region_code order by h.region_code").params(q.params())
                .query((rs, n) -> {
                    String code = rs.getString(1);
                    Preview.Row row = new Preview.Row(code, regions.find(code).map(Region::name).orElse(code),
                            rs.getLong(2), rs.getLong(3));
                    totals[0] += row.households();
                    totals[1] += row.matching();
                    return row;
                }).list().forEach(rows::add);
        return new Preview(rows, totals[0], totals[1], (System.nanoTime() - started) / 1_000_000, List.of());
    }

    /** A region prefix inside the actor's scope (the scope itself when none is asked). */
    static String region(String region, CurrentActor by) {
        String scope = by.regionScope();
        if (region == null || region.isBlank()) {
            return scope;
        }
        String r = region.strip();
        if (!RegionCodes.isWellFormed(r) || !RegionCodes.isWithin(r, scope)) {
            throw ProblemException.invalidField("region", "eligibility.region.outside");
        }
        return r;
    }
}
