package id.slrt.eligibility.lang;

import id.slrt.eligibility.lang.Expr.Op;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles checked rules to one set-based SQL query over the registry. User values never enter the
 * text: every literal is a bind parameter ({@code ?}), in the order the text uses them.
 *
 * <p>Member conditions do not become one correlated sub-query per household: the active members of
 * the region are read once and grouped by household, each {@code any member (…)} becoming a
 * {@code bool_or(…)} column and each {@code count members (…)} a {@code count(*) filter (where …)}
 * column of that grouping ({@code ma}); household PPKS come grouped the same way ({@code hp}). Every
 * comparison is wrapped in {@code coalesce(…, false)}: an unknown value makes it false, as in the
 * {@link Evaluator}.
 *
 * <p>Use: {@link #predicate} for each rule (or each clause to explain), then {@link #from} for the
 * {@code with … from household h …} part that the predicates refer to.
 */
public final class SqlCompiler {
    private final LocalDate asOf;
    private final List<String> memberColumns = new ArrayList<>();
    private final List<List<Object>> memberColumnParams = new ArrayList<>();
    private boolean needsMembers;
    private boolean needsMemberPpks;
    private boolean needsHouseholdPpks;

    /**
     * A region prefix as a range of codes ({@code ':'} follows {@code '9'}) rather than a prefix match:
     * {@code like} is not leak-proof, so under row-level security PostgreSQL may not use it in an index
     * condition, while {@code >=}/{@code <} on text are and it may.
     */
    public static final String IN_REGION = "region_code >= ? and region_code < ?";

    public static List<Object> regionRange(String region) {
        return List.of(region, region + ":");
    }

    public SqlCompiler(LocalDate asOf) {
        this.asOf = asOf;
    }

    /** A boolean SQL expression over {@code h}, {@code ma}, {@code hp} with its parameters in order. */
    public record Sql(String text, List<Object> params) {
    }

    public Sql predicate(Expr e) {
        List<Object> params = new ArrayList<>();
        String text = compile(e, false, params);
        return new Sql(text, params);
    }

    /**
     * {@code with ma as (…), hp as (…) select <select> from household h left join …
     * where h.status = 'ACTIVE' and h.region_code in the region}: the frame the predicates stand in. The
     * caller's select list goes where {@code %s} is; its parameters come between the frame's.
     */
    public Sql from(String region, String select, List<Object> selectParams) {
        StringBuilder sb = new StringBuilder();
        List<Object> params = new ArrayList<>();
        List<String> ctes = new ArrayList<>();
        List<Object> range = regionRange(region);
        // MATERIALIZED: each grouping is computed once, whatever the planner guesses of fresh tables
        // (a nested loop would otherwise recompute the grouping once per household).
        if (needsMemberPpks) {
            ctes.add("mp as materialized (select member_id, array_agg(category_code::text) as cats from ppks_condition"
                    + " where active and member_id is not null and " + IN_REGION + " group by member_id)");
            params.addAll(range);
        }
        if (needsMembers) {
            // text order: the aggregate columns (their parameters), then the as-of date, then the region
            StringBuilder ma = new StringBuilder("ma as materialized (select m.household_id, count(*) as n_members");
            for (int i = 0; i < memberColumns.size(); i++) {
                ma.append(", ").append(memberColumns.get(i)).append(" as c").append(i);
            }
            memberColumnParams.forEach(params::addAll);
            // a birth date after the as-of date is a mistake in the data: the age is unknown
            ma.append(" from (select m.household_id, m.sex, m.relationship, m.disability, m.marital_status,")
                    .append(" case when m.birth_date <= ?::date then m.birth_date end as birth_date");
            params.add(asOf);
            if (needsMemberPpks) {
                ma.append(", coalesce(mp.cats, '{}'::text[]) as ppks from member m left join mp on mp.member_id = m.id");
            } else {
                ma.append(" from member m");
            }
            ma.append(" where m.status = 'ACTIVE' and m.").append(IN_REGION).append(") m group by m.household_id)");
            params.addAll(range);
            ctes.add(ma.toString());
        }
        if (needsHouseholdPpks) {
            ctes.add("hp as materialized (select household_id, array_agg(category_code::text) as cats from ppks_condition"
                    + " where active and member_id is null and " + IN_REGION + " group by household_id)");
            params.addAll(range);
        }
        if (!ctes.isEmpty()) {
            sb.append("with ").append(String.join(", ", ctes)).append(' ');
        }
        sb.append("select ").append(select).append(" from household h");
        params.addAll(selectParams);
        if (needsMembers) {
            sb.append(" left join ma on ma.household_id = h.id");
        }
        if (needsHouseholdPpks) {
            sb.append(" left join hp on hp.household_id = h.id");
        }
        sb.append(" where h.status = 'ACTIVE' and h.").append(IN_REGION);
        params.addAll(range);
        return new Sql(sb.toString(), params);
    }

    // --- household level -------------------------------------------------------------------------

    private String compile(Expr e, boolean inMember, List<Object> params) {
        if (e instanceof Expr.And a) {
            return "(" + compile(a.left(), inMember, params) + " and " + compile(a.right(), inMember, params) + ")";
        }
        if (e instanceof Expr.Or o) {
            return "(" + compile(o.left(), inMember, params) + " or " + compile(o.right(), inMember, params) + ")";
        }
        if (e instanceof Expr.Not n) {
            return "(not " + compile(n.operand(), inMember, params) + ")";
        }
        if (e instanceof Expr.AnyMember a) {
            return "coalesce(ma." + memberColumn("bool_or", a.condition()) + ", false)";
        }
        if (e instanceof Expr.CountMembers c) {
            String column = memberColumn("count", c.condition());
            params.add(c.count());
            return "(coalesce(ma." + column + ", 0) " + c.op().sql() + " ?::numeric)";
        }
        return comparison((Expr.Compare) e, inMember, params);
    }

    /**
     * The grouping's column for a member condition, added once: the same condition in a rule and in the
     * clause that explains it is computed once.
     */
    private String memberColumn(String aggregate, Expr condition) {
        needsMembers = true;
        List<Object> params = new ArrayList<>();
        String where = compile(condition, true, params);
        String column = aggregate.equals("bool_or") ? "bool_or(" + where + ")" : "count(*) filter (where " + where + ")";
        for (int i = 0; i < memberColumns.size(); i++) {
            if (memberColumns.get(i).equals(column) && memberColumnParams.get(i).equals(params)) {
                return "c" + i;
            }
        }
        memberColumns.add(column);
        memberColumnParams.add(params);
        return "c" + (memberColumns.size() - 1);
    }

    private String comparison(Expr.Compare c, boolean inMember, List<Object> params) {
        String name = c.field().name();
        if (name.equals(Fields.PPKS)) {
            String set;
            if (inMember) {
                needsMemberPpks = true;
                set = "m.ppks";
            } else {
                needsHouseholdPpks = true;
                set = "coalesce(hp.cats, '{}'::text[])";
            }
            return setComparison(set, c, params);
        }
        if (inMember && name.equals(Fields.AGE)) {
            return "coalesce(" + age(c, params) + ", false)";
        }
        String column;
        boolean number;
        if (inMember) {
            number = name.equals(Fields.AGE);
            column = number ? "m.age" : Fields.MEMBER_COLUMNS.get(name);
        } else if (name.equals(Fields.MEMBERS)) {
            needsMembers = true;
            number = true;
            column = "coalesce(ma.n_members, 0)";
        } else {
            number = name.equals("desil") || name.equals("floor_area");
            column = Fields.HOUSEHOLD_COLUMNS.get(name);
        }
        if (column == null) {
            throw new IllegalStateException("unchecked field " + name);
        }
        String cast = number ? "?::numeric" : "?";
        StringBuilder sb = new StringBuilder("coalesce(").append(column);
        switch (c.op()) {
            case IN, NOT_IN -> {
                sb.append(c.op() == Op.IN ? " in (" : " not in (");
                for (int i = 0; i < c.values().size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append(cast);
                    params.add(value(c.values().get(i)));
                }
                sb.append(')');
            }
            case BETWEEN -> {
                sb.append(" between ").append(cast).append(" and ").append(cast);
                params.add(value(c.values().get(0)));
                params.add(value(c.values().get(1)));
            }
            default -> {
                sb.append(' ').append(c.op().sql()).append(' ').append(cast);
                params.add(value(c.values().get(0)));
            }
        }
        return sb.append(", false)").toString();
    }

    /**
     * An age comparison as birth-date thresholds: {@code age >= n} is {@code birth_date <= asOf - n years},
     * a plain date comparison per member instead of computing every member's age (half the time of a
     * preview at a million people). Ages are whole years, so a fraction rounds to the nearest whole
     * bound; the property test holds this to the evaluator's {@code Period.between}.
     */
    private String age(Expr.Compare c, List<Object> params) {
        List<Expr.Literal> v = c.values();
        return switch (c.op()) {
            case GE -> atLeast(ceil(v.get(0)), params);
            case GT -> atLeast(floor(v.get(0)) + 1, params);
            case LE -> atMost(floor(v.get(0)), params);
            case LT -> atMost(ceil(v.get(0)) - 1, params);
            case EQ -> exactly(v.get(0), params);
            case NE -> "(m.birth_date is not null and not " + exactly(v.get(0), params) + ")";
            case BETWEEN -> "(" + atLeast(ceil(v.get(0)), params) + " and " + atMost(floor(v.get(1)), params) + ")";
            case IN, NOT_IN -> {
                List<String> any = new ArrayList<>();
                for (Expr.Literal l : v) {
                    any.add(exactly(l, params));
                }
                String in = "(" + String.join(" or ", any) + ")";
                yield c.op() == Op.IN ? in : "(m.birth_date is not null and not " + in + ")";
            }
        };
    }

    private String atLeast(long years, List<Object> params) {
        params.add(asOf.minusYears(clamp(years)));
        return "(m.birth_date <= ?::date)";
    }

    private String atMost(long years, List<Object> params) {
        params.add(asOf.minusYears(clamp(years + 1)));
        return "(m.birth_date > ?::date)";
    }

    private String exactly(Expr.Literal n, List<Object> params) {
        if (n.number().stripTrailingZeros().scale() > 0) {
            return "(m.birth_date is null and m.birth_date is not null)";
        }
        long years = n.number().longValueExact();
        return "(" + atLeast(years, params) + " and " + atMost(years, params) + ")";
    }

    /** Far beyond any age, so the date stays representable: nobody is 2000 years old, or -2000. */
    private static long clamp(long years) {
        return Math.max(-2000, Math.min(2000, years));
    }

    private static long ceil(Expr.Literal l) {
        return l.number().setScale(0, java.math.RoundingMode.CEILING).longValueExact();
    }

    private static long floor(Expr.Literal l) {
        return l.number().setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
    }

    private static String setComparison(String set, Expr.Compare c, List<Object> params) {
        String array = "?::text[]";
        List<String> codes = c.values().stream().map(Expr.Literal::text).toList();
        params.add(codes.toArray(String[]::new));
        return switch (c.op()) {
            case EQ -> "(" + set + " @> " + array + ")";
            case NE -> "(not " + set + " @> " + array + ")";
            case IN -> "(" + set + " && " + array + ")";
            case NOT_IN -> "(not " + set + " && " + array + ")";
            default -> throw new IllegalStateException("checked rules never order sets");
        };
    }

    private static Object value(Expr.Literal l) {
        return l.isNumber() ? (BigDecimal) l.number() : l.text();
    }
}
