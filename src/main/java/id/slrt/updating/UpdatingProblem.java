package id.slrt.updating;

import id.slrt.platform.ProblemException;
import java.util.List;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/** A refused step of the workflow, answered as problem+json on the API and as a message on the pages. */
public class UpdatingProblem extends ProblemException {

    public UpdatingProblem(HttpStatus status, String type, String messageCode, Object... args) {
        super(status, type, messageCode, args);
    }

    public UpdatingProblem(HttpStatus status, String type, String messageCode, List<FieldError> errors) {
        super(status, type, messageCode, errors);
    }

    static UpdatingProblem forbidden(String messageCode) {
        return new UpdatingProblem(HttpStatus.FORBIDDEN, "updating-forbidden", messageCode);
    }

    static UpdatingProblem wrongStatus(RequestStatus status) {
        return new UpdatingProblem(HttpStatus.CONFLICT, "updating-wrong-status", "updating.wrong-status",
                new DefaultMessageSourceResolvable(status.labelKey()));
    }

    static UpdatingProblem notFound() {
        return new UpdatingProblem(HttpStatus.NOT_FOUND, "not-found", "updating.not-found");
    }
}
