package id.slrt.complaint;

import id.slrt.platform.ProblemException;
import java.util.List;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/** A refused complaint step or filing: problem+json on the API, a message on the pages. */
public class ComplaintProblem extends ProblemException {

    public ComplaintProblem(HttpStatus status, String type, String messageCode, Object... args) {
        super(status, type, messageCode, args);
    }

    public ComplaintProblem(HttpStatus status, String type, String messageCode, List<FieldError> errors) {
        super(status, type, messageCode, errors);
    }

    static ComplaintProblem notFound() {
        return new ComplaintProblem(HttpStatus.NOT_FOUND, "not-found", "complaint.not-found");
    }

    static ComplaintProblem forbidden() {
        return new ComplaintProblem(HttpStatus.FORBIDDEN, "complaint-forbidden", "complaint.forbidden");
    }

    static ComplaintProblem wrongStatus(ComplaintStatus status) {
        return new ComplaintProblem(HttpStatus.CONFLICT, "complaint-wrong-status", "complaint.wrong-status",
                new DefaultMessageSourceResolvable(status.labelKey()));
    }

    static ComplaintProblem stale() {
        return new ComplaintProblem(HttpStatus.CONFLICT, "conflict", "complaint.stale");
    }

    static ComplaintProblem invalidFiling(List<FieldError> errors) {
        return new ComplaintProblem(HttpStatus.BAD_REQUEST, "validation", "problem.validation", errors);
    }
}
