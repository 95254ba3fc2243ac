package id.slrt.updating.web;

import id.slrt.platform.Texts;
import id.slrt.region.Region;
import id.slrt.region.RegionService;
import id.slrt.registry.CodeName;
import id.slrt.registry.DtksCodes;
import id.slrt.registry.Member;
import id.slrt.registry.RegistryService;
import id.slrt.registry.RegistryValidator;
import id.slrt.registry.Relationship;
import id.slrt.updating.ChangeKind;
import id.slrt.updating.FieldKeys;
import id.slrt.updating.internal.Proposals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The form of each kind of request as a list of sections of inputs, and the way back from the posted
 * form to the request's field map. Input names are {@code f.<field key>} or {@code sel.<choice>}.
 */
@Component
public class Inputs {
    static final int NEW_HOUSEHOLD_ROWS = 4;
    private static final List<String> HOUSEHOLD_TEXT = List.of("noKk", "dtksId", "address", "rt", "rw", "dusun");
    private static final List<String> MEMBER_TEXT = List.of("fullName", "nik", "birthPlace");

    private final Texts texts;
    private final RegistryValidator validator;
    private final RegionService regions;

    Inputs(Texts texts, RegistryValidator validator, RegionService regions) {
        this.texts = texts;
        this.validator = validator;
        this.regions = regions;
    }

    public record Option(String value, String text) {
    }

    public record Input(String name, String label, String type, List<Option> options, String value, boolean required) {
        public String id() {
            return name.replaceAll("[^A-Za-z0-9_-]", "-");
        }
    }

    public record Section(String title, List<Input> inputs) {
    }

    /** The sections of the form for a kind, filled with {@code values} (field keys, or sel.* choices). */
    List<Section> form(ChangeKind kind, RegistryService.Detail d, Map<String, String> values, String scope) {
        return switch (kind) {
            case CORRECT -> correct(d, values);
            case MOVE_HOUSEHOLD -> List.of(new Section(texts.get("updating.section.household"), List.of(
                    desaSelect("f.household.regionCode", values.get("household.regionCode"), regions.district().code()),
                    text("f.household.address", "updating.field.address", values.get("household.address"), true),
                    text("f.household.rt", "updating.field.rt", values.get("household.rt"), false),
                    text("f.household.rw", "updating.field.rw", values.get("household.rw"), false),
                    text("f.household.dusun", "updating.field.dusun", values.get("household.dusun"), false))));
            case ADD_MEMBER -> List.of(newMember(0, values, true));
            case NEW_HOUSEHOLD -> newHousehold(values, scope);
            case REMOVE_MEMBER -> List.of(new Section(texts.get("updating.section.member-leaves"), List.of(
                    select("sel.member", "updating.field.member", memberOptions(d, false), values.get("sel.member"), true),
                    select("sel.status", "updating.field.leaveStatus", statusOptions(Proposals.LEAVING_STATUSES,
                            "member.status."), values.get("sel.status"), true),
                    date("sel.date", "updating.field.statusDate", values.get("sel.date"), true))));
            case PPKS -> List.of(new Section(texts.get("updating.section.ppks"), List.of(
                    select("sel.action", "updating.field.ppksAction", List.of(
                            new Option("ADD", texts.get("updating.ppks.add")),
                            new Option("END", texts.get("updating.ppks.end"))), values.get("sel.action"), true),
                    select("sel.category", "updating.field.ppksCategory", codes(validator.ppksCategories()),
                            values.get("sel.category"), true),
                    select("sel.target", "updating.field.target", memberOptions(d, true), values.get("sel.target"), true))));
            case PROGRAM -> List.of(new Section(texts.get("updating.section.program"), List.of(
                    select("sel.program", "updating.field.program", codes(validator.programs()),
                            values.get("sel.program"), true),
                    select("sel.target", "updating.field.target", memberOptions(d, true), values.get("sel.target"), true))));
            case SPLIT -> List.of(new Section(texts.get("updating.section.split"), split(d, values)));
            case MERGE -> List.of(new Section(texts.get("updating.section.merge"), List.of(
                    text("f.merge.intoKk", "updating.field.intoKk", values.get("merge.intoKk"), true),
                    select("f.merge.headRelationship", "updating.field.headRelationship", relationshipOptions(),
                            values.getOrDefault("merge.headRelationship", "LAINNYA"), true))));
            case DTKS_REMOVAL -> List.of(new Section(texts.get("updating.section.dtks-removal"), List.of(
                    select("sel.status", "updating.field.removalStatus", statusOptions(Proposals.DTKS_REMOVAL_STATUSES,
                            "household.status."), values.get("sel.status"), true),
                    date("sel.date", "updating.field.statusDate", values.get("sel.date"), true))));
        };
    }

