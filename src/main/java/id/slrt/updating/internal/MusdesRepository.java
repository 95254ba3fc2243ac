package id.slrt.updating.internal;

import id.slrt.platform.Paged;
import id.slrt.updating.Musdes;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over musdes; row-level security limits every query to the caller's scope. */
@Repository
public class MusdesRepository {
    private static final String COLUMNS = """
            id, region_code, kind, held_on, place, attendance_count, chaired_by, minutes_sha256, minutes_name,
            minutes_type, minutes_size, notes, version, created_at, created_by, updated_at, updated_by""";

    private final JdbcClient jdbc;

    MusdesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Musdes m) {
        jdbc.sql("""
                insert into musdes (id, region_code, kind, held_on, place, attendance_count, chaired_by, minutes_sha256,
                  minutes_name, minutes_type, minutes_size, notes, version, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)""")
                .params(m.id(), m.regionCode(), m.kind().name(), Date.valueOf(m.heldOn()), m.place(),
                        m.attendanceCount(), m.chairedBy(), m.minutesSha256(), m.minutesName(), m.minutesType(),
                        m.minutesSize(), m.notes(), Timestamp.from(m.createdAt()), m.createdBy(),
                        Timestamp.from(m.updatedAt()), m.updatedBy())
                .update();
    }

    /** Saves an edit if the row is still at {@code expectedVersion}; false when someone changed it meanwhile. */
    public boolean update(Musdes m, int expectedVersion) {
        return jdbc.sql("""
                update musdes set kind = ?, held_on = ?, place = ?, attendance_count = ?, chaired_by = ?,
                  minutes_sha256 = ?, minutes_name = ?, minutes_type = ?, minutes_size = ?, notes = ?,
                  version = version + 1, updated_at = ?, updated_by = ?
                where id = ? and version = ?""")
                .params(m.kind().name(), Date.valueOf(m.heldOn()), m.place(), m.attendanceCount(), m.chairedBy(),
                        m.minutesSha256(), m.minutesName(), m.minutesType(), m.minutesSize(), m.notes(),
                        Timestamp.from(m.updatedAt()), m.updatedBy(), m.id(), expectedVersion)
                .update() == 1;
    }

    public Optional<Musdes> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from musdes where id = ?").param(id).query(MusdesRepository::row)
                .optional();
    }

    /** Deliberations under a region prefix, newest first. */
    public Paged<Musdes> list(String regionPrefix, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = "";
        if (regionPrefix != null && !regionPrefix.isBlank()) {
            where = " where region_code like ?";
            params.add(regionPrefix.trim() + "%");
        }
        long total = jdbc.sql("select count(*) from musdes" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<Musdes> items = jdbc.sql("select " + COLUMNS + " from musdes" + where
                        + " order by held_on desc, created_at desc limit ? offset ?")
                .params(pageParams).query(MusdesRepository::row).list();
        return new Paged<>(items, page, size, total);
    }

    private static Musdes row(ResultSet rs, int n) throws SQLException {
        return new Musdes(rs.getObject("id", UUID.class), rs.getString("region_code"),
                Musdes.Kind.valueOf(rs.getString("kind")), rs.getDate("held_on").toLocalDate(), rs.getString("place"),
                rs.getInt("attendance_count"), rs.getString("chaired_by"), rs.getString("minutes_sha256"),
                rs.getString("minutes_name"), rs.getString("minutes_type"), (Long) rs.getObject("minutes_size"),
                rs.getString("notes"), rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
