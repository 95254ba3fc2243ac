package id.slrt.complaint.internal;

import id.slrt.complaint.CategoryFigures;
import id.slrt.complaint.Channel;
import id.slrt.complaint.Complaint;
import id.slrt.complaint.ComplaintCategory;
import id.slrt.complaint.ComplaintEvent;
import id.slrt.complaint.ComplaintFile;
import id.slrt.complaint.ComplaintQuery;
import id.slrt.complaint.ComplaintStatus;
import id.slrt.complaint.ComplaintType;
import id.slrt.complaint.RouteTarget;
import id.slrt.platform.Paged;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over complaint, its timeline and files; row-level security limits every query to the caller's scope. */
@Repository
public class ComplaintRepository {
    private static final String COLUMNS = """
            id, tracking_code, region_code, channel, complainant_name, complainant_phone, complainant_nik, subject_nik,
            member_id, household_id, category, type, description, status, assignee, acknowledge_due, resolve_due,
            acknowledged_at, resolved_at, closed_at, resolution, version, created_at, created_by, updated_at,
            updated_by, route_target, agency_code, escalation_level, escalated_at""";

    /** Lists count their rows up to this many; beyond it they say "more than". */
    public static final long COUNT_CAP = 100_000;

    private final JdbcClient jdbc;

    ComplaintRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Complaint c) {
        jdbc.sql("""
                insert into complaint (id, tracking_code, region_code, channel, complainant_name, complainant_phone,
                  complainant_nik, subject_nik, member_id, household_id, category, type, description, status, assignee,
                  acknowledge_due, resolve_due, version, created_at, created_by, updated_at, updated_by, route_target,
                  agency_code)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)""")
                .params(c.id(), c.trackingCode(), c.regionCode(), c.channel().name(), c.complainantName(),
                        c.complainantPhone(), c.complainantNik(), c.subjectNik(), c.memberId(), c.householdId(),
                        c.category().name(), c.type().name(), c.description(), c.status().name(), c.assignee(),
                        c.acknowledgeDue(), c.resolveDue(), ts(c.createdAt()), c.createdBy(), ts(c.updatedAt()),
                        c.updatedBy(), c.routeTarget() == null ? null : c.routeTarget().name(), c.agencyCode())
                .update();
    }

    public Optional<Complaint> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from complaint where id = ?").param(id).query(this::row).optional();
    }

    public Optional<Complaint> findByCode(String trackingCode) {
        return jdbc.sql("select " + COLUMNS + " from complaint where tracking_code = ?").param(trackingCode)
                .query(this::row).optional();
    }

    /**
     * Moves a complaint from one status to another (stamping the date of acknowledging, resolving or
     * closing, and the resolution note when given); false when it was no longer in {@code from} or its
     * version moved on.
     */
    public boolean transition(UUID id, ComplaintStatus from, int version, ComplaintStatus to, String resolution,
                              Instant at, String by) {
        return jdbc.sql("""
                update complaint set status = ?,
                  acknowledged_at = case when ? = 'ACKNOWLEDGED' then ? else acknowledged_at end,
                  resolved_at = case when ? = 'RESOLVED' then ? else resolved_at end,
                  closed_at = case when ? = 'CLOSED' then ? else closed_at end,
                  resolution = coalesce(?, resolution),
                  version = version + 1, updated_at = ?, updated_by = ?
                where id = ? and status = ? and version = ?""")
                .params(to.name(), to.name(), ts(at), to.name(), ts(at), to.name(), ts(at), resolution, ts(at), by,
                        id, from.name(), version)
                .update() == 1;
    }

    public boolean assign(UUID id, int version, String assignee, Instant at, String by) {
        return jdbc.sql("""
                update complaint set assignee = ?, version = version + 1, updated_at = ?, updated_by = ?
                where id = ? and version = ?""")
                .params(assignee, ts(at), by, id, version).update() == 1;
    }

    /** Other open complaints about the same person (NIK) in the same category. */
    public List<Complaint> openForPerson(String nik, ComplaintCategory category, UUID except) {
        if (nik == null) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from complaint where coalesce(subject_nik, complainant_nik) = ?"
                        + " and category = ? and status not in ('RESOLVED', 'CLOSED') and id <> ? order by created_at")
                .params(nik, category.name(), except == null ? new UUID(0, 0) : except).query(this::row).list();
    }

    public void insertEvent(ComplaintEvent e, String regionCode) {
        insertEvents(List.of(e), regionCode);
    }

    /** Several events of one complaint in one statement; the timeline keeps their order. */
    public void insertEvents(List<ComplaintEvent> events, String regionCode) {
        List<Object> params = new ArrayList<>();
        for (ComplaintEvent e : events) {
            params.addAll(Arrays.asList(e.id(), e.complaintId(), regionCode, ts(e.at()), e.actor(), e.actorRole(),
                    e.action(), e.fromStatus() == null ? null : e.fromStatus().name(),
                    e.toStatus() == null ? null : e.toStatus().name(), e.note()));
        }
        jdbc.sql("insert into complaint_event (id, complaint_id, region_code, at, actor, actor_role, action,"
                        + " from_status, to_status, note) values "
                        + String.join(", ", Collections.nCopies(events.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")))
                .params(params)
                .update();
    }

    public List<ComplaintEvent> events(UUID complaintId) {
        return jdbc.sql("""
                select id, complaint_id, at, actor, actor_role, action, from_status, to_status, note
                from complaint_event where complaint_id = ? order by at, seq""")
                .param(complaintId)
                .query((rs, n) -> new ComplaintEvent(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5), rs.getString(6),
                        status(rs.getString(7)), status(rs.getString(8)), rs.getString(9)))
                .list();
    }

    public void insertFile(ComplaintFile f, String regionCode) {
        jdbc.sql("""
                insert into complaint_file (id, complaint_id, region_code, sha256, size_bytes, content_type, original_name,
                  uploaded_at, uploaded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(f.id(), f.complaintId(), regionCode, f.sha256(), f.sizeBytes(), f.contentType(),
                        f.originalName(), ts(f.uploadedAt()), f.uploadedBy())
                .update();
    }

    public List<ComplaintFile> files(UUID complaintId) {
        return jdbc.sql("""
                select id, complaint_id, sha256, size_bytes, content_type, original_name, uploaded_at, uploaded_by
                from complaint_file where complaint_id = ? order by uploaded_at, id""")
                .param(complaintId)
                .query((rs, n) -> new ComplaintFile(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                        rs.getString(8)))
                .list();
    }

    /**
     * One page of the list; {@code today} decides what is overdue (district date). The page's ids come first,
     * in list order, from an index that carries the filters (V26), then their rows.
     */
    public Paged<Complaint> list(ComplaintQuery q, LocalDate today, int page, int size) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        String status = q.status() == null ? "" : q.status().trim();
        if (status.equals("OPEN")) {
            where.append(" and next_due is not null");
        } else if (!status.isEmpty()) {
            where.append(" and status = ?");
            params.add(status);
        }
        if (q.category() != null && !q.category().isBlank()) {
            where.append(" and category = ?");
            params.add(q.category().trim());
        }
        if (q.region() != null && !q.region().isBlank()) {
            where.append(" and region_code like ?");
            params.add(q.region().trim() + "%");
        }
        if (q.assignee() != null && !q.assignee().isBlank()) {
            where.append(" and assignee = ?");
            params.add(q.assignee().trim());
        }
        if (q.overdue()) {
            where.append(" and next_due < ?");
            params.add(today);
        }
        // Counted up to a cap: at a million complaints an exact count of "all statuses" alone took 260 ms.
        List<Object> countParams = new ArrayList<>(params);
        countParams.add(COUNT_CAP + 1);
        long counted = jdbc.sql("select count(*) from (select 1 from complaint" + where + " limit ?) c")
                .params(countParams).query(Long.class).single();
        boolean more = counted > COUNT_CAP;
        long total = Math.min(counted, COUNT_CAP);
        String order = switch (q.sort() == null ? "" : q.sort()) {
            case "newest" -> " order by created_at desc, id desc";
            case "oldest" -> " order by created_at, id";
            default -> " order by next_due nulls last, created_at, id";
        };
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<UUID> ids = jdbc.sql("select id from complaint" + where + order + " limit ? offset ?").params(pageParams)
                .query(UUID.class).list();
        if (ids.isEmpty()) {
            return new Paged<>(List.of(), page, size, total, more);
        }
        Map<UUID, Complaint> rows = new HashMap<>();
        jdbc.sql("select " + COLUMNS + " from complaint where id = any(?)").param(ids.toArray(new UUID[0]))
                .query(this::row).list().forEach(c -> rows.put(c.id(), c));
        List<Complaint> items = ids.stream().map(rows::get).filter(Objects::nonNull).toList();
        return new Paged<>(items, page, size, total, more);
    }

    private Complaint row(ResultSet rs, int n) throws SQLException {
        return new Complaint(rs.getObject("id", UUID.class), rs.getString("tracking_code"), rs.getString("region_code"),
                Channel.valueOf(rs.getString("channel")), rs.getString("complainant_name"),
                rs.getString("complainant_phone"), rs.getString("complainant_nik"), rs.getString("subject_nik"),
                rs.getObject("member_id", UUID.class), rs.getObject("household_id", UUID.class),
                ComplaintCategory.valueOf(rs.getString("category")), ComplaintType.valueOf(rs.getString("type")),
                rs.getString("description"), ComplaintStatus.valueOf(rs.getString("status")), rs.getString("assignee"),
                rs.getObject("acknowledge_due", LocalDate.class), rs.getObject("resolve_due", LocalDate.class),
                instant(rs.getTimestamp("acknowledged_at")), instant(rs.getTimestamp("resolved_at")),
                instant(rs.getTimestamp("closed_at")), rs.getString("resolution"), rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"),
                rs.getString("route_target") == null ? null : RouteTarget.valueOf(rs.getString("route_target")),
                rs.getString("agency_code"), rs.getInt("escalation_level"), instant(rs.getTimestamp("escalated_at")));
    }

    // --- oversight ------------------------------------------------------------------------------

    /**
     * Per category: open complaints and those past their deadline on {@code today} (from the next_due index),
     * and of those filed in [{@code from}, {@code to}) how many are resolved and the median days it took.
     */
    public List<CategoryFigures> figures(Instant from, Instant to, LocalDate today) {
        Map<ComplaintCategory, CategoryFigures> period = new HashMap<>();
        jdbc.sql("""
                select category, count(*), count(resolved_at),
                       percentile_cont(0.5) within group (order by extract(epoch from resolved_at - created_at) / 86400.0)
                from complaint where created_at >= ? and created_at < ? group by category""")
                .params(ts(from), ts(to))
                .query(rs -> {
                    ComplaintCategory c = ComplaintCategory.valueOf(rs.getString(1));
                    double median = rs.getDouble(4);
                    Double days = rs.wasNull() ? null : median;
                    period.put(c, new CategoryFigures(c, 0, 0, rs.getLong(2), rs.getLong(3), days));
                });
        return backlog(today).stream().map(b -> {
            CategoryFigures p = period.get(b.category());
            return p == null ? b : new CategoryFigures(b.category(), b.open(), b.overdue(), p.filed(), p.resolved(),
                    p.medianDaysToResolve());
        }).toList();
    }

    /** Per category (every one, in order): open complaints and those past their deadline on {@code today}. */
    public List<CategoryFigures> backlog(LocalDate today) {
        Map<ComplaintCategory, CategoryFigures> counted = new HashMap<>();
        jdbc.sql("select category, count(*), count(*) filter (where next_due < ?) from complaint"
                        + " where next_due is not null group by category")
                .param(today)
                .query(rs -> {
                    ComplaintCategory c = ComplaintCategory.valueOf(rs.getString(1));
                    counted.put(c, new CategoryFigures(c, rs.getLong(2), rs.getLong(3), 0, 0, null));
                });
        return Arrays.stream(ComplaintCategory.values())
                .map(c -> counted.getOrDefault(c, new CategoryFigures(c, 0, 0, 0, 0, null))).toList();
    }

    // --- routing and escalation -----------------------------------------------------------------

    /** Open complaints per assignee among {@code usernames} (for giving new work to the least loaded). */
    public Map<String, Long> openCountsByAssignee(List<String> usernames) {
        Map<String, Long> counts = new HashMap<>();
        if (usernames.isEmpty()) {
            return counts;
        }
        String marks = String.join(", ", Collections.nCopies(usernames.size(), "?"));
        jdbc.sql("select assignee, count(*) from complaint where status in ('RECEIVED', 'ACKNOWLEDGED', 'IN_PROGRESS',"
                        + " 'REFERRED') and assignee in (" + marks + ") group by assignee")
                .params(new ArrayList<Object>(usernames))
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /**
     * Open complaints due for the next escalation level on {@code today}: past a due date (not acknowledged by its
     * date, or not resolved by its date), and either not escalated yet or escalated once before
     * {@code levelTwoCutoff}.
     */
    public List<Complaint> overdueForEscalation(LocalDate today, Instant levelTwoCutoff, int limit) {
        return jdbc.sql("select " + COLUMNS + " from complaint"
                        + " where next_due < ? and escalation_level < 2"
                        + " and (escalation_level = 0 or escalated_at < ?)"
                        + " order by next_due, id limit ?")
                .params(today, ts(levelTwoCutoff), limit).query(this::row).list();
    }

    /**
     * Raises a complaint's escalation level from {@code from} to {@code to}; false when another run got there
     * first. Not a handler's edit: the version stays, so a step being taken is not refused as stale.
     */
    public boolean escalate(UUID id, int from, int to, Instant at) {
        return jdbc.sql("""
                update complaint set escalation_level = ?, escalated_at = ?
                where id = ? and escalation_level = ?
                  and status in ('RECEIVED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REFERRED')""")
                .params(to, ts(at), id, from).update() == 1;
    }

    private static ComplaintStatus status(String s) {
        return s == null ? null : ComplaintStatus.valueOf(s);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
