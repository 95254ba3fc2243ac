package id.slrt.exchange.internal;

import id.slrt.exchange.ExistingPeople;
import id.slrt.exchange.RowAction;
import id.slrt.exchange.RowOutcome;
import id.slrt.exchange.RowProblem;
import id.slrt.platform.ProblemException;
import id.slrt.registry.Household;
import id.slrt.registry.HouseholdForm;
import id.slrt.registry.HouseholdForm.MemberForm;
import id.slrt.registry.Issue;
import id.slrt.registry.RegistryService;
import id.slrt.registry.ValidationResult;
import id.slrt.shared.CurrentActor;
import id.slrt.updating.ChangeKind;
import id.slrt.updating.ChangeRequest;
import id.slrt.updating.UpdatePeriods;
import id.slrt.updating.UpdatingService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The rows of a file household whose people are already registered (matched by NIK, all in one
 * registered household the importer can see). The file's non-blank values are laid over the registered
 * household: a person of the file not yet in it is added, registered people missing from the file stay
 * as they are, a blank cell changes nothing. Nothing different: every row is "no change". Otherwise the
 * overlaid household is checked with the registry's validation service (as an update of that
 * household) and, without errors, saved by the registry's own update (history and audit per household)
 * or proposed as change requests (a correction of registered people, an addition of new ones) that are
 * submitted to the kecamatan supervisor, as the importer chose.
 * <p>
 * A file household that names another No. KK or desa than the registered one is left with a warning:
 * moving people between families or villages from a file is a decision for a person, not an import.
 */
@Component
class ExistingHouseholds {
    private static final Pattern MEMBER_FIELD = Pattern.compile("members\\[(\\d+)]\\.(.+)");
    /** Household fields an import may change, with the file's field for each. */
    private static final Map<String, Field> HOUSEHOLD = new LinkedHashMap<>();
    /** Member fields an import may change, with the file's field for each. */
    private static final Map<String, Field> MEMBER = new LinkedHashMap<>();

    static {
        HOUSEHOLD.put("dtksId", Field.ID_DTKS);
        HOUSEHOLD.put("address", Field.ALAMAT);
        HOUSEHOLD.put("rt", Field.RT);
        HOUSEHOLD.put("rw", Field.RW);
        HOUSEHOLD.put("dusun", Field.DUSUN);
        MEMBER.put("nik", Field.NIK);
        MEMBER.put("fullName", Field.NAMA);
        MEMBER.put("birthPlace", Field.TEMPAT_LAHIR);
        MEMBER.put("birthDate", Field.TGL_LAHIR);
        MEMBER.put("sex", Field.JENIS_KELAMIN);
        MEMBER.put("relationship", Field.HUB_KELUARGA);
        MEMBER.put("maritalStatus", Field.STATUS_KAWIN);
        MEMBER.put("occupation", Field.PEKERJAAN);
        MEMBER.put("motherName", Field.NAMA_IBU_KANDUNG);
    }

    private final RegistryService registry;
    private final UpdatingService updating;
    private final UpdatePeriods periods;

    ExistingHouseholds(RegistryService registry, UpdatingService updating, UpdatePeriods periods) {
        this.registry = registry;
        this.updating = updating;
        this.periods = periods;
    }

    /** The rows with their outcomes and actions, and what was done to the registered household. */
    record Handled(List<StagedRow> rows, boolean updated, int requests, int unchanged) {
    }

    /** How the importer's household is handled: its choice, whether only to tell (preview), who and why. */
    record Context(ExistingPeople mode, boolean dryRun, CurrentActor actor, String reason, HeaderMapping mapping,
                   Function<String, String> column) {
    }

