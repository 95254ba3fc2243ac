package id.slrt.updating.internal;

import id.slrt.registry.CodeName;
import id.slrt.registry.Household;
import id.slrt.registry.HouseholdForm;
import id.slrt.registry.HouseholdForm.MemberForm;
import id.slrt.registry.Issue;
import id.slrt.registry.Member;
import id.slrt.registry.RegistryService;
import id.slrt.registry.RegistryValidator;
import id.slrt.registry.Relationship;
import id.slrt.registry.ValidationResult;
import id.slrt.updating.ChangeKind;
import id.slrt.updating.ChangeRequest.StoredIssue;
import id.slrt.updating.FieldKeys;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Turns a request's field map into the registry's own form and checks it with the registry's
 * validation service, so a proposal is judged exactly as a direct edit would be.
 */
@Component
public class Proposals {
    /** Household fields that go through the registry's household form. */
    static final Set<String> HOUSEHOLD_FORM_FIELDS = Set.of("regionCode", "noKk", "dtksId", "address", "rt", "rw",
            "dusun", "houseOwnership", "floorType", "wallType", "roofType", "waterSource", "lighting", "cookingFuel",
            "toilet", "desil");
    /** Member fields that go through the registry's household form. */
    static final Set<String> MEMBER_FORM_FIELDS = Set.of("nik", "noNikReason", "fullName", "birthPlace", "birthDate",
            "sex", "relationship", "maritalStatus", "education", "occupation", "disability", "motherName", "phone");
    /** The shapes a field key may have; anything else is refused before its parts are looked at. */
    public static final java.util.regex.Pattern WELL_FORMED = java.util.regex.Pattern.compile(
            "household\\.[a-zA-Z]+"
                    + "|member\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.[a-zA-Z]+"
                    + "|new\\.\\d{1,2}\\.[a-zA-Z]+"
                    + "|(ppks|program)\\.[A-Z0-9_]+\\.(household|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
                    + "|split\\.(noKk|head)|merge\\.(intoKk|headRelationship)");
    static final Set<String> MOVE_FIELDS = Set.of("regionCode", "address", "rt", "rw", "dusun");
    public static final List<String> LEAVING_STATUSES = List.of("DIED", "MOVED_OUT", "DUPLICATE");
    public static final List<String> DTKS_REMOVAL_STATUSES = List.of("NOT_ELIGIBLE", "NOT_FOUND", "DUPLICATE", "DISSOLVED");

    private final RegistryService registry;
    private final RegistryValidator validator;

    Proposals(RegistryService registry, RegistryValidator validator) {
        this.registry = registry;
        this.validator = validator;
    }

    /** The registry form with the proposal laid over the current household, and each row's key prefix. */
    public record Overlay(HouseholdForm form, List<String> rowPrefixes) {
    }

    public Overlay overlay(RegistryService.Detail current, Map<String, String> proposed) {
        HouseholdForm base = current == null ? emptyForm() : HouseholdForm.of(current.household(), current.members());
        Map<String, String> household = householdFormValues(base);
        proposed.forEach((key, value) -> {
            if (key.startsWith("household.") && HOUSEHOLD_FORM_FIELDS.contains(FieldKeys.field(key))) {
                household.put(FieldKeys.field(key), value);
            }
        });
        List<MemberForm> rows = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (MemberForm row : base.members()) {
            String prefix = "member." + row.id() + ".";
            rows.add(memberForm(row.id(), row.version(), memberValues(row), proposed, prefix));
            prefixes.add(prefix);
        }
        for (String n : newIndexes(proposed)) {
            String prefix = "new." + n + ".";
            rows.add(memberForm(null, null, new LinkedHashMap<>(), proposed, prefix));
            prefixes.add(prefix);
        }
        HouseholdForm form = new HouseholdForm(household.get("regionCode"), household.get("noKk"), household.get("dtksId"),
                household.get("address"), household.get("rt"), household.get("rw"), household.get("dusun"),
                household.get("houseOwnership"), household.get("floorType"), household.get("wallType"),
                household.get("roofType"), household.get("waterSource"), household.get("lighting"),
                household.get("cookingFuel"), household.get("toilet"), desil(household.get("desil")), base.version(),
                rows, false, "");
        return new Overlay(form, prefixes);
    }

