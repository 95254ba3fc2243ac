package id.slrt.updating.internal;

import id.slrt.updating.ActivityCount;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Operator monitoring read from the requests' timelines (change_request_event). Row-level security limits
 * every figure to the caller's scope; {@code regionPrefix} only narrows it further (a kecamatan filter).
 */
@Repository
public class ActivityRepository {
    private static final String COUNTS = """
            count(*) filter (where e.action = 'SUBMITTED'), count(*) filter (where e.action = 'RETURNED'),
            count(*) filter (where e.action = 'VERIFIED'), count(*) filter (where e.action = 'APPLIED'),
            count(*) filter (where e.action = 'REJECTED')""";
    private static final String STEPS = "('SUBMITTED', 'RETURNED', 'VERIFIED', 'APPLIED', 'REJECTED')";

    private final JdbcClient jdbc;

    ActivityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // Every query stops at "now": a step dated later (a clock moved in a test, a server with a wrong
    // clock) must not make someone look active forever.

    /** Steps per desa since {@code from}. */
    public List<ActivityCount> byDesa(Instant from, Instant until, String regionPrefix) {
        return jdbc.sql("select e.region_code, " + COUNTS + " from change_request_event e"
                        + " where e.at >= ? and e.at <= ? and e.region_code like ? and e.action in " + STEPS
                        + " group by e.region_code")
                .params(Timestamp.from(from), Timestamp.from(until), prefix(regionPrefix))
                .query(ActivityRepository::count).list();
    }

    /** Steps per maker (whoever took the step) since {@code from}. */
    public List<ActivityCount> byMaker(Instant from, Instant until, String regionPrefix) {
        return jdbc.sql("select r.maker, " + COUNTS + " from change_request_event e"
                        + " join change_request r on r.id = e.request_id"
                        + " where e.at >= ? and e.at <= ? and e.region_code like ? and e.action in " + STEPS
                        + " group by r.maker")
                .params(Timestamp.from(from), Timestamp.from(until), prefix(regionPrefix))
                .query(ActivityRepository::count).list();
    }

    /** The last step (of any kind: drafting, editing, submitting...) each of the given users took. */
    public Map<String, Instant> lastActivity(Collection<String> actors, Instant until, String regionPrefix) {
        Map<String, Instant> last = new HashMap<>();
        if (actors.isEmpty()) {
            return last;
        }
        jdbc.sql("select actor, max(at) from change_request_event where region_code like ? and actor = any(?)"
                        + " and at <= ? group by actor")
                .params(prefix(regionPrefix), actors.toArray(String[]::new), Timestamp.from(until))
                .query((rs, n) -> last.put(rs.getString(1), rs.getTimestamp(2).toInstant())).list();
        return last;
    }

    /** The last step taken in each desa. */
    public Map<String, Instant> lastActivityByDesa(Instant until, String regionPrefix) {
        Map<String, Instant> last = new HashMap<>();
        jdbc.sql("select region_code, max(at) from change_request_event where region_code like ? and at <= ?"
                        + " group by region_code")
                .params(prefix(regionPrefix), Timestamp.from(until))
                .query((rs, n) -> last.put(rs.getString(1), rs.getTimestamp(2).toInstant())).list();
        return last;
    }

    private static String prefix(String regionPrefix) {
        return (regionPrefix == null ? "" : regionPrefix.trim()) + "%";
    }

    private static ActivityCount count(ResultSet rs, int n) throws SQLException {
        return new ActivityCount(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6));
    }
}
