package id.slrt.referral;

import id.slrt.platform.ProblemException;
import java.util.List;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/** A refused referral step: problem+json on the API, a message on the pages. */
public class ReferralProblem extends ProblemException {

    public ReferralProblem(HttpStatus status, String type, String messageCode, Object... args) {
        super(status, type, messageCode, args);
    }

    public ReferralProblem(HttpStatus status, String type, String messageCode, List<FieldError> errors) {
        super(status, type, messageCode, errors);
    }

    static ReferralProblem notFound() {
        return new ReferralProblem(HttpStatus.NOT_FOUND, "not-found", "referral.not-found");
    }

    static ReferralProblem forbidden() {
        return new ReferralProblem(HttpStatus.FORBIDDEN, "referral-forbidden", "referral.forbidden");
    }

    static ReferralProblem wrongStatus(ReferralStatus status) {
        return new ReferralProblem(HttpStatus.CONFLICT, "referral-wrong-status", "referral.wrong-status",
                new DefaultMessageSourceResolvable(status.labelKey()));
    }

    static ReferralProblem stale() {
        return new ReferralProblem(HttpStatus.CONFLICT, "conflict", "referral.stale");
    }

    /** A link that does not open (unknown, expired, revoked, or for another referral): one answer for all. */
    static ReferralProblem linkInvalid() {
        return new ReferralProblem(HttpStatus.NOT_FOUND, "referral-link-invalid", "referral.link.invalid");
    }

    static ReferralProblem invalidInput(List<FieldError> errors) {
        return new ReferralProblem(HttpStatus.BAD_REQUEST, "validation", "problem.validation", errors);
    }

    static ReferralProblem invalid(String field, String code, Object... args) {
        return invalidInput(List.of(new FieldError(field, code, args)));
    }
}
