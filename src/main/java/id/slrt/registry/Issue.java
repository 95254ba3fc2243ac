package id.slrt.registry;

import java.util.Arrays;

/**
 * One finding of the validation service: a stable {@code code} (also the message key
 * {@code validation.<code>}), whether it blocks saving, the field it concerns, and message arguments.
 */
public record Issue(String code, Severity severity, String field, Object... args) {

    public enum Severity { ERROR, WARNING }

    public static Issue error(String field, String code, Object... args) {
        return new Issue(code, Severity.ERROR, field, args);
    }

    public static Issue warning(String field, String code, Object... args) {
        return new Issue(code, Severity.WARNING, field, args);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public String messageKey() {
        return "validation." + code;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Issue i && i.code.equals(code) && i.severity == severity
                && java.util.Objects.equals(i.field, field) && Arrays.equals(i.args, args);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(code, severity, field, Arrays.hashCode(args));
    }

    @Override
    public String toString() {
        return severity + " " + field + " " + code + Arrays.toString(args);
    }
}