    /** Whether applying needs the registry's household form (any household or member form field). */
    public static boolean touchesForm(Map<String, String> proposed) {
        return proposed.keySet().stream().anyMatch(k -> k.startsWith("new.")
                || (k.startsWith("household.") && HOUSEHOLD_FORM_FIELDS.contains(FieldKeys.field(k)))
                || (k.startsWith("member.") && MEMBER_FORM_FIELDS.contains(FieldKeys.field(k))));
    }

    /** Every finding on a proposal: the kind's own rules, then the registry's validation service. */
    public List<StoredIssue> check(ChangeKind kind, RegistryService.Detail current, Map<String, String> proposed,
                                   Map<String, String> base) {
        List<StoredIssue> issues = new ArrayList<>();
        if (proposed.isEmpty() || proposed.entrySet().stream()
                .allMatch(e -> FieldKeys.value(base, e.getKey()).equals(e.getValue()))) {
            issues.add(error("", "updating.no-change"));
            return issues;
        }
        for (String key : proposed.keySet()) {
            if (!WELL_FORMED.matcher(key).matches() || !allowed(kind, key, current)) {
                issues.add(error(key, "updating.field-not-allowed"));
            }
        }
        if (!issues.isEmpty()) {
            return issues;
        }
        kindRules(kind, current, proposed, issues);
        if (touchesForm(proposed)) {
            Overlay overlay = overlay(current, proposed);
            ValidationResult result = registry.check(current == null ? null : current.household().id(), overlay.form());
            for (Issue issue : result.issues()) {
                if (kind == ChangeKind.MOVE_HOUSEHOLD && issue.code().equals("region.outside-scope")) {
                    continue; // a family moving to another desa of the district: the district applies it
                }
                issues.add(new StoredIssue(keyOf(issue.field(), overlay.rowPrefixes()), issue.code(),
                        issue.severity().name(), Arrays.stream(issue.args()).map(String::valueOf).toList()));
            }
        }
        return issues;
    }

    private boolean allowed(ChangeKind kind, String key, RegistryService.Detail current) {
        String group = FieldKeys.group(key);
        String field = FieldKeys.field(key);
        boolean knownMember = group.equals("member") && current != null && current.members().stream()
                .anyMatch(m -> m.id().toString().equals(FieldKeys.middle(key)));
        return switch (kind) {
            case NEW_HOUSEHOLD -> (group.equals("household") && HOUSEHOLD_FORM_FIELDS.contains(field))
                    || (group.equals("new") && (MEMBER_FORM_FIELDS.contains(field) || field.equals("bank")));
            case ADD_MEMBER -> group.equals("new") && (MEMBER_FORM_FIELDS.contains(field) || field.equals("bank"));
            case REMOVE_MEMBER -> knownMember && (field.equals("status") || field.equals("statusDate"));
            case MOVE_HOUSEHOLD -> group.equals("household") && MOVE_FIELDS.contains(field);
            case CORRECT -> (group.equals("household") && HOUSEHOLD_FORM_FIELDS.contains(field)
                    && !field.equals("regionCode"))
                    || (knownMember && (MEMBER_FORM_FIELDS.contains(field) || field.equals("bank")));
            case PPKS -> group.equals("ppks") && validTarget(field, current);
            case PROGRAM -> group.equals("program") && validTarget(field, current);
            case DTKS_REMOVAL -> group.equals("household") && (field.equals("status") || field.equals("statusDate"));
            case SPLIT -> key.equals("split.noKk") || key.equals("split.head")
                    || (knownMember && field.equals("moveToNewKk"));
            case MERGE -> key.equals("merge.intoKk") || key.equals("merge.headRelationship");
        };
    }

