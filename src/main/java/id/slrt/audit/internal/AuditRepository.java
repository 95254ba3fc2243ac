package id.slrt.audit.internal;

import id.slrt.audit.AuditEntry;
import id.slrt.audit.AuditQuery;
import id.slrt.platform.Paged;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AuditRepository {
    private static final String COLUMNS =
            "id, at, actor, actor_id, actor_role, client_ip, action, entity_type, entity_id, region_code, changes::text as changes, detail";

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(AuditEntry e) {
        jdbc.sql("""
                insert into audit_event (id, at, actor, actor_id, actor_role, client_ip, action, entity_type,
                                         entity_id, region_code, changes, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")
                .params(e.id(), Timestamp.from(e.at()), e.actor(), e.actorId(), e.actorRole(), e.clientIp(), e.action(),
                        e.entityType(), e.entityId(), e.regionCode(), e.changes(), e.detail())
                .update();
    }

    public void relaxCommitForThisTransaction() {
        jdbc.sql("set local synchronous_commit to off").update();
    }

    public Paged<AuditEntry> search(AuditQuery q, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (notBlank(q.actor())) {
            where.append(" and actor = ?");
            params.add(q.actor().trim().toLowerCase());
        }
        if (notBlank(q.entityType())) {
            where.append(" and entity_type = ?");
            params.add(q.entityType().trim());
        }
        if (notBlank(q.entityId())) {
            where.append(" and entity_id = ?");
            params.add(q.entityId().trim());
        }
        if (notBlank(q.action())) {
            where.append(" and action = ?");
            params.add(q.action().trim());
        }
        if (q.from() != null) {
            where.append(" and at >= ?");
            params.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            where.append(" and at < ?");
            params.add(Timestamp.from(q.to()));
        }
        long total = jdbc.sql("select count(*) from audit_event" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<AuditEntry> items = jdbc.sql("select " + COLUMNS + " from audit_event" + where
                        + " order by at desc, id desc limit ? offset ?")
                .params(pageParams).query(AuditRepository::map).list();
        return new Paged<>(items, page, size, total);
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getObject("id", UUID.class), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                rs.getObject("actor_id", UUID.class), rs.getString("actor_role"), rs.getString("client_ip"),
                rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                rs.getString("region_code"), rs.getString("changes"), rs.getString("detail"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
