package id.slrt.eligibility;

import java.util.List;

/** A rule text refused by the parser or the type checker, with every error described. */
public class RuleRejected extends RuntimeException {
    private final transient List<RuleMessage> errors;

    public RuleRejected(List<RuleMessage> errors) {
        super(errors.isEmpty() ? "rule rejected" : errors.get(0).message(), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<RuleMessage> errors() {
        return errors;
    }
}
