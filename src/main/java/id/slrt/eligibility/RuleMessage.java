package id.slrt.eligibility;

/**
 * A rule error as shown to a person: the message in their language, the 1-based line and column it
 * points at, and the line with a caret under the offending part.
 */
public record RuleMessage(String code, String message, int line, int column, String excerpt) {
}