    /**
     * @param own per row, the findings of the row itself (reading, bank account) — the registry's findings
     *            on the rows as a new household do not apply to an update and are not passed in
     */
    Handled handle(List<StagedRow> rows, List<List<RowProblem>> own, UUID householdId, Context ctx) {
        RegistryService.Detail detail = registry.find(householdId).orElse(null);
        if (detail == null) {
            return skipped(rows, own, "import.household-skipped", ctx.mapping().header(Field.NO_KK));
        }
        Household h = detail.household();
        StagedRow head = rows.stream().filter(r -> "KEPALA".equals(r.get(Field.HUB_KELUARGA))).findFirst()
                .orElse(rows.get(0));
        if (!head.get(Field.NO_KK).isEmpty() && !head.get(Field.NO_KK).equals(h.noKk())) {
            return skipped(rows, own, "import.existing-other-kk", ctx.mapping().header(Field.NO_KK), h.noKk());
        }
        if (!head.get(Field.KODE_WILAYAH).isEmpty() && !head.get(Field.KODE_WILAYAH).equals(h.regionCode())) {
            return skipped(rows, own, "import.existing-other-desa", ctx.mapping().header(Field.KODE_WILAYAH),
                    h.regionCode());
        }
        HouseholdForm base = HouseholdForm.of(h, detail.members());
        Map<String, String> household = householdValues(base);
        Map<String, String> overlaid = new LinkedHashMap<>(household);
        HOUSEHOLD.forEach((name, field) -> {
            if (!head.get(field).isEmpty()) {
                overlaid.put(name, head.get(field));
            }
        });
        boolean householdChanged = !overlaid.equals(household);

        List<MemberForm> members = new ArrayList<>(base.members());
        Map<String, Integer> byNik = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).nik() != null && !members.get(i).nik().isBlank()) {
                byNik.put(members.get(i).nik(), i);
            }
        }
        int[] formIndex = new int[rows.size()];
        boolean[] rowChanged = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            StagedRow r = rows.get(i);
            Integer at = byNik.get(r.get(Field.NIK));
            if (at == null) {
                members.add(overlay(MemberForm.empty(""), r));
                formIndex[i] = members.size() - 1;
                rowChanged[i] = true;
            } else {
                MemberForm before = members.get(at);
                MemberForm after = overlay(before, r);
                members.set(at, after);
                formIndex[i] = at;
                rowChanged[i] = !memberValues(before).equals(memberValues(after));
            }
        }
        boolean anyChange = householdChanged;
        for (boolean c : rowChanged) {
            anyChange |= c;
        }
        if (!anyChange) {
            List<StagedRow> out = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                out.add(with(rows.get(i), own.get(i), RowAction.UNCHANGED));
            }
            return new Handled(out, false, 0, rows.size());
        }
        HouseholdForm form = new HouseholdForm(h.regionCode(), h.noKk(), overlaid.get("dtksId"), overlaid.get("address"),
                overlaid.get("rt"), overlaid.get("rw"), overlaid.get("dusun"), base.houseOwnership(), base.floorType(),
                base.wallType(), base.roofType(), base.waterSource(), base.lighting(), base.cookingFuel(), base.toilet(),
                base.desil(), h.version(), members, true, ctx.reason());
        List<List<RowProblem>> problems = new ArrayList<>();
        own.forEach(p -> problems.add(new ArrayList<>(p)));
        ValidationResult result = registry.check(householdId, form);
        for (Issue issue : result.issues()) {
            place(issue, formIndex, problems, ctx);
        }
        boolean anyError = problems.stream().flatMap(List::stream).anyMatch(RowProblem::isError);
        if (anyError) {
            return new Handled(HouseholdImporter.rejected(rows, problems, ctx.mapping()), false, 0, 0);
        }
        RowAction action = ctx.mode() == ExistingPeople.UPDATE ? RowAction.UPDATED : RowAction.REQUESTED;
        for (int i = 0; i < rows.size(); i++) {
            rowChanged[i] |= householdChanged && rows.get(i) == head;
        }
        int requests = 0;
        if (!ctx.dryRun()) {
            if (ctx.mode() == ExistingPeople.UPDATE) {
                registry.update(householdId, form, ctx.actor());
            } else {
                requests = propose(householdId, base, overlaid, household, members, rows, rowChanged, problems, ctx);
            }
        }
        List<StagedRow> out = new ArrayList<>();
        int unchanged = 0;
        for (int i = 0; i < rows.size(); i++) {
            boolean changed = rowChanged[i];
            out.add(with(rows.get(i), problems.get(i), changed ? action : RowAction.UNCHANGED));
            unchanged += changed ? 0 : 1;
        }
        return new Handled(out, ctx.mode() == ExistingPeople.UPDATE, requests, unchanged);
    }

    /**
     * A correction of the registered people and household fields, and an addition of the new people,
     * each submitted when nothing blocks it; a request the workflow would refuse (its own findings, or
     * the period's desa cut-off passed) stays a draft of the importer, named on the rows.
     */
    private int propose(UUID householdId, HouseholdForm base, Map<String, String> overlaid,
                        Map<String, String> household, List<MemberForm> members, List<StagedRow> rows,
                        boolean[] rowChanged, List<List<RowProblem>> problems, Context ctx) {
        Map<String, String> correct = new LinkedHashMap<>();
        overlaid.forEach((name, value) -> {
            if (!Objects.equals(value, household.get(name))) {
                correct.put("household." + name, value);
            }
        });
        Map<String, String> add = new LinkedHashMap<>();
        int added = 0;
        for (int k = 0; k < members.size(); k++) {
            MemberForm m = members.get(k);
            Map<String, String> values = memberValues(m);
            if (m.id() == null) {
                int n = added++;
                values.forEach((name, value) -> {
                    if (!value.isEmpty()) {
                        add.put("new." + n + "." + name, value);
                    }
                });
            } else if (k < base.members().size()) {
                Map<String, String> before = memberValues(base.members().get(k));
                values.forEach((name, value) -> {
                    if (!Objects.equals(value, before.get(name))) {
                        correct.put("member." + m.id() + "." + name, value);
                    }
                });
            }
        }
        int made = 0;
        for (var entry : List.of(Map.entry(ChangeKind.CORRECT, correct), Map.entry(ChangeKind.ADD_MEMBER, add))) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            ChangeRequest draft = updating.draft(new UpdatingService.Proposal(entry.getKey(), householdId,
                    entry.getValue(), ctx.reason(), null), ctx.actor());
            made++;
            String why = draft.hasErrors() ? "import.request-draft" : submissionClosed();
            if (why == null) {
                updating.submit(draft.id(), ctx.actor());
            }
            for (int i = 0; i < rows.size(); i++) {
                if (rowChanged[i]) {
                    problems.get(i).add(new RowProblem(why == null ? "import.requested" : why, Issue.Severity.WARNING,
                            ctx.mapping().header(Field.NIK), draft.number()));
                }
            }
        }
        return made;
    }

    /** Null while makers may submit; the reason on the rows when the period's desa cut-off has passed. */
    private String submissionClosed() {
        try {
            periods.requireSubmissionOpen();
            return null;
        } catch (ProblemException closed) {
            return "import.request-draft-closed";
        }
    }

    private static MemberForm overlay(MemberForm m, StagedRow r) {
        Map<String, String> v = memberValues(m);
        MEMBER.forEach((name, field) -> {
            if (!r.get(field).isEmpty()) {
                v.put(name, r.get(field));
            }
        });
        return new MemberForm(m.id(), m.version(), v.get("nik"), m.noNikReason(), v.get("fullName"),
                v.get("birthPlace"), v.get("birthDate"), v.get("sex"), v.get("relationship"), v.get("maritalStatus"),
                m.education(), v.get("occupation"), m.disability() == null || m.disability().isBlank() ? "NONE"
                : m.disability(), v.get("motherName"), m.phone());
    }

    private static Map<String, String> memberValues(MemberForm m) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("nik", m.nik());
        v.put("fullName", m.fullName());
        v.put("birthPlace", m.birthPlace());
        v.put("birthDate", m.birthDate());
        v.put("sex", m.sex());
        v.put("relationship", m.relationship());
        v.put("maritalStatus", m.maritalStatus());
        v.put("occupation", m.occupation());
        v.put("motherName", m.motherName());
        v.replaceAll((k, val) -> val == null ? "" : val.strip());
        return v;
    }

    private static Map<String, String> householdValues(HouseholdForm f) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("dtksId", f.dtksId());
        v.put("address", f.address());
        v.put("rt", f.rt());
        v.put("rw", f.rw());
        v.put("dusun", f.dusun());
        v.replaceAll((k, val) -> val == null ? "" : val.strip());
        return v;
    }

    /** A finding on a form member goes to the file row that became it; others (household, registered only) to every row. */
    private static void place(Issue issue, int[] formIndex, List<List<RowProblem>> problems, Context ctx) {
        Matcher m = issue.field() == null ? null : MEMBER_FIELD.matcher(issue.field());
        if (m != null && m.matches()) {
            int k = Integer.parseInt(m.group(1));
            boolean found = false;
            for (int i = 0; i < formIndex.length; i++) {
                if (formIndex[i] == k) {
                    HouseholdImporter.add(problems.get(i), issue.code(), issue.severity(), ctx.column().apply(m.group(2)),
                            issue.args());
                    found = true;
                }
            }
            if (found) {
                return;
            }
        }
        for (List<RowProblem> row : problems) {
            HouseholdImporter.add(row, issue.code(), issue.severity(), ctx.column().apply(m != null && m.matches()
                    ? m.group(2) : issue.field()), issue.args());
        }
    }

    private static Handled skipped(List<StagedRow> rows, List<List<RowProblem>> own, String code, String column,
                                   Object... args) {
        List<StagedRow> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<RowProblem> p = new ArrayList<>(own.get(i));
            p.add(new RowProblem(code, Issue.Severity.WARNING, column, args));
            out.add(new StagedRow(rows.get(i).rowNo(), rows.get(i).regionCode(), rows.get(i).householdKey(),
                    rows.get(i).nik(), rows.get(i).raw(), rows.get(i).data(), RowOutcome.WARNING, p, RowAction.SKIPPED));
        }
        return new Handled(out, false, 0, 0);
    }

    private static StagedRow with(StagedRow r, List<RowProblem> problems, RowAction action) {
        return new StagedRow(r.rowNo(), r.regionCode(), r.householdKey(), r.nik(), r.raw(), r.data(),
                problems.isEmpty() ? RowOutcome.ACCEPTED : RowOutcome.WARNING, problems, action);
    }
}