    private static boolean validTarget(String target, RegistryService.Detail current) {
        return current != null && (target.equals(FieldKeys.HOUSEHOLD_TARGET)
                || current.members().stream().anyMatch(m -> m.id().toString().equals(target)));
    }

    private void kindRules(ChangeKind kind, RegistryService.Detail current, Map<String, String> proposed,
                           List<StoredIssue> issues) {
        switch (kind) {
            case REMOVE_MEMBER -> leaving(proposed, "member.", LEAVING_STATUSES, issues);
            case DTKS_REMOVAL -> leaving(proposed, "household.", DTKS_REMOVAL_STATUSES, issues);
            case PPKS -> codes(proposed, validator.ppksCategories(), Set.of("1", ""), issues);
            case PROGRAM -> {
                codes(proposed, validator.programs(), Set.of("PROPOSED", "ENDED"), issues);
                endings(current, proposed, issues);
            }
            case ADD_MEMBER, NEW_HOUSEHOLD, CORRECT -> banks(proposed, issues);
            case SPLIT -> split(current, proposed, issues);
            case MERGE -> merge(current, proposed, issues);
            default -> {
            }
        }
    }

    /** A member leaving or a household removed needs a status of the allowed ones and a date not in the future. */
    private void leaving(Map<String, String> proposed, String group, List<String> statuses, List<StoredIssue> issues) {
        for (Map.Entry<String, String> e : proposed.entrySet()) {
            if (!e.getKey().startsWith(group) || !e.getKey().endsWith(".status")) {
                continue;
            }
            if (!statuses.contains(e.getValue())) {
                issues.add(error(e.getKey(), "member-status.invalid"));
            }
            String dateKey = e.getKey().substring(0, e.getKey().length() - "status".length()) + "statusDate";
            String date = proposed.getOrDefault(dateKey, "");
            if (date.isBlank()) {
                issues.add(error(dateKey, "member-status.date-required"));
            } else {
                try {
                    if (LocalDate.parse(date).isAfter(validator.today())) {
                        issues.add(error(dateKey, "date.future"));
                    }
                } catch (DateTimeParseException ex) {
                    issues.add(error(dateKey, "birth-date.invalid"));
                }
            }
        }
    }

    private static void codes(Map<String, String> proposed, List<CodeName> known, Set<String> values,
                              List<StoredIssue> issues) {
        Set<String> codes = known.stream().map(CodeName::code).collect(Collectors.toSet());
        proposed.forEach((key, value) -> {
            if (!codes.contains(FieldKeys.middle(key))) {
                issues.add(error(key, key.startsWith("ppks.") ? "ppks.unknown" : "program.unknown"));
            } else if (!values.contains(value)) {
                issues.add(error(key, "updating.value-not-allowed"));
            }
        });
    }

    /** Ending a program needs an active (or proposed) participation of it for that target to end. */
    private static void endings(RegistryService.Detail current, Map<String, String> proposed, List<StoredIssue> issues) {
        proposed.forEach((key, value) -> {
            if ("ENDED".equals(value) && current != null && current.programs().stream().noneMatch(p ->
                    p.code().equals(FieldKeys.middle(key)) && !"ENDED".equals(p.status())
                            && FieldKeys.target(p.memberId()).equals(FieldKeys.field(key)))) {
                issues.add(error(key, "updating.program-not-received"));
            }
        });
    }

