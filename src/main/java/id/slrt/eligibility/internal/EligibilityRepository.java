package id.slrt.eligibility.internal;

import id.slrt.eligibility.CaseFilter;
import id.slrt.eligibility.CaseKind;
import id.slrt.eligibility.EligibilityCase;
import id.slrt.eligibility.EligibilityRule;
import id.slrt.eligibility.EligibilityRun;
import id.slrt.eligibility.RunStatus;
import id.slrt.platform.Paged;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Plain SQL over eligibility_rule, eligibility_run and eligibility_case. Cases are personal data and
 * scoped by row-level security; rules and runs (counts only) are not.
 */
@Repository
public class EligibilityRepository {
    private static final String RULE_COLUMNS = "id, program_code, name, version, text, note, active, author, created_at";
    private static final String RUN_COLUMNS = """
            id, region_code, programs, rules::text as rules, as_of, status, steps_total, steps_done, counts::text as counts,
            failure, started_at, started_by, finished_at""";
    private static final TypeReference<List<EligibilityRun.UsedRule>> USED = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, EligibilityRun.Counts>> COUNTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    EligibilityRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    // --- rules -----------------------------------------------------------------------------------

    public void insertRule(EligibilityRule r) {
        jdbc.sql("insert into eligibility_rule (" + RULE_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.programCode(), r.name(), r.version(), r.text(), r.note(), r.active(), r.author(),
                        Timestamp.from(r.createdAt()))
                .update();
    }

    /** The latest version of each rule of a program, by name. */
    public List<EligibilityRule> latest(String program) {
        return jdbc.sql("select distinct on (name) " + RULE_COLUMNS + " from eligibility_rule where program_code = ?"
                        + " order by name, version desc")
                .param(program).query(this::ruleRow).list();
    }

    public List<EligibilityRule> versions(String program, String name) {
        return jdbc.sql("select " + RULE_COLUMNS + " from eligibility_rule where program_code = ? and name = ?"
                        + " order by version desc")
                .params(program, name).query(this::ruleRow).list();
    }

    public Optional<EligibilityRule> rule(UUID id) {
        return jdbc.sql("select " + RULE_COLUMNS + " from eligibility_rule where id = ?").param(id)
                .query(this::ruleRow).optional();
    }

    public Optional<Integer> latestVersion(String program, String name) {
        return jdbc.sql("select max(version) from eligibility_rule where program_code = ? and name = ?")
                .params(program, name).query(Integer.class).optional();
    }

