package id.slrt.registry;

import id.slrt.platform.Texts;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Renders validation issues in the request's language, dates as dd-MM-yyyy. */
@Component
public class IssueMessages {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private final Texts texts;

    IssueMessages(Texts texts) {
        this.texts = texts;
    }

    public String message(Issue issue) {
        Object[] args = new Object[issue.args().length];
        for (int i = 0; i < args.length; i++) {
            Object a = issue.args()[i];
            if (a instanceof LocalDate d) {
                args[i] = DATE.format(d);
            } else if (a instanceof Relationship r) {
                args[i] = texts.get(r.labelKey());
            } else if (a instanceof Integer n) {
                args[i] = String.valueOf(n); // no thousands separator in lengths and ages
            } else {
                args[i] = a;
            }
        }
        return texts.get(issue.messageKey(), args);
    }

    /** Field name to the first message on it, errors before warnings: for showing inline in forms. */
    public Map<String, String> byField(List<Issue> issues) {
        Map<String, String> map = new LinkedHashMap<>();
        issues.stream().filter(Issue::isError).forEach(i -> map.putIfAbsent(i.field(), message(i)));
        issues.stream().filter(i -> !i.isError()).forEach(i -> map.putIfAbsent(i.field(), message(i)));
        return map;
    }
}
