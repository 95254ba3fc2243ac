package id.slrt.exchange.internal;

import id.slrt.exchange.ExportFormat;
import id.slrt.exchange.ExportJob;
import id.slrt.exchange.ExportLayout;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Background export jobs, in plain SQL. */
@Repository
public class ExportJobRepository {
    private static final String COLUMNS = "id, region_code, format, layout, filters::text, status, households, rows_done, "
            + "file_name, file_size, failure, created_at, created_by, finished_at, expires_at";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ExportJobRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(UUID id, String regionCode, ExportFormat format, ExportLayout layout, Map<String, String> filters,
                       long households, String fileName, Instant now, String by) {
        jdbc.sql("""
                insert into export_job (id, region_code, format, layout, filters, status, households, file_name,
                                        created_at, created_by)
                values (?, ?, ?, ?, ?::jsonb, 'RUNNING', ?, ?, ?, ?)""")
                .params(id, regionCode, format.name(), layout.name(), json.writeValueAsString(filters), households,
                        fileName, Timestamp.from(now), by).update();
    }

    public Optional<ExportJob> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from export_job where id = ?").param(id).query(this::map).optional();
    }

    public void done(UUID id, long rows, long size, Instant at, Instant expires) {
        jdbc.sql("update export_job set status = 'DONE', rows_done = ?, file_size = ?, finished_at = ?, expires_at = ?, "
                        + "version = version + 1 where id = ? and status = 'RUNNING'")
                .params(rows, size, Timestamp.from(at), Timestamp.from(expires), id).update();
    }

    public void failed(UUID id, long rows, String failure, Instant at) {
        jdbc.sql("update export_job set status = 'FAILED', rows_done = ?, failure = ?, finished_at = ?, "
                        + "version = version + 1 where id = ? and status = 'RUNNING'")
                .params(rows, failure, Timestamp.from(at), id).update();
    }

    /** Finished exports whose time is up (their files are then removed). */
    public List<UUID> expired(Instant now) {
        return jdbc.sql("select id from export_job where status = 'DONE' and expires_at <= ?").param(Timestamp.from(now))
                .query(UUID.class).list();
    }

    public void expire(UUID id) {
        jdbc.sql("update export_job set status = 'EXPIRED', version = version + 1 where id = ? and status = 'DONE'")
                .param(id).update();
    }

    /** Exports left running by a stopped server. */
    public int failAbandoned(String failure, Instant at) {
        return jdbc.sql("update export_job set status = 'FAILED', failure = ?, finished_at = ? where status = 'RUNNING'")
                .params(failure, Timestamp.from(at)).update();
    }

    private ExportJob map(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        Timestamp expires = rs.getTimestamp("expires_at");
        long size = rs.getLong("file_size");
        Long fileSize = rs.wasNull() ? null : size;
        Map<String, String> filters = json.readValue(rs.getString("filters"),
                new TypeReference<LinkedHashMap<String, String>>() { });
        return new ExportJob(rs.getObject("id", UUID.class), rs.getString("region_code"),
                ExportFormat.valueOf(rs.getString("format")), ExportLayout.valueOf(rs.getString("layout")), filters,
                ExportJob.Status.valueOf(rs.getString("status")), rs.getLong("households"), 0, rs.getLong("rows_done"),
                rs.getString("file_name"), fileSize, rs.getString("failure"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"), finished == null ? null : finished.toInstant(),
                expires == null ? null : expires.toInstant());
    }
}
