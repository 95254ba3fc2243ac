package id.slrt.eligibility.internal;

import id.slrt.eligibility.EligibilityRun;
import id.slrt.eligibility.lang.Expr;
import id.slrt.eligibility.lang.SqlCompiler;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One step of a run: one program over one region, as a single statement. The program's rules and,
 * for a rule that is an "or" of alternatives, each alternative are compiled to boolean columns of the
 * region's active households; the program's active and proposed participations are grouped beside
 * them; the cases are inserted with their reason and the counts come back from the same statement.
 *
 * <p>Reason of an exclusion (eligible): every rule, and of an "or" rule the alternatives that hold,
 * each as "✓ name: clause". Of an inclusion (not eligible): the rules that fail, "✗ name: rule". The
 * texts go in as parameters.
 */
public final class RunStep {

    /** A rule of the run, parsed, with its name and text (the text its spans point into). */
    public record CompiledRule(String name, String text, Expr expr) {
    }

    private RunStep() {
    }

    public static EligibilityRun.Counts execute(JdbcClient jdbc, UUID runId, String program, List<CompiledRule> rules,
                                                String region, LocalDate asOf) {
        SqlCompiler compiler = new SqlCompiler(asOf);
        StringBuilder select = new StringBuilder("h.id, h.region_code");
        List<Object> selectParams = new ArrayList<>();
        List<String> eligibleReason = new ArrayList<>();
        List<Object> eligibleParams = new ArrayList<>();
        List<String> failedReason = new ArrayList<>();
        List<Object> failedParams = new ArrayList<>();
        List<String> ruleColumns = new ArrayList<>();
        int column = 0;
        for (int i = 0; i < rules.size(); i++) {
            CompiledRule rule = rules.get(i);
            SqlCompiler.Sql whole = compiler.predicate(rule.expr());
            String r = "r" + i;
            select.append(", ").append(whole.text()).append(" as ").append(r);
            selectParams.addAll(whole.params());
            ruleColumns.add("e." + r);
            failedReason.add("case when not e." + r + " then ? end");
            failedParams.add("✗ " + rule.name() + ": " + clause(rule.text(), rule.expr()));
            List<Expr> alternatives = alternatives(rule.expr());
            if (alternatives.size() == 1) {
                eligibleReason.add("?");
                eligibleParams.add("✓ " + rule.name() + ": " + clause(rule.text(), rule.expr()));
                continue;
            }
            for (Expr alternative : alternatives) {
                SqlCompiler.Sql part = compiler.predicate(alternative);
                String d = "d" + column++;
                select.append(", ").append(part.text()).append(" as ").append(d);
                selectParams.addAll(part.params());
                eligibleReason.add("case when e." + d + " then ? end");
                eligibleParams.add("✓ " + rule.name() + ": " + clause(rule.text(), alternative));
            }
        }
        SqlCompiler.Sql households = compiler.from(region, select.toString(), selectParams);
        String sql = "with e as (" + households.text() + "),"
                + " pp as (select household_id, bool_or(status = 'ACTIVE') as active, bool_or(status = 'PROPOSED') as proposed"
                + "   from program_participation where program_code = ? and status in ('ACTIVE', 'PROPOSED')"
                + "   and " + SqlCompiler.IN_REGION + " group by household_id),"
                + " j as (select e.*, (" + String.join(" and ", ruleColumns) + ") as ok,"
                + "   coalesce(pp.active, false) as receiving, coalesce(pp.proposed, false) as proposed"
                + "   from e left join pp on pp.household_id = e.id),"
                + " ins as (insert into eligibility_case (run_id, program_code, household_id, region_code, kind, reason)"
                + "   select ?, ?, e.id, e.region_code, case when e.ok then 'EXCLUSION' else 'INCLUSION' end,"
                + "   case when e.ok then concat_ws(' · ', " + String.join(", ", eligibleReason) + ")"
                + "   else concat_ws(' · ', " + String.join(", ", failedReason) + ") end"
                + "   from j e where (e.ok and not e.receiving and not e.proposed) or (not e.ok and e.receiving)"
                + "   returning kind)"
                + " select (select count(*) from j), (select count(*) from j where ok), (select count(*) from j where receiving),"
                + " (select count(*) from ins where kind = 'EXCLUSION'), (select count(*) from ins where kind = 'INCLUSION')";
        List<Object> params = new ArrayList<>(households.params());
        params.add(program);
        params.addAll(SqlCompiler.regionRange(region));
        params.add(runId);
        params.add(program);
        params.addAll(eligibleParams);
        params.addAll(failedParams);
        return jdbc.sql(sql).params(params).query((rs, n) -> new EligibilityRun.Counts(rs.getLong(1), rs.getLong(2),
                rs.getLong(3), rs.getLong(4), rs.getLong(5))).single();
    }

    /** The alternatives of a rule that is an "or" at its top (one alternative otherwise). */
    static List<Expr> alternatives(Expr e) {
        List<Expr> out = new ArrayList<>();
        if (e instanceof Expr.Or o) {
            out.addAll(alternatives(o.left()));
            out.addAll(alternatives(o.right()));
        } else {
            out.add(e);
        }
        return out;
    }

    /** A clause as written, without comments, on one line. */
    public static String clause(String text, Expr e) {
        String part = text.substring(Math.min(e.span().start(), text.length()), Math.min(e.span().end(), text.length()));
        return part.lines().map(l -> l.replaceAll("#.*$", "")).reduce("", (a, b) -> a + " " + b)
                .replaceAll("\\s+", " ").strip();
    }
}
