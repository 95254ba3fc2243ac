package id.slrt.registry;

import java.util.List;

/**
 * A save refused by validation: errors always, or warnings not yet accepted with a reason. The form
 * shows every issue beside its field and keeps what was typed.
 */
public class RegistryProblem extends RuntimeException {
    private final transient ValidationResult result;

    public RegistryProblem(ValidationResult result) {
        super("registry validation: " + result.issues());
        this.result = result;
    }

    public ValidationResult result() {
        return result;
    }

    public List<Issue> issues() {
        return result.issues();
    }

    /** Only warnings: the operator may save anyway by giving a reason. */
    public boolean onlyWarnings() {
        return result.valid();
    }
}
