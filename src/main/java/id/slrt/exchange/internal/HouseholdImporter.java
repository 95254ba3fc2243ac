package id.slrt.exchange.internal;

import id.slrt.exchange.ExistingPeople;
import id.slrt.exchange.RowAction;
import id.slrt.exchange.RowOutcome;
import id.slrt.exchange.RowProblem;
import id.slrt.registry.BankAccounts;
import id.slrt.registry.HouseholdForm;
import id.slrt.registry.HouseholdForm.MemberForm;
import id.slrt.registry.Issue;
import id.slrt.registry.RegistryBulk;
import id.slrt.shared.CurrentActor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges households (each the rows of one No. KK and desa) a batch at a time with the registry's own
 * validation service (RegistryBulk: the same checks and codes as a single save, with the duplicate-NIK
 * and No. KK look-ups done once per batch) and registers those that nothing blocks with one bulk insert,
 * inside the caller's (the job's) transaction. Every row gets an outcome; a household is saved whole or not at all, so the
 * rows of a refused household all go to the quarantine together and can be re-imported together.
 * <p>
 * A household with a member whose NIK is already registered is, as the importer chose (ExistingPeople),
 * skipped with an "exists" warning, or — when all its registered people are in one household the importer
 * can see — handed to ExistingHouseholds, which updates that household or proposes change requests. A
 * household whose No. KK alone is registered is skipped. In a dry run (the preview) nothing is written:
 * the outcomes say what the import would do.
 */
final class HouseholdImporter {
    private static final Pattern MEMBER_FIELD = Pattern.compile("members\\[(\\d+)]\\.(.+)");
    private static final Set<String> EXISTS = Set.of("nik.duplicate-visible", "nik.duplicate-elsewhere");
    private static final Map<String, Field> BY_REGISTRY_FIELD = new HashMap<>();

    static {
        for (Field f : Field.values()) {
            BY_REGISTRY_FIELD.put(f.registryField(), f);
        }
        BY_REGISTRY_FIELD.put("members", Field.HUB_KELUARGA);
    }

    private final RegistryBulk registry;
    private final Map<String, BankAccounts.Bank> banks = new HashMap<>();
    private final HeaderMapping mapping;
    private final CurrentActor actor;
    private final String reason;
    private final String source;
    private final ExistingHouseholds existing;
    private final ExistingPeople mode;
    private final boolean dryRun;

    HouseholdImporter(RegistryBulk registry, List<BankAccounts.Bank> banks, HeaderMapping mapping, CurrentActor actor,
                      String reason, String source, ExistingHouseholds existing, ExistingPeople mode, boolean dryRun) {
        this.registry = registry;
        banks.forEach(b -> this.banks.put(b.code(), b));
        this.mapping = mapping;
        this.actor = actor;
        this.reason = reason;
        this.source = source;
        this.existing = existing;
        this.mode = mode;
        this.dryRun = dryRun;
    }

    /**
     * The rows of a batch of households with their outcomes, how many households were registered and
     * updated, how many change requests were made and how many rows of registered people had nothing to change.
     */
    record Result(List<StagedRow> rows, int created, int updated, int requested, int unchanged) {
    }

    /** One household's rows and what was found on each, while its batch is judged. */
    private static final class Judged {
        final List<StagedRow> rows;
        final List<List<RowProblem>> problems = new ArrayList<>();
        /** Per row, its own findings (reading, bank account): what counts when the household is registered already. */
        final List<List<RowProblem>> own = new ArrayList<>();
        final HouseholdForm form;
        final Set<UUID> registeredIn = new HashSet<>();
        RegistryBulk.Checked checked;
        boolean exists;
        boolean elsewhere;
        boolean anyError;

        Judged(List<StagedRow> rows) {
            this.rows = rows;
            rows.forEach(r -> problems.add(new ArrayList<>(r.problems())));
            rows.forEach(r -> own.add(new ArrayList<>(r.problems())));
            this.form = form(rows);
        }

        boolean ownError() {
            return own.stream().flatMap(List::stream).anyMatch(RowProblem::isError);
        }
    }

