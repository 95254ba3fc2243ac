package id.slrt.eligibility.lang;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.platform.DbScope;
import id.slrt.shared.Ids;
import id.slrt.support.IntegrationTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The in-memory evaluator and the SQL the compiler writes must select the same households: generated
 * households (unknown values, leap-day birthdays, members who died, PPKS on household and members)
 * are inserted in a transaction that is rolled back, and generated rules over every field and operator
 * are evaluated both ways on a leap day and on an ordinary one.
 */
@IntegrationTest
class SqlEvaluatorAgreementTest {
    static final String DESA = "1409012021";
    static final List<String> PPKS = List.of("FM", "LUT", "PD", "RTLH", "KR");
    static final Vocabulary VOCABULARY = Fields.vocabulary(PPKS);
    static final int HOUSEHOLDS = 300;
    static final int RULES = 400;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    record Generated(UUID id, HouseholdFacts facts) {
    }

    @Test
    void sqlAndInMemoryEvaluationAgreeOnGeneratedHouseholdsAndRules() {
        List<String> rules = Arbitraries.randomValue(r -> new RuleGen(r).rule(0)).sampleStream().limit(RULES).toList();
        List<String> mismatches = new ArrayList<>();
        long[] selected = {0, 0};
        DbScope.runAs("1409", () -> tx.executeWithoutResult(status -> {
            List<Generated> households = Arbitraries.randomValue(r -> r).sampleStream().limit(1)
                    .map(r -> insert(new Random(r.nextLong()))).findFirst().orElseThrow();
            for (LocalDate asOf : List.of(LocalDate.of(2028, 2, 29), LocalDate.of(2027, 3, 1))) {
                Evaluator evaluator = new Evaluator(VOCABULARY, asOf);
                for (int from = 0; from < rules.size(); from += 25) {
                    List<String> batch = rules.subList(from, Math.min(rules.size(), from + 25));
                    List<Expr> exprs = batch.stream().map(t -> TypeChecker.compile(t, VOCABULARY)).toList();
                    Map<UUID, boolean[]> sql = sql(exprs, asOf, households);
                    for (Generated g : households) {
                        boolean[] bySql = sql.get(g.id());
                        for (int i = 0; i < exprs.size(); i++) {
                            boolean inMemory = evaluator.test(exprs.get(i), g.facts());
                            selected[inMemory ? 0 : 1]++;
                            if (inMemory != bySql[i]) {
                                mismatches.add(asOf + " " + batch.get(i) + " on " + g.facts() + ": memory=" + inMemory
                                        + " sql=" + bySql[i]);
                            }
                        }
                    }
                }
            }
            status.setRollbackOnly();
        }));
        assertThat(mismatches).as("first of %d mismatches", mismatches.size()).isEmpty();
        assertThat(selected[0]).as("rules that select households").isGreaterThan(RULES * HOUSEHOLDS / 10);
        assertThat(selected[1]).as("rules that leave households out").isGreaterThan(RULES * HOUSEHOLDS / 10);
    }

    private Map<UUID, boolean[]> sql(List<Expr> exprs, LocalDate asOf, List<Generated> households) {
        SqlCompiler compiler = new SqlCompiler(asOf);
        StringBuilder select = new StringBuilder("h.id");
        List<Object> params = new ArrayList<>();
        for (Expr e : exprs) {
            SqlCompiler.Sql p = compiler.predicate(e);
            select.append(", ").append(p.text());
            params.addAll(p.params());
        }
        SqlCompiler.Sql q = compiler.from(DESA, select.toString(), params);
        List<Object> all = new ArrayList<>(q.params());
        all.add(households.stream().map(Generated::id).toArray(UUID[]::new));
        Map<UUID, boolean[]> out = new HashMap<>();
        jdbc.sql(q.text() + " and h.id = any(?)").params(all).query(rs -> {
            boolean[] values = new boolean[exprs.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rs.getBoolean(i + 2);
                assertThat(rs.wasNull()).as("a predicate is never null").isFalse();
            }
            out.put(rs.getObject(1, UUID.class), values);
        });
        assertThat(out).hasSize(households.size());
        return out;
    }

