package id.slrt.eligibility.lang;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields a rule may name and, for code fields, the codes each accepts. Built by the eligibility
 * service from the registry's code lists (the PPKS categories are admin data, so they are read, not
 * fixed here).
 */
public final class Vocabulary {
    private final Map<String, Field> household = new LinkedHashMap<>();
    private final Map<String, Field> member = new LinkedHashMap<>();

    public Vocabulary(List<Field> fields) {
        for (Field f : fields) {
            (f.member() ? member : household).put(f.name(), f);
        }
    }

    public Field household(String name) {
        return household.get(name);
    }

    public Field member(String name) {
        return member.get(name);
    }

    public List<Field> fields() {
        List<Field> all = new ArrayList<>(household.values());
        all.addAll(member.values());
        return all;
    }

    public List<Field> householdFields() {
        return List.copyOf(household.values());
    }

    public List<Field> memberFields() {
        return List.copyOf(member.values());
    }
}
