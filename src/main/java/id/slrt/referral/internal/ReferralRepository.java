package id.slrt.referral.internal;

import id.slrt.platform.Paged;
import id.slrt.referral.Outcome;
import id.slrt.referral.Referral;
import id.slrt.referral.ReferralEvent;
import id.slrt.referral.ReferralLink;
import id.slrt.referral.ReferralQuery;
import id.slrt.referral.ReferralStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Plain SQL over referral, its timeline and links. Row-level security limits every query to the caller's
 * region and, for a partner user, to its agency.
 */
@Repository
public class ReferralRepository {
    private static final String COLUMNS = """
            id, number, region_code, agency_code, source, complaint_id, household_id, member_id, subject_name,
            subject_nik, subject_address, reason, requested_action, contact_name, contact_phone, status, accept_due,
            due_date, accepted_at, answered_at, decline_reason, completed_at, outcome, outcome_note, outcome_sha256,
            outcome_file, outcome_type, outcome_size, cancelled_at, cancel_reason, previous_id, next_id, version,
            created_at, created_by, updated_at, updated_by""";
    /** Overdue: no answer by the day to accept, or no outcome by the due date. */
    private static final String OVERDUE = "(status = 'SENT' and accept_due < ? or status in ('SENT', 'ACCEPTED') and due_date < ?)";

    private final JdbcClient jdbc;

    ReferralRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of the year (a district-wide counter). */
    public int nextSequence(int year) {
        return jdbc.sql("""
                insert into referral_counter (year, last) values (?, 1)
                on conflict (year) do update set last = referral_counter.last + 1 returning last""")
                .param(year).query(Integer.class).single();
    }

    public void insert(Referral r) {
        jdbc.sql("""
                insert into referral (id, number, region_code, agency_code, source, complaint_id, household_id, member_id,
                  subject_name, subject_nik, subject_address, reason, requested_action, contact_name, contact_phone,
                  status, accept_due, due_date, previous_id, version, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)""")
                .params(r.id(), r.number(), r.regionCode(), r.agencyCode(), r.source(), r.complaintId(),
                        r.householdId(), r.memberId(), r.subjectName(), r.subjectNik(), r.subjectAddress(), r.reason(),
                        r.requestedAction(), r.contactName(), r.contactPhone(), r.status().name(), r.acceptDue(),
                        r.dueDate(), r.previousId(), ts(r.createdAt()), r.createdBy(), ts(r.updatedAt()), r.updatedBy())
                .update();
    }

