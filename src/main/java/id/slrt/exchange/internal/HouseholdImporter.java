package id.slrt.exchange.internal;

import id.slrt.exchange.RowOutcome;
import id.slrt.exchange.RowProblem;
import id.slrt.registry.BankAccounts;
import id.slrt.registry.Household;
import id.slrt.registry.HouseholdForm;
import id.slrt.registry.HouseholdForm.MemberForm;
import id.slrt.registry.Issue;
import id.slrt.registry.Member;
import id.slrt.registry.RegistryService;
import id.slrt.registry.RegistryValidator;
import id.slrt.registry.ValidationResult;
import id.slrt.shared.CurrentActor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Judges the rows of one household (same No. KK and desa) with the registry's own validation service
 * and, when nothing blocks, registers it through the registry's public API, inside the caller's
 * (the job's) transaction. Every row gets an outcome; a household is saved whole or not at all, so the
 * rows of a refused household all go to the quarantine together and can be re-imported together.
 * <p>
 * A household with a member whose NIK, or whose No. KK, is already in the registry is skipped with an
 * "exists" warning: updating existing people from a file is the next step (issue #7, point 3).
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

    private final RegistryService registry;
    private final RegistryValidator validator;
    private final HeaderMapping mapping;
    private final CurrentActor actor;
    private final String warningReason;

    HouseholdImporter(RegistryService registry, RegistryValidator validator, HeaderMapping mapping, CurrentActor actor,
                      String warningReason) {
        this.registry = registry;
        this.validator = validator;
        this.mapping = mapping;
        this.actor = actor;
        this.warningReason = warningReason;
    }

    record Result(List<StagedRow> rows, boolean created) {
    }

    Result apply(List<StagedRow> rows) {
        List<List<RowProblem>> problems = new ArrayList<>();
        rows.forEach(r -> problems.add(new ArrayList<>(r.problems())));
        HouseholdForm form = form(rows);
        ValidationResult result = registry.check(null, form);
        boolean exists = false;
        for (Issue issue : result.issues()) {
            exists |= place(issue, rows.size(), problems);
        }
        for (int i = 0; i < rows.size(); i++) {
            StagedRow r = rows.get(i);
            if (!r.get(Field.BANK).isEmpty() || !r.get(Field.NO_REKENING).isEmpty()) {
                BankAccounts.Check bank = validator.bankAccount("accountNumber", r.get(Field.BANK), r.get(Field.NO_REKENING));
                for (Issue issue : bank.result().issues()) {
                    add(problems.get(i), issue.code(), issue.severity(), column(issue.field()), issue.args());
                }
            }
        }
        boolean anyError = problems.stream().flatMap(List::stream).anyMatch(RowProblem::isError);
        if (!anyError && !exists && form.noKk().matches("\\d{16}") && !registry.householdsByKk(form.noKk()).isEmpty()) {
            exists = true;
            problems.forEach(p -> p.add(new RowProblem("import.kk-exists", Issue.Severity.WARNING,
                    mapping.header(Field.NO_KK), form.noKk())));
        }
        if (anyError) {
            String errorRows = errorRows(rows, problems);
            for (List<RowProblem> p : problems) {
                if (p.stream().noneMatch(RowProblem::isError)) {
                    p.add(new RowProblem("import.household-rejected", Issue.Severity.ERROR, mapping.header(Field.NO_KK),
                            errorRows));
                }
            }
            return new Result(withOutcomes(rows, problems, RowOutcome.ERROR), false);
        }
        if (exists) {
            for (List<RowProblem> p : problems) {
                if (p.stream().noneMatch(x -> x.code().equals("import.exists") || x.code().equals("import.kk-exists"))) {
                    p.add(new RowProblem("import.household-skipped", Issue.Severity.WARNING, mapping.header(Field.NO_KK)));
                }
            }
            return new Result(withOutcomes(rows, problems, RowOutcome.WARNING), false);
        }
        save(form, rows, result);
        return new Result(withOutcomes(rows, problems, null), true);
    }

    private void save(HouseholdForm form, List<StagedRow> rows, ValidationResult result) {
        boolean warned = !result.warnings().isEmpty();
        HouseholdForm toSave = new HouseholdForm(form.regionCode(), form.noKk(), form.dtksId(), form.address(), form.rt(),
                form.rw(), form.dusun(), null, null, null, null, null, null, null, null, null, null, form.members(),
                warned, warned ? warningReason : "");
        Household h = registry.create(toSave, actor);
        Map<String, UUID> memberByNik = registry.find(h.id()).orElseThrow().members().stream()
                .filter(m -> m.nik() != null).collect(Collectors.toMap(Member::nik, Member::id, (a, b) -> a));
        Set<String> householdPrograms = new java.util.LinkedHashSet<>();
        for (StagedRow r : rows) {
            UUID member = memberByNik.get(r.get(Field.NIK));
            if (member != null && !r.get(Field.NO_REKENING).isEmpty()) {
                registry.addBankAccount(h.id(), member, r.get(Field.BANK), r.get(Field.NO_REKENING), actor);
            }
            if ("Y".equals(r.get(Field.PKH))) {
                householdPrograms.add("PKH");
            }
            if ("Y".equals(r.get(Field.BPNT))) {
                householdPrograms.add("BPNT");
            }
            if (member != null && "Y".equals(r.get(Field.PBI))) {
                registry.addProgram(h.id(), member, "PBI_JK", null, actor);
            }
        }
        householdPrograms.forEach(p -> registry.addProgram(h.id(), null, p, null, actor));
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
    private static void add(List<RowProblem> row, String code, Issue.Severity severity, String column, Object[] args) {
        if (row.stream().anyMatch(p -> p.isError() && column.equals(p.column()))) {
            return;
        }
        row.add(new RowProblem(code, severity, column, args));
    }

    private String column(String registryField) {
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
    private static List<StagedRow> withOutcomes(List<StagedRow> rows, List<List<RowProblem>> problems, RowOutcome forced) {
        List<StagedRow> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            StagedRow r = rows.get(i);
            List<RowProblem> p = problems.get(i);
            RowOutcome outcome = forced != null ? forced : p.isEmpty() ? RowOutcome.ACCEPTED : RowOutcome.WARNING;
            out.add(new StagedRow(r.rowNo(), r.regionCode(), r.householdKey(), r.nik(), r.raw(), r.data(), outcome, p));
        }
        return out;
    }
}