    /** Programs of the registry's code list with their names, in code order. */
    public List<String[]> programs() {
        return jdbc.sql("select p.code, coalesce(i.name, p.name) from program p left join program_info i on i.code = p.code"
                        + " where p.active order by p.code")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    private EligibilityRule ruleRow(ResultSet rs, int n) throws SQLException {
        return new EligibilityRule(rs.getObject("id", UUID.class), rs.getString("program_code"), rs.getString("name"),
                rs.getInt("version"), rs.getString("text"), rs.getString("note"), rs.getBoolean("active"),
                rs.getString("author"), rs.getTimestamp("created_at").toInstant());
    }

    // --- runs ------------------------------------------------------------------------------------

    public void insertRun(EligibilityRun r) {
        jdbc.sql("insert into eligibility_run (id, region_code, programs, rules, as_of, status, steps_total, steps_done,"
                        + " counts, started_at, started_by) values (?, ?, ?, ?::jsonb, ?, ?, ?, 0, '{}'::jsonb, ?, ?)")
                .params(r.id(), r.regionCode(), r.programs().toArray(String[]::new), json.writeValueAsString(r.rules()),
                        r.asOf(), r.status().name(), r.stepsTotal(), Timestamp.from(r.startedAt()), r.startedBy())
                .update();
    }

    public void progress(UUID id, int stepsDone, Map<String, EligibilityRun.Counts> counts) {
        jdbc.sql("update eligibility_run set steps_done = ?, counts = ?::jsonb where id = ?")
                .params(stepsDone, json.writeValueAsString(counts), id).update();
    }

    public void finish(UUID id, RunStatus status, String failure, Instant at) {
        jdbc.sql("update eligibility_run set status = ?, failure = ?, finished_at = ? where id = ?")
                .params(status.name(), failure, Timestamp.from(at), id).update();
    }

    /** Runs cut short by a restart: nothing is working on them any more. */
    public int failRunning(String failure, Instant at) {
        return jdbc.sql("update eligibility_run set status = 'FAILED', failure = ?, finished_at = ? where status = 'RUNNING'")
                .params(failure, Timestamp.from(at)).update();
    }

    public Optional<EligibilityRun> run(UUID id) {
        return jdbc.sql("select " + RUN_COLUMNS + " from eligibility_run where id = ?").param(id).query(this::runRow).optional();
    }

    public Paged<EligibilityRun> runs(int page, int size) {
        long total = jdbc.sql("select count(*) from eligibility_run").query(Long.class).single();
        List<EligibilityRun> items = jdbc.sql("select " + RUN_COLUMNS + " from eligibility_run"
                        + " order by started_at desc, id limit ? offset ?")
                .params(size, (long) page * size).query(this::runRow).list();
        return new Paged<>(items, page, size, total);
    }

    private EligibilityRun runRow(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new EligibilityRun(rs.getObject("id", UUID.class), rs.getString("region_code"),
                strings(rs.getArray("programs")), json.readValue(rs.getString("rules"), USED),
                rs.getDate("as_of").toLocalDate(), RunStatus.valueOf(rs.getString("status")), rs.getInt("steps_total"),
                rs.getInt("steps_done"), json.readValue(rs.getString("counts"), COUNTS), rs.getString("failure"),
                rs.getTimestamp("started_at").toInstant(), rs.getString("started_by"),
                finished == null ? null : finished.toInstant());
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    // --- cases -----------------------------------------------------------------------------------

    private static final String CASE_SELECT = """
            select c.run_id, c.program_code, c.household_id, c.region_code, c.kind, c.reason, c.request_id,
                   c.request_number, c.acted_by, c.acted_at, h.no_kk,
                   (select m.full_name from member m where m.household_id = c.household_id and m.status = 'ACTIVE'
                    order by (m.relationship = 'KEPALA') desc, m.birth_date nulls last limit 1) as head_name
              from eligibility_case c join household h on h.id = c.household_id""";

    private record Where(String text, List<Object> params) {
    }

    private static Where where(UUID runId, CaseFilter f) {
        StringBuilder sb = new StringBuilder(" where c.run_id = ?");
        List<Object> params = new ArrayList<>(List.of(runId));
        if (f.region() != null) {
            sb.append(" and c.region_code >= ? and c.region_code < ?");
            params.add(f.region());
            params.add(f.region() + ":");
        }
        if (f.program() != null) {
            sb.append(" and c.program_code = ?");
            params.add(f.program());
        }
        if (f.kind() != null) {
            sb.append(" and c.kind = ?");
            params.add(f.kind().name());
        }
        if (f.open() != null) {
            sb.append(f.open() ? " and c.request_id is null" : " and c.request_id is not null");
        }
        return new Where(sb.toString(), params);
    }

    public Paged<EligibilityCase> cases(UUID runId, CaseFilter f, int page, int size) {
        Where w = where(runId, f);
        long total = jdbc.sql("select count(*) from eligibility_case c" + w.text()).params(w.params())
                .query(Long.class).single();
        List<Object> params = new ArrayList<>(w.params());
        params.add(size);
        params.add((long) page * size);
        List<EligibilityCase> items = jdbc.sql(CASE_SELECT + w.text()
                        + " order by c.region_code, c.program_code, c.kind, c.household_id limit ? offset ?")
                .params(params).query(this::caseRow).list();
        return new Paged<>(items, page, size, total);
    }

    /** Every case of the filter, in list order, from a cursor (an export of any size keeps memory flat). */
    public long streamCases(UUID runId, CaseFilter f, Consumer<EligibilityCase> sink) {
        Where w = where(runId, f);
        long[] n = {0};
        jdbc.sql(CASE_SELECT + w.text() + " order by c.region_code, c.program_code, c.kind, c.household_id")
                .params(w.params()).withFetchSize(1000)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    sink.accept(caseRow(rs, 0));
                    n[0]++;
                });
        return n[0];
    }

    /** Per desa and kind, for the run page's summary (within the reader's scope). */
    public List<Object[]> caseCounts(UUID runId, String program) {
        return jdbc.sql("select region_code, kind, count(*) from eligibility_case where run_id = ?"
                        + (program == null ? "" : " and program_code = ?") + " group by region_code, kind order by region_code")
                .params(program == null ? List.of(runId) : List.of(runId, program))
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)}).list();
    }

    public Optional<EligibilityCase> findCase(UUID runId, String program, UUID householdId) {
        return jdbc.sql(CASE_SELECT + " where c.run_id = ? and c.program_code = ? and c.household_id = ?")
                .params(runId, program, householdId).query(this::caseRow).optional();
    }

    public boolean markActed(UUID runId, String program, UUID householdId, UUID requestId, String number, String by,
                             Instant at) {
        return jdbc.sql("update eligibility_case set request_id = ?, request_number = ?, acted_by = ?, acted_at = ?"
                        + " where run_id = ? and program_code = ? and household_id = ? and request_id is null")
                .params(requestId, number, by, Timestamp.from(at), runId, program, householdId).update() == 1;
    }

    private EligibilityCase caseRow(ResultSet rs, int n) throws SQLException {
        Timestamp acted = rs.getTimestamp("acted_at");
        return new EligibilityCase(rs.getObject("run_id", UUID.class), rs.getString("program_code"),
                rs.getObject("household_id", UUID.class), rs.getString("region_code"),
                CaseKind.valueOf(rs.getString("kind")), rs.getString("reason"), rs.getString("head_name"),
                rs.getString("no_kk"), rs.getObject("request_id", UUID.class), rs.getString("request_number"),
                rs.getString("acted_by"), acted == null ? null : acted.toInstant());
    }
}
