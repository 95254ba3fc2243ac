package id.slrt.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What the validation service found: errors block saving, warnings may be saved with a reason. */
public final class ValidationResult {
    private final List<Issue> issues = new ArrayList<>();

    public ValidationResult add(Issue issue) {
        if (!issues.contains(issue)) {
            issues.add(issue);
        }
        return this;
    }

    public ValidationResult addAll(ValidationResult other) {
        other.issues.forEach(this::add);
        return this;
    }

    public List<Issue> issues() {
        return Collections.unmodifiableList(issues);
    }

    public List<Issue> errors() {
        return issues.stream().filter(Issue::isError).toList();
    }

    public List<Issue> warnings() {
        return issues.stream().filter(i -> !i.isError()).toList();
    }

    public boolean valid() {
        return errors().isEmpty();
    }

    public boolean has(String code) {
        return issues.stream().anyMatch(i -> i.code().equals(code));
    }
}
