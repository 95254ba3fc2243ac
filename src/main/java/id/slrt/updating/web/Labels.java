package id.slrt.updating.web;

import id.slrt.platform.Texts;
import id.slrt.region.RegionService;
import id.slrt.registry.CodeName;
import id.slrt.registry.DtksCodes;
import id.slrt.registry.RegistryValidator;
import id.slrt.registry.Relationship;
import id.slrt.updating.FieldKeys;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Field keys and coded values as a reviewer reads them ("Rahmah · Tanggal lahir", "Perempuan"). */
@Component
class Labels {
    private final Texts texts;
    private final RegistryValidator validator;
    private final RegionService regions;

    Labels(Texts texts, RegistryValidator validator, RegionService regions) {
        this.texts = texts;
        this.validator = validator;
        this.regions = regions;
    }

    /** The label of a field key; {@code names} maps member ids to names. */
    String label(String key, Map<String, String> names) {
        if (key == null || key.isEmpty()) {
            return texts.get("updating.whole-request");
        }
        String field = FieldKeys.field(key);
        return switch (FieldKeys.group(key)) {
            case "household" -> texts.get("updating.section.household") + " · " + fieldLabel(field);
            case "member" -> names.getOrDefault(FieldKeys.middle(key), "?") + " · " + fieldLabel(field);
            case "new" -> texts.get("updating.new-member", Integer.parseInt(FieldKeys.middle(key)) + 1) + " · "
                    + fieldLabel(field);
            case "ppks" -> "PPKS " + FieldKeys.middle(key) + " · " + target(field, names);
            case "program" -> texts.get("updating.field.program") + " " + FieldKeys.middle(key) + " · " + target(field, names);
            case "split" -> texts.get("updating.section.split") + " · "
                    + texts.get(field.equals("head") ? "updating.field.newHead" : "updating.field.newNoKk");
            case "merge" -> texts.get("updating.section.merge") + " · "
                    + texts.get(field.equals("intoKk") ? "updating.field.intoKk" : "updating.field.headRelationship");
            default -> key;
        };
    }

    private String target(String target, Map<String, String> names) {
        return FieldKeys.HOUSEHOLD_TARGET.equals(target) ? texts.get("updating.target.household")
                : names.getOrDefault(target, "?");
    }

    private String fieldLabel(String field) {
        return DtksCodes.FIELDS.containsKey(field) ? texts.get("dtks." + field) : texts.get("updating.field." + field);
    }

    /** A value as text: codes are named, empty is a dash. */
    String value(String key, String value, Map<String, String> names) {
        if (value == null || value.isEmpty()) {
            return "–";
        }
        String field = FieldKeys.field(key);
        String group = FieldKeys.group(key);
        if (group.equals("ppks")) {
            return "1".equals(value) ? texts.get("updating.value.present") : "–";
        }
        if (group.equals("program")) {
            return texts.get("updating.value.program." + value);
        }
        if (DtksCodes.FIELDS.containsKey(field)) {
            return texts.get("dtks." + field + "." + value);
        }
        if (key.equals("split.head")) {
            return names.getOrDefault(value, value);
        }
        if (field.equals("moveToNewKk")) {
            return "1".equals(value) ? texts.get("updating.value.present") : "–";
        }
        return switch (field) {
            case "sex" -> texts.get("registry.sex." + value);
            case "headRelationship" -> {
                Relationship r = Relationship.parse(value);
                yield r == null ? value : texts.get(r.labelKey());
            }
            case "relationship" -> {
                Relationship r = Relationship.parse(value);
                yield r == null ? value : texts.get(r.labelKey());
            }
            case "maritalStatus" -> texts.get("marital." + value);
            case "status" -> texts.get((group.equals("household") ? "household.status." : "member.status.") + value);
            case "regionCode" -> regions.label(value);
            case "noNikReason" -> texts.get("registry.no-nik-yet");
            default -> value;
        };
    }

    Map<String, String> ppksNames() {
        return validator.ppksCategories().stream().collect(Collectors.toMap(CodeName::code, CodeName::name));
    }
}
