package id.slrt.eligibility.lang;

import id.slrt.eligibility.lang.Expr.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks a parsed rule against the vocabulary: every field known and used where it belongs (member
 * fields inside a member block, household fields outside), values of the field's type, code values
 * from the field's list, operators that make sense for the type. Collects every error, in text order.
 */
public final class TypeChecker {
    private static final int MAX_LISTED = 12;

    private final Vocabulary vocabulary;
    private final List<RuleError> errors = new ArrayList<>();

    private TypeChecker(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Parses and checks; throws {@link RuleException} with every error found. */
    public static Expr compile(String text, Vocabulary vocabulary) {
        Expr e = Parser.parse(text);
        TypeChecker checker = new TypeChecker(vocabulary);
        checker.check(e, false);
        if (!checker.errors.isEmpty()) {
            throw new RuleException(checker.errors);
        }
        return e;
    }

    private void check(Expr e, boolean inMember) {
        if (e instanceof Expr.And a) {
            check(a.left(), inMember);
            check(a.right(), inMember);
        } else if (e instanceof Expr.Or o) {
            check(o.left(), inMember);
            check(o.right(), inMember);
        } else if (e instanceof Expr.Not n) {
            check(n.operand(), inMember);
        } else if (e instanceof Expr.AnyMember a) {
            memberBlock(a.span(), inMember);
            check(a.condition(), true);
        } else if (e instanceof Expr.CountMembers c) {
            memberBlock(c.span(), inMember);
            check(c.condition(), true);
            if (c.count().scale() > 0 || c.count().signum() < 0) {
                errors.add(RuleError.at(c.span(), "eligibility.rule.error.count-whole"));
            }
        } else {
            compare((Expr.Compare) e, inMember);
        }
    }

    private void memberBlock(Span span, boolean inMember) {
        if (inMember) {
            errors.add(RuleError.at(new Span(span.start(), Math.min(span.end(), span.start() + 5)),
                    "eligibility.rule.error.nested-member"));
        }
    }

    private void compare(Expr.Compare c, boolean inMember) {
        Expr.FieldRef ref = c.field();
        Field field = ref.member() ? vocabulary.member(ref.name()) : vocabulary.household(ref.name());
        if (field == null) {
            // A household field written without "household." (or the reverse) is the commonest slip: say so.
            Field other = ref.member() ? vocabulary.household(ref.name()) : vocabulary.member(ref.name());
            if (other != null && !other.member()) {
                errors.add(RuleError.at(ref.span(), "eligibility.rule.error.household-prefix", ref.name()));
            } else {
                errors.add(RuleError.at(ref.span(), "eligibility.rule.error.unknown-field", written(c), known(inMember)));
            }
            return;
        }
        if (field.member() && !inMember) {
            errors.add(RuleError.at(ref.span(), "eligibility.rule.error.member-field-outside", field.written()));
            return;
        }
        if (!field.member() && inMember) {
            errors.add(RuleError.at(ref.span(), "eligibility.rule.error.household-field-inside", field.written()));
            return;
        }
        Op op = c.op();
        if (field.type() != Field.Type.NUMBER && op.ordering()) {
            errors.add(RuleError.at(ref.span().to(c.values().get(0).span()), "eligibility.rule.error.operator-not-for",
                    op.symbol, field.written()));
            return;
        }
        for (Expr.Literal v : c.values()) {
            if (field.type() == Field.Type.NUMBER && !v.isNumber()) {
                errors.add(RuleError.at(v.span(), "eligibility.rule.error.number-expected", field.written(), v.toString()));
            } else if (field.type() != Field.Type.NUMBER && v.isNumber()) {
                errors.add(RuleError.at(v.span(), "eligibility.rule.error.code-expected", field.written(), v.toString()));
            } else if (field.type() != Field.Type.NUMBER && !field.codes().contains(v.text())) {
                errors.add(RuleError.at(v.span(), "eligibility.rule.error.unknown-code", v.text(), field.written(),
                        listed(field.codes())));
            }
        }
        if (op == Op.BETWEEN && c.values().stream().allMatch(Expr.Literal::isNumber)
                && c.values().get(0).number().compareTo(c.values().get(1).number()) > 0) {
            errors.add(RuleError.at(c.values().get(0).span().to(c.values().get(1).span()),
                    "eligibility.rule.error.between-order"));
        }
    }

    private static String written(Expr.Compare c) {
        return c.field().member() ? c.field().name() : "household." + c.field().name();
    }

    private String known(boolean inMember) {
        return (inMember ? vocabulary.memberFields() : vocabulary.householdFields()).stream().map(Field::written)
                .collect(Collectors.joining(", "));
    }

    private static String listed(List<String> codes) {
        String shown = codes.stream().limit(MAX_LISTED).collect(Collectors.joining(", "));
        return codes.size() > MAX_LISTED ? shown + ", …" : shown;
    }
}