    private void split(RegistryService.Detail current, Map<String, String> proposed, List<StoredIssue> issues) {
        List<String> moving = movingMembers(proposed);
        String head = proposed.getOrDefault("split.head", "");
        if (moving.isEmpty() || !moving.contains(head)) {
            issues.add(error("split.head", "updating.split-nothing"));
        }
        long active = current.members().stream().filter(Member::active).count();
        if (!moving.isEmpty() && moving.size() >= active) {
            issues.add(error("split.head", "updating.split-everyone"));
        }
        current.members().stream().filter(m -> m.active() && m.relationship().name().equals("KEPALA")
                && moving.contains(m.id().toString())).findFirst()
                .ifPresent(m -> issues.add(error("member." + m.id() + ".moveToNewKk", "updating.split-head-stays")));
        for (Issue issue : validator.kk("split.noKk", proposed.getOrDefault("split.noKk", "")).result().issues()) {
            issues.add(new StoredIssue("split.noKk", issue.code(), issue.severity().name(),
                    Arrays.stream(issue.args()).map(String::valueOf).toList()));
        }
    }

    /** Members a split moves to the new KK. */
    public static List<String> movingMembers(Map<String, String> proposed) {
        return proposed.entrySet().stream()
                .filter(e -> e.getKey().startsWith("member.") && e.getKey().endsWith(".moveToNewKk")
                        && "1".equals(e.getValue()))
                .map(e -> FieldKeys.middle(e.getKey())).toList();
    }

    private void merge(RegistryService.Detail current, Map<String, String> proposed, List<StoredIssue> issues) {
        if (mergeTarget(current, proposed.getOrDefault("merge.intoKk", "")) == null) {
            issues.add(error("merge.intoKk", "updating.merge-target-unknown"));
        }
        String rel = proposed.get("merge.headRelationship");
        if (rel != null && !rel.isBlank() && Relationship.parse(rel) == null) {
            issues.add(error("merge.headRelationship", "relationship.required"));
        }
    }

    /** The active household in the same desa with this No. KK that a merge joins, if there is exactly one. */
    public Household mergeTarget(RegistryService.Detail current, String noKk) {
        List<Household> found = registry.householdsByKk(noKk.strip()).stream()
                .filter(h -> "ACTIVE".equals(h.status()) && h.regionCode().equals(current.household().regionCode())
                        && !h.id().equals(current.household().id()))
                .toList();
        return found.size() == 1 ? found.get(0) : null;
    }

    private void banks(Map<String, String> proposed, List<StoredIssue> issues) {
        proposed.forEach((key, value) -> {
            if (!key.endsWith(".bank") || value.isBlank()) {
                return;
            }
            int colon = value.indexOf(':');
            if (colon < 1) {
                issues.add(error(key, "bank.required"));
                return;
            }
            for (Issue issue : validator.bankAccount("accountNumber", value.substring(0, colon), value.substring(colon + 1))
                    .result().issues()) {
                issues.add(new StoredIssue(key, issue.code(), issue.severity().name(),
                        Arrays.stream(issue.args()).map(String::valueOf).toList()));
            }
        });
    }

    /** Maps a registry form field ("members[2].nik", "noKk") to the request's key. */
    static String keyOf(String field, List<String> rowPrefixes) {
        if (field == null || field.isBlank()) {
            return "";
        }
        if (field.startsWith("members[")) {
            int close = field.indexOf(']');
            int row = Integer.parseInt(field.substring("members[".length(), close));
            String rest = field.length() > close + 2 ? field.substring(close + 2) : "";
            return row < rowPrefixes.size() ? rowPrefixes.get(row) + rest : "household.members";
        }
        return "household." + field;
    }

    static StoredIssue error(String key, String code) {
        return new StoredIssue(key, code, "ERROR", List.of());
    }

