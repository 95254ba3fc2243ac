package id.slrt.updating.internal;

import id.slrt.platform.Paged;
import id.slrt.updating.ChangeKind;
import id.slrt.updating.ChangeRequest;
import id.slrt.updating.ChangeRequest.StoredIssue;
import id.slrt.updating.Evidence;
import id.slrt.updating.RequestEvent;
import id.slrt.updating.RequestStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Plain SQL over change_request and its timeline; row-level security limits every query to the caller's scope. */
@Repository
public class ChangeRequestRepository {
    private static final String COLUMNS = """
            id, number, region_code, kind, status, household_id, base_version, base::text, proposed::text, subject,
            reason, issues::text, returns::text, musdes_id, batch_id, due_at, maker_id, maker, maker_role, submitted_at,
            verifier, verified_at, applier, applied_at, result_household_id, version, created_at, updated_at, updated_by,
            applied_values::text, applied_members::text""";
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<StoredIssue>> ISSUES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ChangeRequestRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public String nextNumber(int year) {
        long n = jdbc.sql("select nextval('change_request_number_seq')").query(Long.class).single();
        return "UP-%d-%06d".formatted(year, n);
    }

    public void insert(ChangeRequest r) {
        jdbc.sql("""
                insert into change_request (id, number, region_code, kind, status, household_id, base_version, base,
                  proposed, subject, reason, issues, returns, musdes_id, batch_id, due_at, maker_id, maker, maker_role,
                  created_at, updated_at, updated_by, version)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(r.id(), r.number(), r.regionCode(), r.kind().name(), r.status().name(), r.householdId(),
                        r.baseVersion(), write(r.base()), write(r.proposed()), r.subject(), r.reason(), write(r.issues()),
                        write(r.returns()), r.musdesId(), r.batchId(), ts(r.dueAt()), r.makerId(), r.maker(),
                        r.makerRole(), ts(r.createdAt()), ts(r.updatedAt()), r.updatedBy())
                .update();
    }

    /** Saves the maker's edit of a draft or returned request; false when someone changed it meanwhile. */
    public boolean updateProposal(ChangeRequest r, int expectedVersion) {
        return jdbc.sql("""
                update change_request set proposed = ?::jsonb, subject = ?, reason = ?, issues = ?::jsonb, musdes_id = ?,
                  version = version + 1, updated_at = ?, updated_by = ? where id = ? and version = ?""")
                .params(write(r.proposed()), r.subject(), r.reason(), write(r.issues()), r.musdesId(), ts(r.updatedAt()),
                        r.updatedBy(), r.id(), expectedVersion)
                .update() == 1;
    }

    /** The findings of the validation service as they stand now (kept with the request for its reviewers). */
    public void updateIssues(UUID id, List<StoredIssue> issues) {
        jdbc.sql("update change_request set issues = ?::jsonb where id = ?").params(write(issues), id).update();
    }

    /** Moves a request from one status to another; false when it was no longer in {@code from}. */
    public boolean transition(UUID id, RequestStatus from, RequestStatus to, Instant at, String by, Transition t) {
        return jdbc.sql("""
                update change_request set status = ?, due_at = ?,
                  submitted_at = coalesce(?, submitted_at),
                  verifier = coalesce(?, verifier), verified_at = coalesce(?, verified_at),
                  applier = coalesce(?, applier), applied_at = coalesce(?, applied_at),
                  result_household_id = coalesce(?, result_household_id),
                  returns = coalesce(?::jsonb, returns),
                  batch_id = coalesce(?, batch_id),
                  version = version + 1, updated_at = ?, updated_by = ?
                where id = ? and status = ?""")
                .params(to.name(), ts(t.dueAt()), ts(t.submittedAt()), t.verifier(), ts(t.verifiedAt()), t.applier(),
                        ts(t.appliedAt()), t.resultHouseholdId(), t.returns() == null ? null : write(t.returns()),
                        t.batchId(), ts(at), by, id, from.name())
                .update() == 1;
    }

    /** What a transition sets besides the status; null leaves a column as it is. */
    public record Transition(Instant dueAt, Instant submittedAt, String verifier, Instant verifiedAt, String applier,
                             Instant appliedAt, UUID resultHouseholdId, Map<String, String> returns, UUID batchId) {
        public static Transition due(Instant dueAt) {
            return new Transition(dueAt, null, null, null, null, null, null, null, null);
        }
    }

    public Optional<ChangeRequest> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from change_request where id = ?").param(id).query(this::row).optional();
    }

    public Optional<ChangeRequest> findByNumber(String number) {
        return jdbc.sql("select " + COLUMNS + " from change_request where number = ?").param(number)
                .query(this::row).optional();
    }

    /** Remembers what applying a request changed, for a later re-application as a correction. */
    public void recordApplied(UUID id, Map<String, String> values, Map<String, String> members) {
        jdbc.sql("update change_request set applied_values = ?::jsonb, applied_members = ?::jsonb where id = ?")
                .params(write(values), write(members), id).update();
    }

    /** Open requests on a household other than {@code except}: reviewers see what else is pending. */
    public List<ChangeRequest> openOnHousehold(UUID householdId, UUID except) {
        return jdbc.sql("select " + COLUMNS + " from change_request where household_id = ? and id <> ?"
                        + " and status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'VERIFIED') order by created_at")
                .params(householdId, except).query(this::row).list();
    }

    public void insertEvent(RequestEvent e, String regionCode) {
        jdbc.sql("""
                insert into change_request_event (id, request_id, region_code, at, actor, actor_role, action, from_status,
                  to_status, reason, details) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(e.id(), e.requestId(), regionCode, ts(e.at()), e.actor(), e.actorRole(), e.action(),
                        e.fromStatus() == null ? null : e.fromStatus().name(),
                        e.toStatus() == null ? null : e.toStatus().name(), e.reason(),
                        e.details() == null || e.details().isEmpty() ? null : write(e.details()))
                .update();
    }

    public List<RequestEvent> events(UUID requestId) {
        return jdbc.sql("""
                select id, request_id, at, actor, actor_role, action, from_status, to_status, reason, details::text
                from change_request_event where request_id = ? order by at, id""")
                .param(requestId)
                .query((rs, n) -> new RequestEvent(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5), rs.getString(6),
                        status(rs.getString(7)), status(rs.getString(8)), rs.getString(9), readMap(rs.getString(10))))
                .list();
    }

