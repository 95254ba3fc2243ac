package id.slrt.notify.internal;

import id.slrt.notify.Email;
import id.slrt.notify.OutboxMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over notify_outbox; row-level security limits it to the caller's scope. */
@Repository
public class OutboxRepository {
    private static final String COLUMNS = """
            id, region_code, channel, recipient_username, recipient_email, subject, body, template_key, dedup_key,
            status, attempts, last_error, created_at, sent_at""";

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean insertIfNew(UUID id, Email e, Instant at) {
        return jdbc.sql("""
                insert into notify_outbox (id, region_code, channel, recipient_username, recipient_email, subject, body,
                  template_key, dedup_key, status, attempts, created_at)
                values (?, ?, 'EMAIL', ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)
                on conflict (dedup_key) do nothing""")
                .params(id, e.regionCode(), e.recipientUsername(), e.recipientEmail(), e.subject(), e.body(),
                        e.templateKey(), e.dedupKey(), Timestamp.from(at))
                .update() == 1;
    }

    public List<OutboxMessage> byDedupPrefix(String prefix) {
        return jdbc.sql("select " + COLUMNS + " from notify_outbox where dedup_key like ? order by created_at, dedup_key")
                .param(prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .query(OutboxRepository::row).list();
    }

    public long countPending() {
        return jdbc.sql("select count(*) from notify_outbox where status = 'PENDING'").query(Long.class).single();
    }

    private static OutboxMessage row(ResultSet rs, int n) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new OutboxMessage(rs.getObject("id", UUID.class), rs.getString("region_code"), rs.getString("channel"),
                rs.getString("recipient_username"), rs.getString("recipient_email"), rs.getString("subject"),
                rs.getString("body"), rs.getString("template_key"), rs.getString("dedup_key"), rs.getString("status"),
                rs.getInt("attempts"), rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
                sent == null ? null : sent.toInstant());
    }
}