    /**
     * Judges a batch of households (each: the rows of one No. KK and desa) with the registry's validation
     * service, all at once, and registers those that nothing blocks with one bulk insert, inside the
     * caller's (the job's) transaction. Same outcomes and codes as judging them one after the other.
     */
    Result applyAll(List<List<StagedRow>> households, ImportRunner.Profile profile) {
        List<Judged> batch = households.stream().map(Judged::new).toList();
        List<RegistryBulk.Checked> checked = profile.time("registry check",
                () -> registry.check(batch.stream().map(j -> j.form).toList()));
        Set<String> kks = new HashSet<>();
        for (int h = 0; h < batch.size(); h++) {
            Judged j = batch.get(h);
            j.checked = checked.get(h);
            for (Issue issue : j.checked.result().issues()) {
                j.exists |= place(issue, j.rows.size(), j.problems);
                if (issue.code().equals("nik.duplicate-visible") && issue.args().length > 0) {
                    j.registeredIn.add(UUID.fromString(String.valueOf(issue.args()[0])));
                } else if (issue.code().equals("nik.duplicate-elsewhere")) {
                    j.elsewhere = true;
                }
            }
            for (int i = 0; i < j.rows.size(); i++) {
                StagedRow r = j.rows.get(i);
                if (!r.get(Field.BANK).isEmpty() || !r.get(Field.NO_REKENING).isEmpty()) {
                    String bank = r.get(Field.BANK);
                    BankAccounts.Check check = BankAccounts.check("accountNumber", bank,
                            banks.get(bank.trim().toUpperCase()), r.get(Field.NO_REKENING));
                    for (Issue issue : check.result().issues()) {
                        add(j.problems.get(i), issue.code(), issue.severity(), column(issue.field()), issue.args());
                        add(j.own.get(i), issue.code(), issue.severity(), column(issue.field()), issue.args());
                    }
                }
            }
            j.anyError = j.problems.stream().flatMap(List::stream).anyMatch(RowProblem::isError);
            if (!j.anyError && !j.exists && j.form.noKk().matches("\\d{16}")) {
                kks.add(j.form.noKk());
            }
        }
        Set<String> registered = new HashSet<>(profile.time("registry kk", () -> registry.existingKks(kks)));
        List<StagedRow> out = new ArrayList<>();
        List<RegistryBulk.NewHousehold> toCreate = new ArrayList<>();
        int[] counts = new int[3];
        ExistingHouseholds.Context context = new ExistingHouseholds.Context(mode, dryRun, actor, reason, mapping,
                this::column);
        for (Judged j : batch) {
            if (j.exists && mode != ExistingPeople.SKIP && !j.elsewhere && j.registeredIn.size() == 1 && !j.ownError()) {
                ExistingHouseholds.Handled handled = profile.time("registered households",
                        () -> existing.handle(j.rows, j.own, j.registeredIn.iterator().next(), context));
                out.addAll(handled.rows());
                counts[0] += handled.updated() ? 1 : 0;
                counts[1] += handled.requests();
                counts[2] += handled.unchanged();
                continue;
            }
            if (!j.anyError && !j.exists && j.form.noKk().matches("\\d{16}") && !registered.add(j.form.noKk())) {
                j.exists = true;
                j.problems.forEach(p -> p.add(new RowProblem("import.kk-exists", Issue.Severity.WARNING,
                        mapping.header(Field.NO_KK), j.form.noKk())));
            }
            if (j.anyError) {
                out.addAll(rejected(j.rows, j.problems, mapping));
            } else if (j.exists) {
                for (List<RowProblem> p : j.problems) {
                    if (p.stream().noneMatch(x -> x.code().equals("import.exists") || x.code().equals("import.kk-exists"))) {
                        p.add(new RowProblem("import.household-skipped", Issue.Severity.WARNING,
                                mapping.header(Field.NO_KK)));
                    }
                }
                out.addAll(withOutcomes(j.rows, j.problems, RowOutcome.WARNING, RowAction.SKIPPED));
            } else {
                toCreate.add(toCreate(j));
                out.addAll(withOutcomes(j.rows, j.problems, null, null));
            }
        }
        if (!dryRun) {
            profile.time("registry create", () -> registry.create(toCreate, reason, source, actor));
        }
        return new Result(out, toCreate.size(), counts[0], counts[1], counts[2]);
    }

    /** The rows of a household refused whole: each without an error of its own names the rows in error. */
    static List<StagedRow> rejected(List<StagedRow> rows, List<List<RowProblem>> problems, HeaderMapping mapping) {
        String errorRows = errorRows(rows, problems);
        for (List<RowProblem> p : problems) {
            if (p.stream().noneMatch(RowProblem::isError)) {
                p.add(new RowProblem("import.household-rejected", Issue.Severity.ERROR, mapping.header(Field.NO_KK),
                        errorRows));
            }
        }
        return withOutcomes(rows, problems, RowOutcome.ERROR, null);
    }