    /** One page of an inbox or of all requests, newest first unless {@code oldestFirst}. */
    public Paged<ChangeRequest> list(InboxQuery q, int page, int size) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        if (!q.statuses().isEmpty()) {
            where.append(" and status in (").append(String.join(", ", q.statuses().stream().map(s -> "?").toList()))
                    .append(")");
            q.statuses().forEach(s -> params.add(s.name()));
        }
        if (q.regionPrefix() != null && !q.regionPrefix().isBlank()) {
            where.append(" and region_code like ?");
            params.add(q.regionPrefix().trim() + "%");
        }
        if (q.kind() != null) {
            where.append(" and kind = ?");
            params.add(q.kind().name());
        }
        if (q.maker() != null) {
            where.append(" and maker = ?");
            params.add(q.maker());
        }
        if (q.viewer() != null) {
            // a draft is its maker's work in progress: others see it once it is submitted
            where.append(" and (status <> 'DRAFT' or maker = ?)");
            params.add(q.viewer());
        }
        if (q.householdId() != null) {
            where.append(" and household_id = ?");
            params.add(q.householdId());
        }
        if (q.overdueAt() != null) {
            where.append(" and due_at < ?");
            params.add(ts(q.overdueAt()));
        }
        if (q.text() != null && !q.text().isBlank()) {
            where.append(" and (number = ? or subject ilike ?)");
            params.add(q.text().trim().toUpperCase());
            params.add("%" + q.text().trim() + "%");
        }
        long total = jdbc.sql("select count(*) from change_request" + where).params(params).query(Long.class).single();
        String order = switch (q.sort() == null ? "" : q.sort()) {
            case "due" -> " order by due_at nulls last, created_at";
            case "oldest" -> " order by created_at";
            case "number" -> " order by number";
            default -> " order by updated_at desc";
        };
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        // The page's ids first (an index-only scan for the inbox filters, V14), then only those rows in full:
        // sorting thousands of whole rows (jsonb proposals) for 25 of them was most of an inbox's time.
        List<UUID> ids = jdbc.sql("select id from change_request" + where + order + ", id limit ? offset ?")
                .params(pageParams).query(UUID.class).list();
        Map<UUID, ChangeRequest> byId = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select " + COLUMNS + " from change_request where id = any(?)")
                    .param(ids.toArray(UUID[]::new)).query(this::row).list().forEach(r -> byId.put(r.id(), r));
        }
        List<ChangeRequest> items = ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        return new Paged<>(items, page, size, total);
    }

    /** Filters of a request list; null or empty means "any". */
    public record InboxQuery(List<RequestStatus> statuses, String regionPrefix, ChangeKind kind, String maker,
                             UUID householdId, Instant overdueAt, String text, String sort, String viewer) {
    }

    /** Count of requests per status under a region prefix (for home pages). */
    public Map<RequestStatus, Long> countByStatus(String regionPrefix) {
        Map<RequestStatus, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select status, count(*) from change_request where region_code like ? group by status")
                .param(regionPrefix + "%")
                .query((rs, n) -> counts.put(RequestStatus.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    // --- evidence -----------------------------------------------------------------------------------

    public void insertEvidence(Evidence e, String regionCode) {
        jdbc.sql("""
                insert into change_request_file (id, request_id, region_code, evidence_type, sha256, size_bytes,
                  content_type, original_name, taken_at, latitude, longitude, uploaded_at, uploaded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.id(), e.requestId(), regionCode, e.evidenceType(), e.sha256(), e.sizeBytes(), e.contentType(),
                        e.originalName(), e.takenAt() == null ? null : Timestamp.valueOf(e.takenAt()), e.latitude(),
                        e.longitude(), ts(e.uploadedAt()), e.uploadedBy())
                .update();
    }

    public List<Evidence> evidence(UUID requestId) {
        return jdbc.sql("""
                select id, request_id, evidence_type, sha256, size_bytes, content_type, original_name, taken_at,
                  latitude, longitude, uploaded_at, uploaded_by from change_request_file where request_id = ?
                order by uploaded_at""")
                .param(requestId).query(this::evidenceRow).list();
    }

    private Evidence evidenceRow(ResultSet rs, int n) throws SQLException {
        Timestamp taken = rs.getTimestamp("taken_at");
        return new Evidence(rs.getObject("id", UUID.class), rs.getObject("request_id", UUID.class),
                rs.getString("evidence_type"), rs.getString("sha256"), rs.getLong("size_bytes"),
                rs.getString("content_type"), rs.getString("original_name"),
                taken == null ? null : taken.toLocalDateTime(), (Double) rs.getObject("latitude"),
                (Double) rs.getObject("longitude"), instant(rs, "uploaded_at"), rs.getString("uploaded_by"));
    }

    // --- musdes grouping and reminders (musdes/periods part) -------------------------------------

    /** The requests grouped under a deliberation, oldest first. */
    public List<ChangeRequest> byMusdes(UUID musdesId) {
        return jdbc.sql("select " + COLUMNS + " from change_request where musdes_id = ? order by created_at, number")
                .param(musdesId).query(this::row).list();
    }

    /** Drafts grouped under a deliberation that one maker made, oldest first. */
    public List<UUID> draftIdsInMusdes(UUID musdesId, UUID makerId) {
        return jdbc.sql("select id from change_request where musdes_id = ? and maker_id = ? and status = 'DRAFT'"
                        + " order by created_at, number")
                .params(musdesId, makerId).query(UUID.class).list();
    }

    /** Open requests waiting on someone whose deadline passed before {@code now}. */
    public List<ChangeRequest> overdue(Instant now) {
        return jdbc.sql("select " + COLUMNS + " from change_request where status in ('SUBMITTED', 'VERIFIED', 'RETURNED')"
                        + " and due_at < ? order by due_at")
                .param(ts(now)).query(this::row).list();
    }

    /** Number of drafts per maker (user name). */
    public Map<String, Long> draftCountsByMaker() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select maker, count(*) from change_request where status = 'DRAFT' group by maker order by maker")
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    // --- SIKS-NG batches ---------------------------------------------------------------------------

    /** Applied requests not yet exported, by number; {@code regionPrefix} and {@code kind} narrow them (null: any). */
    public List<ChangeRequest> readyForExport(String regionPrefix, ChangeKind kind) {
        return jdbc.sql("select " + COLUMNS + " from change_request where status = 'APPLIED' and region_code like ?"
                        + " and (cast(? as text) is null or kind = ?) order by number")
                .params(regionPrefix + "%", kind == null ? null : kind.name(), kind == null ? null : kind.name())
                .query(this::row).list();
    }

    private ChangeRequest row(ResultSet rs, int n) throws SQLException {
        return new ChangeRequest(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("region_code"),
                ChangeKind.valueOf(rs.getString("kind")), RequestStatus.valueOf(rs.getString("status")),
                rs.getObject("household_id", UUID.class), (Integer) rs.getObject("base_version"),
                readMap(rs.getString("base")), readMap(rs.getString("proposed")), rs.getString("subject"),
                rs.getString("reason"), json.readValue(rs.getString("issues"), ISSUES), readMap(rs.getString("returns")),
                rs.getObject("musdes_id", UUID.class), rs.getObject("batch_id", UUID.class), instant(rs, "due_at"),
                rs.getObject("maker_id", UUID.class), rs.getString("maker"), rs.getString("maker_role"),
                instant(rs, "submitted_at"), rs.getString("verifier"), instant(rs, "verified_at"),
                rs.getString("applier"), instant(rs, "applied_at"), rs.getObject("result_household_id", UUID.class),
                rs.getInt("version"), instant(rs, "created_at"), instant(rs, "updated_at"), rs.getString("updated_by"),
                readMap(rs.getString("applied_values")), readMap(rs.getString("applied_members")));
    }

    private Map<String, String> readMap(String text) {
        return text == null ? Map.of() : json.readValue(text, MAP);
    }

    private String write(Object value) {
        return json.writeValueAsString(value);
    }

    private static RequestStatus status(String s) {
        return s == null ? null : RequestStatus.valueOf(s);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