    /**
     * Which registry member each added row ({@code new.<n>.*}) became: by NIK, or — for someone without
     * one — by name (ignoring case) and birth date. Rows not found are left out.
     */
    public static Map<String, Member> addedMembers(Map<String, String> values, RegistryService.Detail d) {
        Map<String, Member> found = new LinkedHashMap<>();
        for (String n : newIndexes(values)) {
            String nik = FieldKeys.value(values, "new." + n + ".nik");
            String name = FieldKeys.value(values, "new." + n + ".fullName");
            String birth = FieldKeys.value(values, "new." + n + ".birthDate");
            d.members().stream()
                    .filter(m -> nik.isBlank() ? name.equalsIgnoreCase(m.fullName())
                            && birth.equals(String.valueOf(m.birthDate())) : nik.equals(m.nik()))
                    .findFirst().ifPresent(m -> found.put(n, m));
        }
        return found;
    }

    /** Indexes of members to add ({@code new.<n>.*}), in numeric order. */
    public static List<String> newIndexes(Map<String, String> proposed) {
        Set<Integer> indexes = new TreeSet<>();
        for (String key : proposed.keySet()) {
            if (key.startsWith("new.")) {
                try {
                    indexes.add(Integer.parseInt(FieldKeys.middle(key)));
                } catch (NumberFormatException e) {
                    // not a new-member key the forms write; allowed() refuses it
                }
            }
        }
        return indexes.stream().map(String::valueOf).toList();
    }

    private static MemberForm memberForm(UUID id, Integer version, Map<String, String> values,
                                         Map<String, String> proposed, String prefix) {
        proposed.forEach((key, value) -> {
            if (key.startsWith(prefix) && MEMBER_FORM_FIELDS.contains(key.substring(prefix.length()))) {
                values.put(key.substring(prefix.length()), value);
            }
        });
        return new MemberForm(id, version, v(values, "nik"), v(values, "noNikReason"), v(values, "fullName"),
                v(values, "birthPlace"), v(values, "birthDate"), v(values, "sex"), v(values, "relationship"),
                v(values, "maritalStatus"), v(values, "education"), v(values, "occupation"),
                values.getOrDefault("disability", "NONE"), v(values, "motherName"), v(values, "phone"));
    }

    private static String v(Map<String, String> values, String field) {
        String value = values.get(field);
        return value == null ? "" : value;
    }

    private static Map<String, String> memberValues(MemberForm m) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("nik", m.nik());
        v.put("noNikReason", m.noNikReason());
        v.put("fullName", m.fullName());
        v.put("birthPlace", m.birthPlace());
        v.put("birthDate", m.birthDate());
        v.put("sex", m.sex());
        v.put("relationship", m.relationship());
        v.put("maritalStatus", m.maritalStatus());
        v.put("education", m.education());
        v.put("occupation", m.occupation());
        v.put("disability", m.disability());
        v.put("motherName", m.motherName());
        v.put("phone", m.phone());
        return v;
    }

    private static Map<String, String> householdFormValues(HouseholdForm f) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("regionCode", f.regionCode());
        v.put("noKk", f.noKk());
        v.put("dtksId", f.dtksId());
        v.put("address", f.address());
        v.put("rt", f.rt());
        v.put("rw", f.rw());
        v.put("dusun", f.dusun());
        v.put("houseOwnership", f.houseOwnership());
        v.put("floorType", f.floorType());
        v.put("wallType", f.wallType());
        v.put("roofType", f.roofType());
        v.put("waterSource", f.waterSource());
        v.put("lighting", f.lighting());
        v.put("cookingFuel", f.cookingFuel());
        v.put("toilet", f.toilet());
        v.put("desil", f.desil() == null ? "" : f.desil().toString());
        return v;
    }

    private static Integer desil(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static HouseholdForm emptyForm() {
        return new HouseholdForm("", "", "", "", "", "", "", "", "", "", "", "", "", "", "", null, null, List.of(),
                false, "");
    }

    /** The member of a household with this id, if it belongs to it. */
    static Member member(RegistryService.Detail d, String id) {
        return d.members().stream().filter(m -> m.id().toString().equals(id)).findFirst().orElse(null);
    }

    static Household household(RegistryService.Detail d) {
        return d.household();
    }
}
