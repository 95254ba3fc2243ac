package id.slrt.updating.batch;

/** The file as a whole cannot be read; carries the message key for the operator. */
final class UnreadableFileException extends Exception {
    private final transient ResultProblem problem;

    UnreadableFileException(String messageKey, Throwable cause) {
        super(messageKey, cause);
        this.problem = new ResultProblem(0, messageKey);
    }

    ResultProblem problem() {
        return problem;
    }
}