    /** The values a form starts with: the registry now, with the request's proposal laid over it. */
    Map<String, String> values(ChangeKind kind, RegistryService.Detail d, Map<String, String> proposed) {
        Map<String, String> values = new LinkedHashMap<>(d == null ? Map.of() : FieldKeys.snapshot(d));
        values.putAll(proposed);
        proposed.forEach((key, value) -> {
            switch (FieldKeys.group(key)) {
                case "member" -> {
                    if (key.endsWith(".status")) {
                        values.put("sel.member", FieldKeys.middle(key));
                        values.put("sel.status", value);
                    } else if (key.endsWith(".statusDate")) {
                        values.put("sel.date", value);
                    }
                }
                case "household" -> {
                    if (kind == ChangeKind.DTKS_REMOVAL && key.endsWith(".status")) {
                        values.put("sel.status", value);
                    } else if (kind == ChangeKind.DTKS_REMOVAL && key.endsWith(".statusDate")) {
                        values.put("sel.date", value);
                    }
                }
                case "ppks" -> {
                    values.put("sel.action", "1".equals(value) ? "ADD" : "END");
                    values.put("sel.category", FieldKeys.middle(key));
                    values.put("sel.target", FieldKeys.field(key));
                }
                case "program" -> {
                    values.put("sel.program", FieldKeys.middle(key));
                    values.put("sel.target", FieldKeys.field(key));
                }
                default -> {
                }
            }
        });
        return values;
    }

