package id.slrt.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The rule table behind "which programs might fit me?". It is deliberately small and generous: it names
 * candidates and says why, it never decides — the answer page says that Puskesos / Dinas Sosial check
 * and that DTKS/DTSEN decides. Each row: program code, how strong the hint is, the reason's message key,
 * and the condition. Rows of the same program merge (the stronger strength wins, reasons add up).
 * This is not the administrators' eligibility rule engine (issue 8, next slice), which runs over the
 * registry.
 */
public final class FitRules {

    /** LIKELY: the household matches the program's published target group; HINT: worth asking about. */
    public enum Strength {
        LIKELY, HINT
    }

    /** A candidate program with the reasons (message keys) that led to it. */
    public record Suggestion(String programCode, Strength strength, List<String> reasonKeys) {
    }

    /** The candidates, strongest first, and notices (message keys) that apply whatever the programs. */
    public record Result(List<Suggestion> suggestions, List<String> noticeKeys) {
        public boolean suggests(String code) {
            return suggestions.stream().anyMatch(s -> s.programCode().equals(code));
        }

        public Strength strengthOf(String code) {
            return suggestions.stream().filter(s -> s.programCode().equals(code)).map(Suggestion::strength)
                    .findFirst().orElse(null);
        }
    }

    record Rule(String program, Strength strength, String reasonKey, Predicate<FitAnswers> when) {
    }

    static final List<Rule> TABLE = List.of(
            new Rule("PKH", Strength.LIKELY, "fit.reason.pkh.toddler", a -> a.needy() && a.pregnantOrToddler()),
            new Rule("PKH", Strength.LIKELY, "fit.reason.pkh.school", a -> a.needy() && a.anySchoolChild()),
            new Rule("PKH", Strength.LIKELY, "fit.reason.pkh.elderly", a -> a.needy() && a.hasElderly()),
            new Rule("PKH", Strength.LIKELY, "fit.reason.pkh.disability", a -> a.needy() && a.severeDisability()),
            new Rule("PBI_JK", Strength.LIKELY, "fit.reason.pbi", FitAnswers::needy),
            new Rule("BPNT", Strength.LIKELY, "fit.reason.bpnt", FitAnswers::needy),
            new Rule("KIP", Strength.LIKELY, "fit.reason.kip", a -> a.needy() && a.anySchoolChild()),
            new Rule("ASLUT", Strength.LIKELY, "fit.reason.aslut.alone", FitAnswers::elderlyAloneOrNeglected),
            new Rule("ASLUT", Strength.HINT, "fit.reason.aslut.elderly",
                    a -> a.hasElderly() && !a.elderlyAloneOrNeglected()),
            new Rule("ASPDB", Strength.LIKELY, "fit.reason.aspdb", a -> a.needy() && a.severeDisability()),
            new Rule("ASPDB", Strength.HINT, "fit.reason.aspdb.ask", a -> !a.needy() && a.severeDisability()),
            new Rule("ATENSI", Strength.HINT, "fit.reason.atensi.disability", FitAnswers::severeDisability),
            new Rule("ATENSI", Strength.HINT, "fit.reason.atensi.elderly", FitAnswers::elderlyAloneOrNeglected),
            new Rule("RS_RTLH", Strength.LIKELY, "fit.reason.rtlh", FitAnswers::uninhabitableHouse),
            new Rule("BLT_DD", Strength.HINT, "fit.reason.blt", a -> a.poor() && a.dtks() != FitAnswers.Dtks.YES),
            new Rule("KUBE", Strength.HINT, "fit.reason.kube", a -> a.needy() && !(a.members() != null && a.members() == 1)));

    private FitRules() {
    }

    public static Result suggest(FitAnswers answers) {
        Map<String, Strength> strength = new LinkedHashMap<>();
        Map<String, List<String>> reasons = new LinkedHashMap<>();
        for (Rule rule : TABLE) {
            if (rule.when().test(answers)) {
                strength.merge(rule.program(), rule.strength(), (x, y) -> x.ordinal() <= y.ordinal() ? x : y);
                List<String> list = reasons.computeIfAbsent(rule.program(), k -> new ArrayList<>());
                if (!list.contains(rule.reasonKey())) {
                    list.add(rule.reasonKey());
                }
            }
        }
        List<Suggestion> suggestions = new ArrayList<>();
        for (Strength level : Strength.values()) {
            strength.forEach((code, s) -> {
                if (s == level) {
                    suggestions.add(new Suggestion(code, s, List.copyOf(reasons.get(code))));
                }
            });
        }
        List<String> notices = new ArrayList<>();
        if (answers.needy() && answers.dtks() != FitAnswers.Dtks.YES) {
            notices.add("fit.notice.register-dtks");
        }
        if (suggestions.isEmpty()) {
            notices.add("fit.notice.none");
        }
        notices.add("fit.notice.decision");
        return new Result(List.copyOf(suggestions), List.copyOf(notices));
    }
}