    /** The household with, per member row, its bank account and PBI; PKH and BPNT on any row are the household's. */
    private static RegistryBulk.NewHousehold toCreate(Judged j) {
        List<RegistryBulk.MemberExtras> members = new ArrayList<>();
        Set<String> householdPrograms = new LinkedHashSet<>();
        for (StagedRow r : j.rows) {
            members.add(new RegistryBulk.MemberExtras(r.get(Field.BANK), r.get(Field.NO_REKENING),
                    "Y".equals(r.get(Field.PBI)) ? Set.of("PBI_JK") : Set.of()));
            if ("Y".equals(r.get(Field.PKH))) {
                householdPrograms.add("PKH");
            }
            if ("Y".equals(r.get(Field.BPNT))) {
                householdPrograms.add("BPNT");
            }
        }
        return new RegistryBulk.NewHousehold(j.checked, members, householdPrograms);
    }

    /** The household as the registry's form: household fields from the head's row (else the first). */
    private static HouseholdForm form(List<StagedRow> rows) {
        StagedRow head = rows.stream().filter(r -> "KEPALA".equals(r.get(Field.HUB_KELUARGA))).findFirst()
                .orElse(rows.get(0));
        List<MemberForm> members = rows.stream().map(r -> new MemberForm(null, null, r.get(Field.NIK), "",
                r.get(Field.NAMA), r.get(Field.TEMPAT_LAHIR), r.get(Field.TGL_LAHIR), r.get(Field.JENIS_KELAMIN),
                r.get(Field.HUB_KELUARGA), r.get(Field.STATUS_KAWIN), "", r.get(Field.PEKERJAAN), "NONE",
                r.get(Field.NAMA_IBU_KANDUNG), "")).toList();
        return new HouseholdForm(head.get(Field.KODE_WILAYAH), head.get(Field.NO_KK), head.get(Field.ID_DTKS),
                head.get(Field.ALAMAT), head.get(Field.RT), head.get(Field.RW), head.get(Field.DUSUN), null, null, null,
                null, null, null, null, null, null, null, members, false, "");
    }

    /** Puts a registry finding on its row (a member's) or on every row (the household's); true for "exists". */
    private boolean place(Issue issue, int size, List<List<RowProblem>> problems) {
        Matcher m = issue.field() == null ? null : MEMBER_FIELD.matcher(issue.field());
        if (m != null && m.matches()) {
            int index = Integer.parseInt(m.group(1));
            List<RowProblem> row = problems.get(index);
            if (EXISTS.contains(issue.code())) {
                if (row.stream().anyMatch(p -> p.code().equals("import.nik-duplicate-in-file"))) {
                    return false;
                }
                row.add(new RowProblem("import.exists", Issue.Severity.WARNING, column(m.group(2))));
                return true;
            }
            add(row, issue.code(), issue.severity(), column(m.group(2)), issue.args());
        } else {
            for (int i = 0; i < size; i++) {
                add(problems.get(i), issue.code(), issue.severity(), column(issue.field()), issue.args());
            }
        }
        return false;
    }

    /** A registry finding is left out when the row already has an error of its own on that column. */
    static void add(List<RowProblem> row, String code, Issue.Severity severity, String column, Object[] args) {
        if (row.stream().anyMatch(p -> p.isError() && column.equals(p.column()))) {
            return;
        }
        row.add(new RowProblem(code, severity, column, args));
    }

    String column(String registryField) {
        Field f = registryField == null ? null : BY_REGISTRY_FIELD.get(registryField);
        return f == null ? String.valueOf(registryField) : mapping.header(f);
    }

    private static String errorRows(List<StagedRow> rows, List<List<RowProblem>> problems) {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (problems.get(i).stream().anyMatch(RowProblem::isError)) {
                numbers.add(String.valueOf(rows.get(i).rowNo()));
            }
        }
        return String.join(", ", numbers);
    }

    /** Rows with their problems and an outcome: the given one, or by their own findings when null. */
    private static List<StagedRow> withOutcomes(List<StagedRow> rows, List<List<RowProblem>> problems, RowOutcome forced,
                                                RowAction action) {
        List<StagedRow> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            StagedRow r = rows.get(i);
            List<RowProblem> p = problems.get(i);
            RowOutcome outcome = forced != null ? forced : p.isEmpty() ? RowOutcome.ACCEPTED : RowOutcome.WARNING;
            out.add(new StagedRow(r.rowNo(), r.regionCode(), r.householdKey(), r.nik(), r.raw(), r.data(), outcome, p,
                    action));
        }
        return out;
    }
}
