package id.slrt.eligibility;

/**
 * A save of a rule: its name, text, a note, whether it is in use, and the version the edit started from
 * (null for a new rule) so that a concurrent save is refused instead of silently overwritten.
 */
public record RuleForm(String name, String text, String note, Boolean active, Integer baseVersion) {
}
