package id.slrt.eligibility.lang;

import java.util.List;

/**
 * A registry field a rule may name: of the household ({@code household.desil}) or of a member
 * ({@code age}, only inside {@code any member (…)} / {@code count members (…)}). {@code codes} lists
 * the values a code field may be compared with.
 */
public record Field(String name, boolean member, Type type, List<String> codes) {

    public enum Type {
        /** A number (desil, age, floor area); may be unknown. */
        NUMBER,
        /** One code of a list (floor type, sex); may be unknown. */
        CODE,
        /** A set of codes (PPKS conditions); empty when none. */
        CODE_SET
    }

    public Field {
        codes = codes == null ? List.of() : List.copyOf(codes);
    }

    /** Message key of how the field's values read (number, codes, set of codes), for the help table. */
    public String typeKey() {
        return type == Type.NUMBER ? "eligibility.rule.help.number"
                : type == Type.CODE_SET ? "eligibility.rule.help.set" : "eligibility.rule.help.codes";
    }

    /** As written in a rule. */
    public String written() {
        return member ? name : "household." + name;
    }
}
