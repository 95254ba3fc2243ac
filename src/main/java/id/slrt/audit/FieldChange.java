package id.slrt.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** One field of a stored change ({"field": {"from", "to"}}), as pages show it: "field: from → to". */
public record FieldChange(String field, String from, String to) {
    public static final String NONE = "∅";

    /** Reads the changes JSON written by {@link AuditLog#diff}; empty for null. */
    public static List<FieldChange> parse(ObjectMapper json, String changesJson) {
        List<FieldChange> list = new ArrayList<>();
        if (changesJson == null || changesJson.isBlank()) {
            return list;
        }
        JsonNode node = json.readTree(changesJson);
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            list.add(new FieldChange(field.getKey(), text(field.getValue().get("from")), text(field.getValue().get("to"))));
        }
        return list;
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? NONE : value.isString() ? value.asString() : value.toString();
    }
}
