package id.slrt.exchange;

import id.slrt.registry.Issue;

/**
 * A finding on one row: the registry validation code (message key {@code validation.<code>}), whether
 * it blocks, the file's column it concerns (its header as written in the file), and message arguments.
 */
public record RowProblem(String code, Issue.Severity severity, String column, Object... args) {

    public boolean isError() {
        return severity == Issue.Severity.ERROR;
    }

    public Issue issue() {
        return new Issue(code, severity, column, args);
    }
}