    public Optional<Referral> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from referral where id = ?").param(id).query(this::row).optional();
    }

    /** Accepted: false when it was no longer SENT at this version. */
    public boolean accept(UUID id, int version, Instant at, String by) {
        return jdbc.sql("""
                update referral set status = 'ACCEPTED', accepted_at = ?, answered_at = ?, version = version + 1,
                  updated_at = ?, updated_by = ? where id = ? and status = 'SENT' and version = ?""")
                .params(ts(at), ts(at), ts(at), by, id, version).update() == 1;
    }

    public boolean decline(UUID id, int version, String reason, Instant at, String by) {
        return jdbc.sql("""
                update referral set status = 'DECLINED', decline_reason = ?, answered_at = ?, version = version + 1,
                  updated_at = ?, updated_by = ? where id = ? and status = 'SENT' and version = ?""")
                .params(reason, ts(at), ts(at), by, id, version).update() == 1;
    }

    public boolean complete(UUID id, int version, Outcome outcome, String note, String sha256, String file, String type,
                            Long size, Instant at, String by) {
        return jdbc.sql("""
                update referral set status = 'COMPLETED', outcome = ?, outcome_note = ?, outcome_sha256 = ?,
                  outcome_file = ?, outcome_type = ?, outcome_size = ?, completed_at = ?, version = version + 1,
                  updated_at = ?, updated_by = ? where id = ? and status = 'ACCEPTED' and version = ?""")
                .params(outcome.name(), note, sha256, file, type, size, ts(at), ts(at), by, id, version).update() == 1;
    }

    public boolean cancel(UUID id, ReferralStatus from, int version, String reason, UUID next, Instant at, String by) {
        return jdbc.sql("""
                update referral set status = 'CANCELLED', cancel_reason = ?, cancelled_at = ?, next_id = ?,
                  version = version + 1, updated_at = ?, updated_by = ? where id = ? and status = ? and version = ?""")
                .params(reason, ts(at), next, ts(at), by, id, from.name(), version).update() == 1;
    }

    /** Marks a closed referral (declined, completed) as followed by another. */
    public boolean followedBy(UUID id, int version, UUID next, Instant at, String by) {
        return jdbc.sql("""
                update referral set next_id = ?, version = version + 1, updated_at = ?, updated_by = ?
                where id = ? and version = ?""")
                .params(next, ts(at), by, id, version).update() == 1;
    }

    public void insertEvent(ReferralEvent e, String regionCode, String agencyCode) {
        jdbc.sql("""
                insert into referral_event (id, referral_id, region_code, agency_code, at, actor, actor_role, action,
                  from_status, to_status, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.id(), e.referralId(), regionCode, agencyCode, ts(e.at()), e.actor(), e.actorRole(), e.action(),
                        e.fromStatus() == null ? null : e.fromStatus().name(),
                        e.toStatus() == null ? null : e.toStatus().name(), e.note())
                .update();
    }

    public List<ReferralEvent> events(UUID referralId) {
        return jdbc.sql("""
                select id, referral_id, at, actor, actor_role, action, from_status, to_status, note
                from referral_event where referral_id = ? order by at, id""")
                .param(referralId)
                .query((rs, n) -> new ReferralEvent(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5), rs.getString(6),
                        status(rs.getString(7)), status(rs.getString(8)), rs.getString(9)))
                .list();
    }

    public List<Referral> ofComplaint(UUID complaintId) {
        return jdbc.sql("select " + COLUMNS + " from referral where complaint_id = ? order by created_at")
                .param(complaintId).query(this::row).list();
    }

    public List<Referral> ofHousehold(UUID householdId) {
        return jdbc.sql("select " + COLUMNS + " from referral where household_id = ? order by created_at")
                .param(householdId).query(this::row).list();
    }

    // --- links ---------------------------------------------------------------------------------

    public void insertLink(UUID id, Referral r, String tokenHash, Instant at, String by, Instant expires) {
        jdbc.sql("""
                insert into referral_link (id, referral_id, region_code, agency_code, token_hash, created_at, created_by,
                  expires_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, r.id(), r.regionCode(), r.agencyCode(), tokenHash, ts(at), by, ts(expires)).update();
    }

    /** Revokes every link of a referral still usable; how many. */
    public int revokeLinks(UUID referralId, Instant at, String by) {
        return jdbc.sql("""
                update referral_link set revoked_at = ?, revoked_by = ?
                where referral_id = ? and revoked_at is null and expires_at > ?""")
                .params(ts(at), by, referralId, ts(at)).update();
    }

    public Optional<ReferralLink> linkByHash(String tokenHash) {
        return jdbc.sql("""
                select id, referral_id, created_at, created_by, expires_at, revoked_at, revoked_by, last_used_at
                from referral_link where token_hash = ?""")
                .param(tokenHash).query(this::link).optional();
    }

    public List<ReferralLink> links(UUID referralId) {
        return jdbc.sql("""
                select id, referral_id, created_at, created_by, expires_at, revoked_at, revoked_by, last_used_at
                from referral_link where referral_id = ? order by created_at desc""")
                .param(referralId).query(this::link).list();
    }

    public void linkUsed(UUID linkId, Instant at) {
        jdbc.sql("update referral_link set last_used_at = ? where id = ?").params(ts(at), linkId).update();
    }

    // --- lists ---------------------------------------------------------------------------------

    /** One page of the list, overdue ones first, then by due date; {@code today} is the district's date. */
    public Paged<Referral> list(ReferralQuery q, LocalDate today, int page, int size) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        String status = q.status() == null ? "" : q.status().trim();
        if (status.equals("OPEN")) {
            where.append(" and status in ('SENT', 'ACCEPTED')");
        } else if (!status.isEmpty()) {
            where.append(" and status = ?");
            params.add(status);
        }
        if (q.agency() != null && !q.agency().isBlank()) {
            where.append(" and agency_code = ?");
            params.add(q.agency().trim());
        }
        if (q.region() != null && !q.region().isBlank()) {
            where.append(" and region_code like ?");
            params.add(q.region().trim() + "%");
        }
        if (q.overdue()) {
            where.append(" and ").append(OVERDUE);
            params.add(today);
            params.add(today);
        }
        long total = jdbc.sql("select count(*) from referral" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(today);
        pageParams.add(today);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<Referral> items = jdbc.sql("select " + COLUMNS + " from referral" + where + " order by " + OVERDUE
                        + " desc, status not in ('SENT', 'ACCEPTED'), due_date, created_at, id limit ? offset ?")
                .params(pageParams).query(this::row).list();
        return new Paged<>(items, page, size, total);
    }

    /** Every overdue referral in the caller's scope (for reminders). */
    public List<Referral> overdue(LocalDate today) {
        return jdbc.sql("select " + COLUMNS + " from referral where " + OVERDUE + " order by due_date, id")
                .params(today, today).query(this::row).list();
    }

    private ReferralLink link(ResultSet rs, int n) throws SQLException {
        return new ReferralLink(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant(),
                rs.getString(4), rs.getTimestamp(5).toInstant(), instant(rs.getTimestamp(6)), rs.getString(7),
                instant(rs.getTimestamp(8)));
    }

    private Referral row(ResultSet rs, int n) throws SQLException {
        Long size = rs.getObject("outcome_size", Long.class);
        return new Referral(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("region_code"),
                rs.getString("agency_code"), rs.getString("source"), rs.getObject("complaint_id", UUID.class),
                rs.getObject("household_id", UUID.class), rs.getObject("member_id", UUID.class),
                rs.getString("subject_name"), rs.getString("subject_nik"), rs.getString("subject_address"),
                rs.getString("reason"), rs.getString("requested_action"), rs.getString("contact_name"),
                rs.getString("contact_phone"), ReferralStatus.valueOf(rs.getString("status")),
                rs.getObject("accept_due", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                instant(rs.getTimestamp("accepted_at")), instant(rs.getTimestamp("answered_at")),
                rs.getString("decline_reason"), instant(rs.getTimestamp("completed_at")),
                rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
                rs.getString("outcome_note"), rs.getString("outcome_sha256"), rs.getString("outcome_file"),
                rs.getString("outcome_type"), size, instant(rs.getTimestamp("cancelled_at")),
                rs.getString("cancel_reason"), rs.getObject("previous_id", UUID.class),
                rs.getObject("next_id", UUID.class), rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    private static ReferralStatus status(String s) {
        return s == null ? null : ReferralStatus.valueOf(s);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** One agency's figures as counted; the name comes from the agency list. */
    public record AgencyCounts(long open, long overdue, long referred, long completed, long resolved, long declined,
                               Double medianDaysToComplete) {
    }

    /**
     * Per agency code: open referrals and those past their deadline on {@code today} (no answer by the acceptance
     * date, or no outcome by the due date); of those made in [{@code from}, {@code to}) the completed, resolved and
     * declined ones and the median days to completion (null when none was completed).
     */
    public Map<String, AgencyCounts> figures(Instant from, Instant to, LocalDate today) {
        Map<String, AgencyCounts> byAgency = new HashMap<>();
        jdbc.sql("""
                select agency_code,
                       count(*) filter (where status in ('SENT', 'ACCEPTED')),
                       count(*) filter (where status = 'SENT' and accept_due < ? or status = 'ACCEPTED' and due_date < ?),
                       count(*) filter (where in_period),
                       count(*) filter (where in_period and status = 'COMPLETED'),
                       count(*) filter (where in_period and outcome = 'RESOLVED'),
                       count(*) filter (where in_period and status = 'DECLINED'),
                       percentile_cont(0.5) within group (order by extract(epoch from completed_at - created_at) / 86400.0)
                         filter (where in_period)
                from (select r.*, r.created_at >= ? and r.created_at < ? as in_period from referral r) r
                where status in ('SENT', 'ACCEPTED') or in_period
                group by agency_code""")
                .params(today, today, ts(from), ts(to))
                .query(rs -> {
                    double median = rs.getDouble(8);
                    Double days = rs.wasNull() ? null : median;
                    byAgency.put(rs.getString(1), new AgencyCounts(rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), days));
                });
        return byAgency;
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