    // --- households --------------------------------------------------------------------------------

    private List<Generated> insert(Random r) {
        Timestamp now = Timestamp.from(Instant.parse("2026-06-30T00:00:00Z"));
        List<Generated> out = new ArrayList<>();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            UUID id = Ids.newId();
            Integer desil = r.nextInt(8) == 0 ? null : 1 + r.nextInt(10);
            BigDecimal area = r.nextInt(6) == 0 ? null : BigDecimal.valueOf(r.nextInt(1200), 1);
            Map<String, String> codes = new HashMap<>();
            Map<String, String> columns = new LinkedHashMap<>();
            Fields.HOUSEHOLD_CODES.forEach((name, dtks) -> {
                List<String> list = VOCABULARY.household(name).codes();
                String v = r.nextInt(5) == 0 ? null : list.get(r.nextInt(list.size()));
                if (v != null) {
                    codes.put(name, v);
                }
                columns.put(Fields.HOUSEHOLD_COLUMNS.get(name).substring(2), v);
            });
            jdbc.sql("insert into household (id, region_code, desil, floor_area_m2, " + String.join(", ", columns.keySet())
                            + ", status, created_at, created_by, updated_at, updated_by) values (?, ?, ?, ?, "
                            + "?, ".repeat(columns.size()) + "'ACTIVE', ?, 'test', ?, 'test')")
                    .params(concat(List.of(id, DESA), desil, area, columns.values(), now, now)).update();
            Set<String> householdPpks = ppks(r, id, null, now);
            List<HouseholdFacts.MemberFacts> members = new ArrayList<>();
            int n = r.nextInt(7);
            for (int k = 0; k < n; k++) {
                UUID mid = Ids.newId();
                LocalDate birth = birth(r);
                String sex = pick(r, List.of("L", "P"));
                String relationship = k == 0 ? "KEPALA" : pick(r, VOCABULARY.member("relationship").codes());
                String disability = r.nextInt(3) == 0 ? pick(r, Fields.DISABILITY) : "NONE";
                String marital = r.nextInt(4) == 0 ? null : pick(r, Fields.MARITAL);
                boolean alive = r.nextInt(8) != 0;
                jdbc.sql("insert into member (id, household_id, region_code, no_nik_reason, full_name, birth_date, sex,"
                                + " relationship, marital_status, disability, status, created_at, created_by, updated_at,"
                                + " updated_by) values (?, ?, ?, 'BELUM_MEMILIKI_NIK', 'Uji', ?, ?, ?, ?, ?, ?, ?, 'test', ?, 'test')")
                        .params(mid, id, DESA, birth, sex, relationship, marital, disability, alive ? "ACTIVE" : "DIED",
                                now, now).update();
                Set<String> memberPpks = ppks(r, id, mid, now);
                if (alive) {
                    Map<String, String> mc = new HashMap<>();
                    mc.put("sex", sex);
                    mc.put("relationship", relationship);
                    mc.put("disability", disability);
                    if (marital != null) {
                        mc.put("marital", marital);
                    }
                    members.add(new HouseholdFacts.MemberFacts(birth, mc, memberPpks));
                }
            }
            Map<String, BigDecimal> numbers = new HashMap<>();
            if (desil != null) {
                numbers.put("desil", BigDecimal.valueOf(desil));
            }
            if (area != null) {
                numbers.put("floor_area", area);
            }
            out.add(new Generated(id, new HouseholdFacts(numbers, codes, householdPpks, members)));
        }
        return out;
    }

    /** Active conditions (an ended one is written too, and must not count). */
    private Set<String> ppks(Random r, UUID household, UUID member, Timestamp now) {
        Set<String> active = new HashSet<>();
        int n = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 0;
        for (int i = 0; i < n; i++) {
            String code = pick(r, PPKS);
            boolean on = r.nextInt(5) != 0;
            jdbc.sql("insert into ppks_condition (id, household_id, member_id, region_code, category_code, active,"
                    + " created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, 'test')")
                    .params(Ids.newId(), household, member, DESA, code, on, now).update();
            if (on) {
                active.add(code);
            }
        }
        return active;
    }

    private static LocalDate birth(Random r) {
        return switch (r.nextInt(7)) {
            case 0 -> null;
            case 6 -> LocalDate.of(2027, 2, 28).plusDays(r.nextInt(800)); // after an as-of date: a data mistake
            case 1 -> LocalDate.of(1948 + 4 * r.nextInt(20), 2, 29);
            case 2 -> LocalDate.of(1930 + r.nextInt(97), r.nextBoolean() ? 2 : 3, r.nextBoolean() ? 28 : 1);
            default -> LocalDate.of(1925, 1, 1).plusDays(r.nextInt(37_000));
        };
    }

    private static String pick(Random r, List<String> list) {
        return list.get(r.nextInt(list.size()));
    }

    private static List<Object> concat(List<Object> first, Object desil, Object area, java.util.Collection<String> codes,
                                       Object created, Object updated) {
        List<Object> all = new ArrayList<>(first);
        all.add(desil);
        all.add(area);
        all.addAll(codes);
        all.add(created);
        all.add(updated);
        return all;
    }

    // --- rules -------------------------------------------------------------------------------------

    /** Random rule texts over every field and operator, nested up to three levels. */
    static final class RuleGen {
        private final Random r;

        RuleGen(Random r) {
            this.r = r;
        }

        String rule(int depth) {
            int choice = r.nextInt(depth >= 3 ? 3 : 7);
            return switch (choice) {
                case 0, 1 -> householdAtom();
                case 2 -> r.nextBoolean() ? "any member (" + member(depth + 1) + ")"
                        : "count members (" + member(depth + 1) + ") " + op() + " " + r.nextInt(4);
                case 3 -> rule(depth + 1) + " and " + rule(depth + 1);
                case 4 -> rule(depth + 1) + " or " + rule(depth + 1);
                case 5 -> "not " + rule(depth + 1);
                default -> "(" + rule(depth + 1) + ")";
            };
        }

        private String member(int depth) {
            int choice = r.nextInt(depth >= 3 ? 2 : 5);
            return switch (choice) {
                case 0, 1 -> memberAtom();
                case 2 -> member(depth + 1) + " and " + member(depth + 1);
                case 3 -> member(depth + 1) + " or " + member(depth + 1);
                default -> "not (" + member(depth + 1) + ")";
            };
        }

        private String householdAtom() {
            List<Field> fields = VOCABULARY.householdFields();
            return atom(fields.get(r.nextInt(fields.size())));
        }

        private String memberAtom() {
            List<Field> fields = VOCABULARY.memberFields();
            return atom(fields.get(r.nextInt(fields.size())));
        }

        private String atom(Field f) {
            String name = f.written();
            if (f.type() == Field.Type.NUMBER) {
                int max = name.equals("age") ? 100 : name.equals("household.floor_area") ? 120 : 11;
                if (name.equals("age") && r.nextInt(8) == 0) {
                    // fractions: ages are whole years, the SQL rounds the bounds
                    return name + " " + op() + " " + r.nextInt(90) + "." + r.nextInt(10);
                }
                return switch (r.nextInt(4)) {
                    case 0 -> {
                        int a = r.nextInt(max);
                        yield name + " between " + a + " and " + (a + r.nextInt(max / 2 + 1));
                    }
                    case 1 -> name + (r.nextBoolean() ? " in (" : " not in (") + r.nextInt(max) + ", " + r.nextInt(max) + ")";
                    default -> name + " " + op() + " " + (name.equals("household.floor_area") && r.nextBoolean()
                            ? r.nextInt(max) + "." + r.nextInt(10) : String.valueOf(r.nextInt(max)));
                };
            }
            String code = "'" + f.codes().get(r.nextInt(f.codes().size())) + "'";
            return switch (r.nextInt(4)) {
                case 0 -> name + " = " + code;
                case 1 -> name + " != " + code;
                case 2 -> name + " in (" + code + ", '" + f.codes().get(r.nextInt(f.codes().size())) + "')";
                default -> name + " not in (" + code + ")";
            };
        }

        private String op() {
            return List.of("=", "!=", "<", "<=", ">", ">=").get(r.nextInt(6));
        }
    }
}
