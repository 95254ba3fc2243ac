package id.slrt.notify.internal;

import id.slrt.notify.DeliveryChannel;
import id.slrt.notify.Email;
import id.slrt.notify.OutboxMessage;
import id.slrt.notify.OutboxQuery;
import id.slrt.platform.Paged;
import id.slrt.notify.TextMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over notify_outbox; row-level security limits it to the caller's scope. */
@Repository
public class OutboxRepository {
    private static final String COLUMNS = """
            id, region_code, channel, recipient_username, recipient_email, recipient_phone, subject, body, template_key,
            dedup_key, status, attempts, last_error, created_at, next_attempt_at, last_attempt_at, sent_at""";

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean insertIfNew(UUID id, Email e, Instant at) {
        return jdbc.sql("""
                insert into notify_outbox (id, region_code, channel, recipient_username, recipient_email, subject, body,
                  template_key, dedup_key, status, attempts, created_at, next_attempt_at)
                values (?, ?, 'EMAIL', ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
                on conflict (dedup_key) do nothing""")
                .params(id, e.regionCode(), e.recipientUsername(), e.recipientEmail(), e.subject(), e.body(),
                        e.templateKey(), e.dedupKey(), ts(at), ts(at))
                .update() == 1;
    }

    public boolean insertIfNew(UUID id, TextMessage m, Instant at) {
        return jdbc.sql("""
                insert into notify_outbox (id, region_code, channel, recipient_phone, body, template_key, dedup_key,
                  status, attempts, created_at, next_attempt_at)
                values (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
                on conflict (dedup_key) do nothing""")
                .params(id, m.regionCode(), m.channel().name(), m.phone(), m.body(), m.templateKey(), m.dedupKey(),
                        ts(at), ts(at))
                .update() == 1;
    }

    public List<OutboxMessage> byDedupPrefix(String prefix) {
        return jdbc.sql("select " + COLUMNS + " from notify_outbox where dedup_key like ? order by created_at, dedup_key")
                .param(prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .query(OutboxRepository::row).list();
    }

    public Optional<OutboxMessage> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from notify_outbox where id = ?").param(id)
                .query(OutboxRepository::row).optional();
    }

    /** Messages of a channel not yet sent nor given up. */
    public long countUndelivered(DeliveryChannel channel) {
        return jdbc.sql("select count(*) from notify_outbox where channel = ? and status in ('PENDING', 'FAILED')")
                .param(channel.name()).query(Long.class).single();
    }

    /**
     * Claims up to {@code limit} messages of the given channels that are due at {@code now}, have an address and
     * are not claimed by another sender: they are this sender's until {@code leaseUntil}. Rows another sender
     * is claiming at this moment are skipped, not waited for ({@code for update skip locked}).
     */
    public List<OutboxMessage> claimDue(Collection<DeliveryChannel> channels, Instant now, Instant leaseUntil,
                                        int limit) {
        if (channels.isEmpty()) {
            return List.of();
        }
        String in = String.join(", ", channels.stream().map(c -> "'" + c.name() + "'").toList());
        return jdbc.sql("""
                update notify_outbox set claimed_until = ?
                where id in (
                  select id from notify_outbox
                  where status in ('PENDING', 'FAILED') and channel in (%s) and next_attempt_at <= ?
                    and (claimed_until is null or claimed_until < ?)
                    and (case when channel = 'EMAIL' then recipient_email else recipient_phone end) is not null
                  order by next_attempt_at
                  limit ?
                  for update skip locked)
                returning %s""".formatted(in, COLUMNS))
                .params(ts(leaseUntil), ts(now), ts(now), limit)
                .query(OutboxRepository::row).list();
    }

    public void markSent(UUID id, Instant at) {
        jdbc.sql("""
                update notify_outbox set status = 'SENT', attempts = attempts + 1, sent_at = ?, last_attempt_at = ?,
                  last_error = null, claimed_until = null
                where id = ?""")
                .params(ts(at), ts(at), id).update();
    }

    /** Records a failed attempt: FAILED with the next attempt at {@code next}, or DEAD when {@code next} is null. */
    public void markFailed(UUID id, Instant at, String error, Instant next) {
        jdbc.sql("""
                update notify_outbox set status = ?, attempts = attempts + 1, last_attempt_at = ?, last_error = ?,
                  next_attempt_at = coalesce(?, next_attempt_at), claimed_until = null
                where id = ?""")
                .params(next == null ? "DEAD" : "FAILED", ts(at), error, ts(next), id).update();
    }

    /** A DEAD message back to PENDING, due now, with a fresh count of attempts; false when it is not DEAD. */
    public boolean requeue(UUID id, Instant now) {
        return jdbc.sql("""
                update notify_outbox set status = 'PENDING', attempts = 0, next_attempt_at = ?, claimed_until = null
                where id = ? and status = 'DEAD'""")
                .params(ts(now), id).update() == 1;
    }

    public Paged<OutboxMessage> list(OutboxQuery q, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (q.status() != null && !q.status().isBlank()) {
            where.append(" and status = ?");
            params.add(q.status().trim());
        }
        if (q.channel() != null && !q.channel().isBlank()) {
            where.append(" and channel = ?");
            params.add(q.channel().trim());
        }
        long total = jdbc.sql("select count(*) from notify_outbox" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<OutboxMessage> items = jdbc.sql("select " + COLUMNS + " from notify_outbox" + where
                        + " order by created_at desc, id limit ? offset ?")
                .params(pageParams).query(OutboxRepository::row).list();
        return new Paged<>(items, page, size, total);
    }

    /** status → channel → count. */
    public Map<String, Map<String, Long>> counts() {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        jdbc.sql("select status, channel, count(*) from notify_outbox group by status, channel order by status, channel")
                .query(rs -> {
                    counts.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2),
                            rs.getLong(3));
                });
        return counts;
    }

    private static OutboxMessage row(ResultSet rs, int n) throws SQLException {
        return new OutboxMessage(rs.getObject("id", UUID.class), rs.getString("region_code"), rs.getString("channel"),
                rs.getString("recipient_username"), rs.getString("recipient_email"), rs.getString("recipient_phone"),
                rs.getString("subject"), rs.getString("body"), rs.getString("template_key"), rs.getString("dedup_key"),
                rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("next_attempt_at")),
                instant(rs.getTimestamp("last_attempt_at")), instant(rs.getTimestamp("sent_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
