package id.slrt.eligibility.lang;

import java.math.BigDecimal;
import java.util.List;

/** The parsed rule: a tree of conditions, each knowing where it stands in the text. */
public sealed interface Expr {
    Span span();

    record And(Expr left, Expr right, Span span) implements Expr {
    }

    record Or(Expr left, Expr right, Span span) implements Expr {
    }

    record Not(Expr operand, Span span) implements Expr {
    }

    /** {@code any member (condition)}: at least one active member meets the condition. */
    record AnyMember(Expr condition, Span span) implements Expr {
    }

    /** {@code count members (condition) >= n}: how many active members meet it, compared with n. */
    record CountMembers(Expr condition, Op op, BigDecimal count, Span span) implements Expr {
    }

    /** {@code field op value}, {@code field [not] in (v, …)} or {@code field between a and b}. */
    record Compare(FieldRef field, Op op, List<Literal> values, Span span) implements Expr {
    }

    /** A field as written: {@code household.desil}, {@code age}; {@code member} tells which it names. */
    record FieldRef(String name, boolean member, Span span) {
    }

    /** A number or a quoted text. */
    record Literal(Object value, Span span) {
        public boolean isNumber() {
            return value instanceof BigDecimal;
        }

        public BigDecimal number() {
            return (BigDecimal) value;
        }

        public String text() {
            return (String) value;
        }

        @Override
        public String toString() {
            return isNumber() ? number().toPlainString() : "'" + text().replace("'", "''") + "'";
        }
    }

    enum Op {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), IN("in"), NOT_IN("not in"), BETWEEN("between");

        public final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public boolean ordering() {
            return this == LT || this == LE || this == GT || this == GE || this == BETWEEN;
        }

        public boolean test(int comparison) {
            return switch (this) {
                case EQ -> comparison == 0;
                case NE -> comparison != 0;
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
                default -> throw new IllegalStateException(name());
            };
        }

        public String sql() {
            return this == NE ? "<>" : symbol;
        }
    }
}
