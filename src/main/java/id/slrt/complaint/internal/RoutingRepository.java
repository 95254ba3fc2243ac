package id.slrt.complaint.internal;

import id.slrt.complaint.ComplaintCategory;
import id.slrt.complaint.RouteTarget;
import id.slrt.complaint.RoutingRule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The routing rules per category (reference data, not scoped by region). */
@Repository
public class RoutingRepository {
    private final JdbcClient jdbc;

    RoutingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<RoutingRule> all() {
        return jdbc.sql("select category, target, agency_code, updated_at, updated_by from complaint_routing")
                .query(RoutingRepository::row).list();
    }

    public Optional<RoutingRule> find(ComplaintCategory category) {
        return jdbc.sql("select category, target, agency_code, updated_at, updated_by from complaint_routing"
                        + " where category = ?")
                .param(category.name()).query(RoutingRepository::row).optional();
    }

    public void upsert(RoutingRule r) {
        jdbc.sql("""
                insert into complaint_routing (category, target, agency_code, updated_at, updated_by)
                values (?, ?, ?, ?, ?)
                on conflict (category) do update set target = excluded.target, agency_code = excluded.agency_code,
                  updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(r.category().name(), r.target().name(), r.agencyCode(), Timestamp.from(r.updatedAt()),
                        r.updatedBy())
                .update();
    }

    private static RoutingRule row(ResultSet rs, int n) throws SQLException {
        return new RoutingRule(ComplaintCategory.valueOf(rs.getString(1)), RouteTarget.valueOf(rs.getString(2)),
                rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5));
    }
}
