package id.slrt.updating.internal;

import id.slrt.platform.Paged;
import id.slrt.updating.ChangeKind;
import id.slrt.updating.ChangeRequest;
import id.slrt.updating.ImportSummary;
import id.slrt.updating.RequestStatus;
import id.slrt.updating.SiksngBatch;
import id.slrt.updating.batch.BatchRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Plain SQL over siksng_batch and its items; row-level security limits every query to the caller's scope. */
@Repository
public class SiksngBatchRepository {
    private static final String COLUMNS = """
            id, number, region_code, kind_filter, status, item_count, row_count, confirmed_count, rejected_count,
            created_at, created_by, downloaded_at, downloaded_by, result_imported_at, result_imported_by, result_sha256,
            result_file_name, result_summary::text, version""";
    private static final TypeReference<List<BatchRow>> ROWS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    SiksngBatchRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public String nextNumber(int year) {
        long n = jdbc.sql("select nextval('siksng_batch_number_seq')").query(Long.class).single();
        return "SIKS-%d-%04d".formatted(year, n);
    }

    public void insert(UUID id, String number, String regionCode, ChangeKind kind, Instant at, String by) {
        jdbc.sql("""
                insert into siksng_batch (id, number, region_code, kind_filter, status, created_at, created_by)
                values (?, ?, ?, ?, 'CREATED', ?, ?)""")
                .params(id, number, regionCode, kind == null ? null : kind.name(), ts(at), by).update();
    }

    public void insertItem(UUID batchId, ChangeRequest r, List<BatchRow> rows) {
        jdbc.sql("""
                insert into siksng_batch_item (batch_id, request_id, region_code, request_number, kind, rows)
                values (?, ?, ?, ?, ?, ?::jsonb)""")
                .params(batchId, r.id(), r.regionCode(), r.number(), r.kind().name(), json.writeValueAsString(rows))
                .update();
    }

    public void setCounts(UUID batchId, int items, int rows) {
        jdbc.sql("update siksng_batch set item_count = ?, row_count = ? where id = ?").params(items, rows, batchId)
                .update();
    }

    /** The first download moves a new batch to DOWNLOADED and keeps who and when; later ones change nothing. */
    public void markDownloaded(UUID batchId, Instant at, String by) {
        jdbc.sql("""
                update siksng_batch set status = case when status = 'CREATED' then 'DOWNLOADED' else status end,
                  downloaded_at = coalesce(downloaded_at, ?), downloaded_by = coalesce(downloaded_by, ?),
                  version = version + 1
                where id = ?""")
                .params(ts(at), by, batchId).update();
    }

    /** Recounts decided items and records the imported file; the batch is CLOSED once every item is decided. */
    public void recordResult(UUID batchId, ImportSummary summary) {
        jdbc.sql("""
                update siksng_batch b set
                  confirmed_count = c.confirmed, rejected_count = c.rejected,
                  status = case when c.confirmed + c.rejected >= b.item_count then 'CLOSED' else 'RESULT_IMPORTED' end,
                  result_imported_at = ?, result_imported_by = ?, result_sha256 = ?, result_file_name = ?,
                  result_summary = ?::jsonb, version = b.version + 1
                from (select count(*) filter (where outcome = 'CONFIRMED') confirmed,
                             count(*) filter (where outcome = 'REJECTED') rejected
                      from siksng_batch_item where batch_id = ?) c
                where b.id = ?""")
                .params(ts(summary.importedAt()), summary.importedBy(), summary.sha256(), summary.fileName(),
                        json.writeValueAsString(summary), batchId, batchId)
                .update();
    }

    public void decideItem(UUID batchId, UUID requestId, String outcome, String reason, int line, Instant at, String by) {
        jdbc.sql("""
                update siksng_batch_item set outcome = ?, reason = ?, result_line = ?, decided_at = ?, decided_by = ?
                where batch_id = ? and request_id = ? and outcome is null""")
                .params(outcome, reason, line, ts(at), by, batchId, requestId).update();
    }

