package id.slrt.eligibility.lang;

import id.slrt.eligibility.lang.Expr.Op;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.Set;

/**
 * Evaluates a checked rule over one household in memory. Same meaning as the SQL the
 * {@link SqlCompiler} writes (a property test holds them together): a comparison with an unknown value
 * is false (so {@code not} of it is true); a set field compares by membership; age is whole years on
 * the as-of date.
 */
public final class Evaluator {
    private final Vocabulary vocabulary;
    private final LocalDate asOf;

    public Evaluator(Vocabulary vocabulary, LocalDate asOf) {
        this.vocabulary = vocabulary;
        this.asOf = asOf;
    }

    public boolean test(Expr e, HouseholdFacts h) {
        return eval(e, h, null);
    }

    private boolean eval(Expr e, HouseholdFacts h, HouseholdFacts.MemberFacts m) {
        if (e instanceof Expr.And a) {
            return eval(a.left(), h, m) && eval(a.right(), h, m);
        }
        if (e instanceof Expr.Or o) {
            return eval(o.left(), h, m) || eval(o.right(), h, m);
        }
        if (e instanceof Expr.Not n) {
            return !eval(n.operand(), h, m);
        }
        if (e instanceof Expr.AnyMember a) {
            return h.members().stream().anyMatch(x -> eval(a.condition(), h, x));
        }
        if (e instanceof Expr.CountMembers c) {
            long count = h.members().stream().filter(x -> eval(c.condition(), h, x)).count();
            return c.op().test(BigDecimal.valueOf(count).compareTo(c.count()));
        }
        return compare((Expr.Compare) e, h, m);
    }

    private boolean compare(Expr.Compare c, HouseholdFacts h, HouseholdFacts.MemberFacts m) {
        String name = c.field().name();
        boolean member = c.field().member();
        Field field = member ? vocabulary.member(name) : vocabulary.household(name);
        return switch (field.type()) {
            case CODE_SET -> set(c, member ? m.ppks() : h.ppks());
            case CODE -> code(c, member ? m.codes().get(name) : h.codes().get(name));
            case NUMBER -> number(c, numberOf(name, member, h, m));
        };
    }

    private BigDecimal numberOf(String name, boolean member, HouseholdFacts h, HouseholdFacts.MemberFacts m) {
        if (member) {
            // the only member number is the age
            // a birth date after the as-of date is a mistake in the data: the age is unknown
            return m.birthDate() == null || m.birthDate().isAfter(asOf) ? null
                    : BigDecimal.valueOf(Period.between(m.birthDate(), asOf).getYears());
        }
        return name.equals(Fields.MEMBERS) ? BigDecimal.valueOf(h.members().size()) : h.numbers().get(name);
    }

    private static boolean number(Expr.Compare c, BigDecimal v) {
        if (v == null) {
            return false;
        }
        Op op = c.op();
        return switch (op) {
            case IN -> c.values().stream().anyMatch(x -> v.compareTo(x.number()) == 0);
            case NOT_IN -> c.values().stream().noneMatch(x -> v.compareTo(x.number()) == 0);
            case BETWEEN -> v.compareTo(c.values().get(0).number()) >= 0 && v.compareTo(c.values().get(1).number()) <= 0;
            default -> op.test(v.compareTo(c.values().get(0).number()));
        };
    }

    private static boolean code(Expr.Compare c, String v) {
        if (v == null) {
            return false;
        }
        return switch (c.op()) {
            case EQ -> v.equals(c.values().get(0).text());
            case NE -> !v.equals(c.values().get(0).text());
            case IN -> c.values().stream().anyMatch(x -> v.equals(x.text()));
            case NOT_IN -> c.values().stream().noneMatch(x -> v.equals(x.text()));
            default -> throw new IllegalStateException("checked rules never order codes");
        };
    }

    private static boolean set(Expr.Compare c, Set<String> v) {
        return switch (c.op()) {
            case EQ -> v.contains(c.values().get(0).text());
            case NE -> !v.contains(c.values().get(0).text());
            case IN -> c.values().stream().anyMatch(x -> v.contains(x.text()));
            case NOT_IN -> c.values().stream().noneMatch(x -> v.contains(x.text()));
            default -> throw new IllegalStateException("checked rules never order sets");
        };
    }
}
