package id.slrt.platform;

/**
 * A start-up failure the operator can fix, with one line in Indonesian and one in English.
 * It is reported as a single line instead of a stack trace.
 */
public class StartupProblem extends RuntimeException {
    private final String indonesian;
    private final String english;

    public StartupProblem(String indonesian, String english) {
        this(indonesian, english, null);
    }

    public StartupProblem(String indonesian, String english, Throwable cause) {
        super(indonesian + " / " + english, cause);
        this.indonesian = indonesian;
        this.english = english;
    }

    public String indonesian() {
        return indonesian;
    }

    public String english() {
        return english;
    }

    /** The one line printed for this problem. */
    public String line() {
        return "SLRT tidak dapat dimulai: " + indonesian + " | SLRT cannot start: " + english;
    }

    public static StartupProblem find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof StartupProblem p) {
                return p;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }
}
