package id.slrt.eligibility.lang;

import java.util.List;

/** A rule that does not parse or does not type-check; carries every error found (at least one). */
public class RuleException extends RuntimeException {
    private final transient List<RuleError> errors;

    public RuleException(List<RuleError> errors) {
        super(errors.isEmpty() ? "invalid rule" : errors.get(0).code(), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public RuleException(RuleError error) {
        this(List.of(error));
    }

    public List<RuleError> errors() {
        return errors;
    }
}
