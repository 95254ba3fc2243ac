package id.slrt.exchange;

import id.slrt.registry.Issue;
import id.slrt.registry.IssueMessages;
import id.slrt.registry.Relationship;
import org.springframework.stereotype.Component;

/** Renders a row's findings in the request's language, with the registry's own messages. */
@Component
public class ImportMessages {
    private final IssueMessages messages;

    ImportMessages(IssueMessages messages) {
        this.messages = messages;
    }

    public String message(RowProblem problem) {
        Object[] args = problem.args().clone();
        if ("age.implausible".equals(problem.code()) && args.length > 1) {
            // stored as its name; the message wants the relationship's label
            try {
                args[1] = Relationship.valueOf(String.valueOf(args[1]));
            } catch (IllegalArgumentException e) {
                // leave it as written
            }
        }
        return messages.message(new Issue(problem.code(), problem.severity(), problem.column(), args));
    }

    /** All findings of a row as one text, errors first: for the quarantine's error column. */
    public String summary(ImportRow row) {
        StringBuilder sb = new StringBuilder();
        row.problems().stream().sorted((a, b) -> Boolean.compare(b.isError(), a.isError())).forEach(p -> {
            if (!sb.isEmpty()) {
                sb.append(" | ");
            }
            sb.append(p.column()).append(": ").append(message(p));
        });
        return sb.toString();
    }
}