    public Optional<SiksngBatch> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from siksng_batch where id = ?").param(id).query(this::batch).optional();
    }

    public Paged<SiksngBatch> list(int page, int size) {
        long total = jdbc.sql("select count(*) from siksng_batch").query(Long.class).single();
        List<SiksngBatch> items = jdbc.sql("select " + COLUMNS + " from siksng_batch order by created_at desc, number desc"
                        + " limit ? offset ?")
                .params(size, (long) page * size).query(this::batch).list();
        return new Paged<>(items, page, size, total);
    }

    /** One page of a batch's items, by request number, with each request's current status. */
    public Paged<SiksngBatch.Item> items(UUID batchId, int page, int size) {
        long total = jdbc.sql("select count(*) from siksng_batch_item where batch_id = ?").param(batchId)
                .query(Long.class).single();
        List<SiksngBatch.Item> items = jdbc.sql("""
                        select i.request_id, i.request_number, i.kind, i.region_code, r.status, r.subject,
                          jsonb_array_length(i.rows), i.outcome, i.reason, i.result_line, i.decided_at
                        from siksng_batch_item i join change_request r on r.id = i.request_id
                        where i.batch_id = ? order by i.request_number limit ? offset ?""")
                .params(batchId, size, (long) page * size)
                .query((rs, n) -> new SiksngBatch.Item(rs.getObject(1, UUID.class), rs.getString(2),
                        ChangeKind.valueOf(rs.getString(3)), rs.getString(4), RequestStatus.valueOf(rs.getString(5)),
                        rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9),
                        (Integer) rs.getObject(10), instant(rs, "decided_at")))
                .list();
        return new Paged<>(items, page, size, total);
    }

    /** What an import needs to know of each item, by request number. */
    public record ItemState(UUID requestId, String requestNumber, String outcome, List<String> niks) {
    }

    public Map<String, ItemState> itemStates(UUID batchId) {
        Map<String, ItemState> states = new LinkedHashMap<>();
        jdbc.sql("""
                        select request_id, request_number, outcome,
                          array(select x ->> 'nomorNik' from jsonb_array_elements(rows) x where x ->> 'nomorNik' is not null)
                        from siksng_batch_item where batch_id = ?""")
                .param(batchId)
                .query((rs, n) -> states.put(rs.getString(2), new ItemState(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), List.of((String[]) rs.getArray(4).getArray()))))
                .list();
        return states;
    }

    /** The rows of the batch file, in request-number order, read as they are written; close the stream. */
    public Stream<BatchRow> rows(UUID batchId) {
        return jdbc.sql("select rows::text from siksng_batch_item where batch_id = ? order by request_number")
                .param(batchId).query((rs, n) -> json.readValue(rs.getString(1), ROWS)).stream()
                .flatMap(List::stream);
    }

    /** Applied requests not yet exported, per kecamatan (first six digits of the desa code). */
    public Map<String, Long> readyByKecamatan() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select substr(region_code, 1, 6), count(*) from change_request where status = 'APPLIED'
                        group by 1 order by 1""")
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    private SiksngBatch batch(ResultSet rs, int n) throws SQLException {
        String summary = rs.getString("result_summary");
        String kind = rs.getString("kind_filter");
        return new SiksngBatch(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("region_code"),
                kind == null ? null : ChangeKind.valueOf(kind), SiksngBatch.Status.valueOf(rs.getString("status")),
                rs.getInt("item_count"), rs.getInt("row_count"), rs.getInt("confirmed_count"),
                rs.getInt("rejected_count"), instant(rs, "created_at"), rs.getString("created_by"),
                instant(rs, "downloaded_at"), rs.getString("downloaded_by"), instant(rs, "result_imported_at"),
                rs.getString("result_imported_by"), rs.getString("result_sha256"), rs.getString("result_file_name"),
                summary == null ? null : json.readValue(summary, ImportSummary.class), rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
