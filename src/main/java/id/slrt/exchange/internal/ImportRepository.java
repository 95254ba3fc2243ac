package id.slrt.exchange.internal;

import id.slrt.exchange.ExistingPeople;
import id.slrt.exchange.ImportJob;
import id.slrt.exchange.ImportPhase;
import id.slrt.exchange.ImportRow;
import id.slrt.exchange.ImportStatus;
import id.slrt.exchange.RowAction;
import id.slrt.exchange.RowOutcome;
import id.slrt.exchange.RowProblem;
import id.slrt.platform.Paged;
import id.slrt.registry.Issue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Import jobs and their staged rows, in plain SQL; rows are staged with COPY. */
@Repository
public class ImportRepository {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final String JOB_COLUMNS = "id, region_code, sha256, file_name, file_size, format, status, phase, "
            + "total_rows, rows_done, accepted, warnings, errors, households, columns::text, encoding, failure, "
            + "created_at, created_by, finished_at, cancelled_by, existing, updated, requested, unchanged";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ObjectMapper json;

    ImportRepository(JdbcClient jdbc, DataSource dataSource, ObjectMapper json) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.json = json;
    }

    // --- jobs ------------------------------------------------------------------------------------

    public void insertJob(UUID id, String regionCode, String sha256, String fileName, long size, String format,
                          String encoding, ImportStatus status, ExistingPeople existing, Instant now, String by) {
        jdbc.sql("""
                insert into import_job (id, region_code, sha256, file_name, file_size, format, encoding, status,
                                        existing, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, regionCode, sha256, fileName, size, format, encoding, status.name(), existing.name(),
                        Timestamp.from(now), by).update();
    }

    /**
     * A previewed job is confirmed: it runs with these columns and this choice for registered people.
     * False when it is no longer waiting in PREVIEW. A DuplicateKeyException means the same file was
     * imported meanwhile in the same scope.
     */
    public boolean confirm(UUID id, List<ImportJob.Column> columns, ExistingPeople existing) {
        return jdbc.sql("update import_job set status = 'RUNNING', columns = ?::jsonb, existing = ?, version = version + 1 "
                        + "where id = ? and status = 'PREVIEW'")
                .params(json.writeValueAsString(columns), existing.name(), id).update() == 1;
    }

    /** The preview's columns as corrected by the importer, while it still waits. */
    public boolean saveMapping(UUID id, List<ImportJob.Column> columns, ExistingPeople existing) {
        return jdbc.sql("update import_job set columns = ?::jsonb, existing = ?, version = version + 1 "
                        + "where id = ? and status = 'PREVIEW'")
                .params(json.writeValueAsString(columns), existing.name(), id).update() == 1;
    }

    public void counts(UUID id, int updated, int requested, int unchanged) {
        jdbc.sql("update import_job set updated = ?, requested = ?, unchanged = ? where id = ?")
                .params(updated, requested, unchanged, id).update();
    }

    /** The running or finished import of this file in this scope, if any. */
    public Optional<UUID> activeJobOfFile(String regionCode, String sha256) {
        return jdbc.sql("select id from import_job where region_code = ? and sha256 = ? and status in ('RUNNING', 'DONE')")
                .params(regionCode, sha256).query(UUID.class).optional();
    }

    public Optional<ImportJob> job(UUID id) {
        return jdbc.sql("select " + JOB_COLUMNS + " from import_job where id = ?").param(id).query(this::mapJob).optional();
    }

    public Paged<ImportJob> jobsOf(String createdBy, int page, int size) {
        long total = jdbc.sql("select count(*) from import_job where created_by = ?").param(createdBy)
                .query(Long.class).single();
        List<ImportJob> items = jdbc.sql("select " + JOB_COLUMNS + " from import_job where created_by = ? "
                        + "order by created_at desc, id desc limit ? offset ?")
                .params(createdBy, size, (long) page * size).query(this::mapJob).list();
        return new Paged<>(items, page, size, total);
    }

    public void saveColumns(UUID id, List<ImportJob.Column> columns) {
        jdbc.sql("update import_job set columns = ?::jsonb where id = ?").params(json.writeValueAsString(columns), id)
                .update();
    }

    public void progress(UUID id, ImportPhase phase, int totalRows, int rowsDone) {
        jdbc.sql("update import_job set phase = ?, total_rows = ?, rows_done = ? where id = ? and status = 'RUNNING'")
                .params(phase.name(), totalRows, rowsDone, id).update();
    }

    public void finish(UUID id, ImportStatus status, int totalRows, int rowsDone, int accepted, int warnings,
                       int errors, int households, String failure, String cancelledBy, Instant at) {
        jdbc.sql("""
                update import_job set status = ?, phase = 'FINISHED', total_rows = ?, rows_done = ?, accepted = ?,
                       warnings = ?, errors = ?, households = ?, failure = ?, cancelled_by = ?, finished_at = ?,
                       version = version + 1
                 where id = ? and status in ('RUNNING', 'PREVIEW')""")
                .params(status.name(), totalRows, rowsDone, accepted, warnings, errors, households, failure, cancelledBy,
                        Timestamp.from(at), id).update();
    }

    /** Jobs left RUNNING by a stopped server: their transaction is gone, so they changed nothing. */
    public int failAbandoned(String failure, Instant at) {
        return jdbc.sql("update import_job set status = 'FAILED', phase = 'FINISHED', failure = ?, finished_at = ? "
                + "where status = 'RUNNING'").params(failure, Timestamp.from(at)).update();
    }

    private ImportJob mapJob(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportJob(rs.getObject("id", UUID.class), rs.getString("region_code"), rs.getString("sha256"),
                rs.getString("file_name"), rs.getLong("file_size"), rs.getString("format"),
                ImportStatus.valueOf(rs.getString("status")), ImportPhase.valueOf(rs.getString("phase")),
                rs.getInt("total_rows"), rs.getInt("rows_done"), rs.getInt("accepted"), rs.getInt("warnings"),
                rs.getInt("errors"), rs.getInt("households"),
                json.readValue(rs.getString("columns"), new TypeReference<List<ImportJob.Column>>() { }),
                rs.getString("encoding"), rs.getString("failure"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"), finished == null ? null : finished.toInstant(), rs.getString("cancelled_by"), 0,
                ExistingPeople.valueOf(rs.getString("existing")), rs.getInt("updated"), rs.getInt("requested"),
                rs.getInt("unchanged"));
    }

    // --- rows ------------------------------------------------------------------------------------

    /**
     * Stages rows with COPY on the current transaction's connection. PostgreSQL refuses COPY FROM into a
     * table with row-level security, so the rows go to a temporary table first and move with one
     * INSERT … SELECT, which the policy checks like any insert.
     */
    public void stage(UUID jobId, List<StagedRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder csv = new StringBuilder(rows.size() * 256);
        for (StagedRow r : rows) {
            csv.append(jobId).append(',').append(r.rowNo()).append(',');
            field(csv, r.regionCode()).append(',');
            field(csv, r.householdKey()).append(',');
            if (r.nik() != null) {
                field(csv, r.nik());
            }
            csv.append(',');
            field(csv, json.writeValueAsString(r.raw())).append(',');
            field(csv, json.writeValueAsString(r.data())).append(',');
            field(csv, problemsJson(r.problems())).append('\n');
        }
        if (csv.isEmpty()) {
            return;
        }
        copyThroughTemp("create temp table if not exists import_row_copy (like import_row) on commit drop",
                "copy import_row_copy (job_id, row_no, region_code, household_key, nik, raw, data, errors) "
                        + "from stdin (format csv)", csv, connection -> {
                    try (Statement st = connection.createStatement()) {
                        st.execute("insert into import_row (job_id, row_no, region_code, household_key, nik, raw, data, "
                                + "errors) select job_id, row_no, region_code, household_key, nik, raw, data, errors "
                                + "from import_row_copy");
                        st.execute("truncate import_row_copy");
                    }
                }, "Staging import rows failed");
    }

    /** Work done with the connection after the COPY. */
    private interface AfterCopy {
        void run(Connection connection) throws SQLException;
    }

    /**
     * COPY into a temporary table, then {@code after} moves the rows on: PostgreSQL refuses COPY into a
     * table with row-level security, an INSERT/UPDATE from the temporary table passes its policy.
     */
    private void copyThroughTemp(String createTemp, String copy, CharSequence csv, AfterCopy after, String failure) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            try (Statement st = connection.createStatement()) {
                st.execute(createTemp);
            }
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, new StringReader(csv.toString()));
            after.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(failure, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static StringBuilder field(StringBuilder csv, String value) {
        return csv.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    /**
     * Set-based: a NIK that occurs on an earlier row of the same file is an error on every later row,
     * naming the first row. Returns how many rows were marked.
     */
    public int markDuplicateNiksInFile(UUID jobId, String column) {
        return jdbc.sql("""
                update import_row r
                   set errors = r.errors || jsonb_build_array(jsonb_build_object('code', 'import.nik-duplicate-in-file',
                                'severity', 'ERROR', 'column', ?::text, 'args', jsonb_build_array(d.first_row)))
                  from (select row_no, min(row_no) over (partition by nik) as first_row
                          from import_row where job_id = ? and nik is not null) d
                 where r.job_id = ? and r.row_no = d.row_no and d.row_no <> d.first_row""")
                .params(column, jobId, jobId).update();
    }

    /** The next households after {@code afterKey} (keyset paging), with all their rows in row order. */
    public List<List<StagedRow>> households(UUID jobId, String afterKey, int limit) {
        List<StagedRow> rows = jdbc.sql("select row_no, region_code, household_key, nik, data::text, outcome, errors::text "
                        + "from import_row where job_id = ? and household_key in ("
                        + "select distinct household_key from import_row where job_id = ? and household_key > ? "
                        + "order by household_key limit ?) order by household_key, row_no")
                .params(jobId, jobId, afterKey, limit).query(this::rowWithoutRaw).list();
        List<List<StagedRow>> households = new ArrayList<>();
        String key = null;
        for (StagedRow r : rows) {
            if (!r.householdKey().equals(key)) {
                households.add(new ArrayList<>());
                key = r.householdKey();
            }
            households.get(households.size() - 1).add(r);
        }
        return households;
    }

    /**
     * Stores the outcomes of judged rows. An accepted row (no finding at all) is not written: in a DONE
     * job a row without outcome is accepted (see {@link #OUTCOME}); rewriting every accepted row of a
     * million-row file cost as much as staging it. Until the job is DONE such rows have no outcome, and a
     * cancelled or failed job keeps none, as before.
     */
    public void saveOutcomes(UUID jobId, List<StagedRow> rows) {
        StringBuilder csv = new StringBuilder(rows.size() * 64);
        for (StagedRow r : rows) {
            if (r.outcome() == RowOutcome.ACCEPTED && r.problems().isEmpty() && r.action() == null) {
                continue;
            }
            csv.append(r.rowNo()).append(',').append(r.outcome().name()).append(',');
            field(csv, problemsJson(r.problems())).append(',');
            if (r.action() != null) {
                csv.append(r.action().name());
            }
            csv.append('\n');
        }
        if (csv.isEmpty()) {
            return;
        }
        copyThroughTemp("create temp table if not exists import_outcome_copy (row_no integer, outcome text, "
                        + "errors jsonb, action text) on commit drop",
                "copy import_outcome_copy (row_no, outcome, errors, action) from stdin (format csv)", csv, connection -> {
                    try (var ps = connection.prepareStatement("update import_row r set outcome = o.outcome, "
                            + "errors = o.errors, action = o.action from import_outcome_copy o "
                            + "where r.job_id = ? and r.row_no = o.row_no")) {
                        ps.setObject(1, jobId);
                        ps.executeUpdate();
                    }
                    try (Statement st = connection.createStatement()) {
                        st.execute("truncate import_outcome_copy");
                    }
                }, "Saving import outcomes failed");
    }

    /** A row's outcome: stored, or accepted when the job is DONE and none was stored (see saveOutcomes). */
    private static final String OUTCOME = "coalesce(outcome, (select 'ACCEPTED' from import_job j "
            + "where j.id = import_row.job_id and j.status = 'DONE')) as outcome";
    private static final String READ_COLUMNS = "row_no, region_code, household_key, nik, raw::text, data::text, "
            + OUTCOME + ", errors::text, action";

    private static String outcomeIs(RowOutcome outcome) {
        return outcome == RowOutcome.ACCEPTED
                ? " and (outcome = ? or outcome is null and exists (select 1 from import_job j where j.id = import_row.job_id"
                        + " and j.status = 'DONE'))"
                : " and outcome = ?";
    }

    /** Rows of a job, optionally of one outcome, in row order (paged). */
    public Paged<ImportRow> rows(UUID jobId, RowOutcome outcome, int page, int size) {
        String where = " where job_id = ?" + (outcome == null ? "" : outcomeIs(outcome));
        Object[] params = outcome == null ? new Object[] {jobId} : new Object[] {jobId, outcome.name()};
        long total = jdbc.sql("select count(*) from import_row" + where).params(params).query(Long.class).single();
        List<Object> p = new ArrayList<>(List.of(params));
        p.add(size);
        p.add((long) page * size);
        List<ImportRow> items = jdbc.sql("select " + READ_COLUMNS + " from import_row" + where
                        + " order by row_no limit ? offset ?")
                .params(p.toArray()).query(this::row).list().stream()
                .map(r -> new ImportRow(r.rowNo(), r.raw(), r.outcome(), r.problems(), r.action())).toList();
        return new Paged<>(items, page, size, total);
    }

    /** Rows of one outcome after {@code afterRow}, for streaming a download without holding them all. */
    public List<ImportRow> rowsAfter(UUID jobId, RowOutcome outcome, int afterRow, int limit) {
        return jdbc.sql("select " + READ_COLUMNS + " from import_row where job_id = ?" + outcomeIs(outcome)
                        + " and row_no > ? order by row_no limit ?")
                .params(jobId, outcome.name(), afterRow, limit).query(this::row).list().stream()
                .map(r -> new ImportRow(r.rowNo(), r.raw(), r.outcome(), r.problems(), r.action())).toList();
    }

    /** A staged row for judging: its original cells are not needed (nor read) there. */
    private StagedRow rowWithoutRaw(ResultSet rs, int n) throws SQLException {
        String outcome = rs.getString("outcome");
        return new StagedRow(rs.getInt("row_no"), rs.getString("region_code"), rs.getString("household_key"),
                rs.getString("nik"), List.of(),
                json.readValue(rs.getString("data"), new TypeReference<LinkedHashMap<String, String>>() { }),
                outcome == null ? null : RowOutcome.valueOf(outcome), problems(rs.getString("errors")), null);
    }

    private StagedRow row(ResultSet rs, int n) throws SQLException {
        String outcome = rs.getString("outcome");
        return new StagedRow(rs.getInt("row_no"), rs.getString("region_code"), rs.getString("household_key"),
                rs.getString("nik"), json.readValue(rs.getString("raw"), new TypeReference<List<String>>() { }),
                json.readValue(rs.getString("data"), new TypeReference<LinkedHashMap<String, String>>() { }),
                outcome == null ? null : RowOutcome.valueOf(outcome), problems(rs.getString("errors")),
                rs.getString("action") == null ? null : RowAction.valueOf(rs.getString("action")));
    }

    // --- problems as JSON --------------------------------------------------------------------------

    String problemsJson(List<RowProblem> problems) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (RowProblem p : problems) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", p.code());
            m.put("severity", p.severity().name());
            m.put("column", p.column());
            List<Object> args = new ArrayList<>();
            for (Object a : p.args()) {
                args.add(a instanceof LocalDate d ? DATE.format(d) : a instanceof Enum<?> e ? e.name()
                        : a instanceof Number ? a : String.valueOf(a));
            }
            m.put("args", args);
            list.add(m);
        }
        return json.writeValueAsString(list);
    }

    List<RowProblem> problems(String text) {
        List<Map<String, Object>> list = json.readValue(text, new TypeReference<List<Map<String, Object>>>() { });
        List<RowProblem> problems = new ArrayList<>();
        for (Map<String, Object> m : list) {
            Object args = m.get("args");
            Object[] array = args instanceof List<?> l ? l.toArray() : new Object[0];
            problems.add(new RowProblem((String) m.get("code"), Issue.Severity.valueOf((String) m.get("severity")),
                    (String) m.get("column"), array));
        }
        return problems;
    }
}