    /** The request's field map from a posted form: for corrections only what differs from the registry now. */
    Map<String, String> proposed(ChangeKind kind, RegistryService.Detail d, Map<String, String> params) {
        Map<String, String> fields = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("f.")) {
                fields.put(name.substring(2), value == null ? "" : value.strip());
            }
        });
        Map<String, String> proposed = new LinkedHashMap<>();
        switch (kind) {
            case CORRECT, MOVE_HOUSEHOLD -> {
                Map<String, String> now = d == null ? Map.of() : FieldKeys.snapshot(d);
                fields.forEach((k, v) -> {
                    if (!FieldKeys.value(now, k).equals(v)) {
                        proposed.put(k, v);
                    }
                });
            }
            case SPLIT, MERGE -> fields.forEach((k, v) -> {
                if (!v.isBlank()) {
                    proposed.put(k, v);
                }
            });
            case ADD_MEMBER, NEW_HOUSEHOLD -> fields.forEach((k, v) -> {
                if (!v.isBlank() && (!k.startsWith("new.") || rowFilled(fields, FieldKeys.middle(k)))) {
                    proposed.put(k, v);
                }
            });
            case REMOVE_MEMBER -> {
                String member = params.getOrDefault("sel.member", "");
                proposed.put("member." + member + ".status", params.getOrDefault("sel.status", ""));
                proposed.put("member." + member + ".statusDate", params.getOrDefault("sel.date", ""));
            }
            case PPKS -> proposed.put("ppks." + params.getOrDefault("sel.category", "") + "."
                    + params.getOrDefault("sel.target", ""), "END".equals(params.get("sel.action")) ? "" : "1");
            case PROGRAM -> proposed.put("program." + params.getOrDefault("sel.program", "") + "."
                    + params.getOrDefault("sel.target", ""), "PROPOSED");
            case DTKS_REMOVAL -> {
                proposed.put("household.status", params.getOrDefault("sel.status", ""));
                proposed.put("household.statusDate", params.getOrDefault("sel.date", ""));
            }
        }
        return proposed;
    }

    /** A new-member row counts only when it has a name or a NIK (blank rows of the form are ignored). */
    private static boolean rowFilled(Map<String, String> fields, String n) {
        return !fields.getOrDefault("new." + n + ".fullName", "").isBlank()
                || !fields.getOrDefault("new." + n + ".nik", "").isBlank();
    }

    private List<Input> split(RegistryService.Detail d, Map<String, String> values) {
        List<Input> inputs = new ArrayList<>();
        inputs.add(text("f.split.noKk", "updating.field.newNoKk", values.get("split.noKk"), true));
        inputs.add(select("f.split.head", "updating.field.newHead", memberOptions(d, false), values.get("split.head"), true));
        for (Member m : d.members()) {
            if (m.active()) {
                String key = "member." + m.id() + ".moveToNewKk";
                inputs.add(new Input("f." + key, m.fullName() + " · " + texts.get("updating.field.moveToNewKk"), "checkbox",
                        List.of(), "1".equals(values.get(key)) ? "1" : "", false));
            }
        }
        return inputs;
    }

    private List<Option> relationshipOptions() {
        List<Option> options = new ArrayList<>();
        for (Relationship r : Relationship.values()) {
            options.add(new Option(r.name(), texts.get(r.labelKey())));
        }
        return options;
    }

    private List<Section> correct(RegistryService.Detail d, Map<String, String> values) {
        List<Section> sections = new ArrayList<>();
        List<Input> household = new ArrayList<>();
        for (String f : HOUSEHOLD_TEXT) {
            household.add(text("f.household." + f, "updating.field." + f, values.get("household." + f), false));
        }
        household.add(select("f.household.desil", "updating.field.desil", desilOptions(), values.get("household.desil"), false));
        DtksCodes.FIELDS.forEach((field, codes) -> household.add(select("f.household." + field, "dtks." + field,
                codes.stream().map(c -> new Option(c, texts.get("dtks." + field + "." + c))).toList(),
                values.get("household." + field), false)));
        sections.add(new Section(texts.get("updating.section.household"), household));
        for (Member m : d.members()) {
            if (m.active()) {
                sections.add(memberSection(m.fullName(), "member." + m.id() + ".", values, false));
            }
        }
        return sections;
    }

    private List<Section> newHousehold(Map<String, String> values, String scope) {
        List<Section> sections = new ArrayList<>();
        List<Input> household = new ArrayList<>();
        household.add(desaSelect("f.household.regionCode", values.get("household.regionCode"), scope));
        for (String f : HOUSEHOLD_TEXT) {
            household.add(text("f.household." + f, "updating.field." + f, values.get("household." + f),
                    f.equals("noKk") || f.equals("address")));
        }
        sections.add(new Section(texts.get("updating.section.household"), household));
        int rows = Math.max(NEW_HOUSEHOLD_ROWS, Proposals.newIndexes(values).size() + 1);
        for (int i = 0; i < rows; i++) {
            sections.add(newMember(i, values, false));
        }
        return sections;
    }

    private Section newMember(int n, Map<String, String> values, boolean required) {
        return memberSection(texts.get("updating.new-member", n + 1), "new." + n + ".", values, required);
    }

    private Section memberSection(String title, String prefix, Map<String, String> values, boolean required) {
        List<Input> inputs = new ArrayList<>();
        for (String f : MEMBER_TEXT) {
            inputs.add(text("f." + prefix + f, "updating.field." + f, values.get(prefix + f), required && !f.equals("nik")));
        }
        inputs.add(select("f." + prefix + "noNikReason", "updating.field.noNikReason",
                List.of(new Option("BELUM_MEMILIKI_NIK", texts.get("registry.no-nik-yet"))),
                values.get(prefix + "noNikReason"), false));
        inputs.add(date("f." + prefix + "birthDate", "updating.field.birthDate", values.get(prefix + "birthDate"), required));
        inputs.add(select("f." + prefix + "sex", "updating.field.sex", List.of(
                new Option("L", texts.get("registry.sex.L")), new Option("P", texts.get("registry.sex.P"))),
                values.get(prefix + "sex"), required));
        List<Option> relationships = new ArrayList<>();
        for (Relationship r : Relationship.values()) {
            relationships.add(new Option(r.name(), texts.get(r.labelKey())));
        }
        inputs.add(select("f." + prefix + "relationship", "updating.field.relationship", relationships,
                values.get(prefix + "relationship"), required));
        inputs.add(select("f." + prefix + "maritalStatus", "updating.field.maritalStatus", Member.MARITAL.stream()
                .map(s -> new Option(s, texts.get("marital." + s))).toList(), values.get(prefix + "maritalStatus"), false));
        inputs.add(text("f." + prefix + "motherName", "updating.field.motherName", values.get(prefix + "motherName"), false));
        inputs.add(text("f." + prefix + "phone", "updating.field.phone", values.get(prefix + "phone"), false));
        inputs.add(text("f." + prefix + "bank", "updating.field.bank", values.get(prefix + "bank"), false));
        return new Section(title, inputs);
    }

    private Input desaSelect(String name, String value, String scope) {
        List<Option> options = new ArrayList<>();
        String root = scope == null || scope.isBlank() ? regions.district().code() : scope;
        if (root.length() >= 10) {
            regions.find(root).ifPresent(r -> options.add(new Option(r.code(), r.name())));
        } else {
            for (Region kec : root.length() >= 6 ? regions.find(root).stream().toList() : regions.children(root)) {
                for (Region desa : regions.children(kec.code())) {
                    options.add(new Option(desa.code(), kec.name() + " · " + desa.name()));
                }
            }
        }
        return select(name, "updating.field.regionCode", options, value, true);
    }

    private List<Option> memberOptions(RegistryService.Detail d, boolean withHousehold) {
        List<Option> options = new ArrayList<>();
        if (withHousehold) {
            options.add(new Option(FieldKeys.HOUSEHOLD_TARGET, texts.get("updating.target.household")));
        }
        if (d != null) {
            for (Member m : d.members()) {
                if (m.active()) {
                    options.add(new Option(m.id().toString(), m.fullName() + " (" + texts.get(m.relationship().labelKey()) + ")"));
                }
            }
        }
        return options;
    }

    private List<Option> statusOptions(List<String> statuses, String prefix) {
        return statuses.stream().map(s -> new Option(s, texts.get(prefix + s))).toList();
    }

    private static List<Option> codes(List<CodeName> list) {
        return list.stream().map(c -> new Option(c.code(), c.code() + " — " + c.name())).toList();
    }

    private static List<Option> desilOptions() {
        List<Option> options = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            options.add(new Option(String.valueOf(i), String.valueOf(i)));
        }
        return options;
    }

    private Input text(String name, String labelKey, String value, boolean required) {
        return new Input(name, texts.get(labelKey), "text", List.of(), value == null ? "" : value, required);
    }

    private Input date(String name, String labelKey, String value, boolean required) {
        return new Input(name, texts.get(labelKey), "date", List.of(), value == null ? "" : value, required);
    }

    private Input select(String name, String labelKey, List<Option> options, String value, boolean required) {
        return new Input(name, texts.get(labelKey), "select", options, value == null ? "" : value, required);
    }

    static UUID uuidOrNull(String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
