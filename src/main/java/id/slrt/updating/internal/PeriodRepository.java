package id.slrt.updating.internal;

import id.slrt.platform.Paged;
import id.slrt.updating.UpdatePeriod;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over update_period; everyone under the district reads its periods, district users write them. */
@Repository
public class PeriodRepository {
    private static final String COLUMNS = """
            id, region_code, name, opens_on, desa_cutoff, kecamatan_cutoff, district_cutoff, version, created_at,
            created_by, updated_at, updated_by""";

    private final JdbcClient jdbc;

    PeriodRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UpdatePeriod p) {
        jdbc.sql("""
                insert into update_period (id, region_code, name, opens_on, desa_cutoff, kecamatan_cutoff,
                  district_cutoff, version, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)""")
                .params(p.id(), p.regionCode(), p.name(), Date.valueOf(p.opensOn()), Date.valueOf(p.desaCutoff()),
                        Date.valueOf(p.kecamatanCutoff()), Date.valueOf(p.districtCutoff()),
                        Timestamp.from(p.createdAt()), p.createdBy(), Timestamp.from(p.updatedAt()), p.updatedBy())
                .update();
    }

    public boolean update(UpdatePeriod p, int expectedVersion) {
        return jdbc.sql("""
                update update_period set name = ?, opens_on = ?, desa_cutoff = ?, kecamatan_cutoff = ?,
                  district_cutoff = ?, version = version + 1, updated_at = ?, updated_by = ?
                where id = ? and version = ?""")
                .params(p.name(), Date.valueOf(p.opensOn()), Date.valueOf(p.desaCutoff()),
                        Date.valueOf(p.kecamatanCutoff()), Date.valueOf(p.districtCutoff()),
                        Timestamp.from(p.updatedAt()), p.updatedBy(), p.id(), expectedVersion)
                .update() == 1;
    }

    public Optional<UpdatePeriod> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from update_period where id = ?").param(id)
                .query(PeriodRepository::row).optional();
    }

    /** The period of {@code region} that covers {@code day}, if any. */
    public Optional<UpdatePeriod> activeOn(String region, LocalDate day) {
        return jdbc.sql("select " + COLUMNS + " from update_period where region_code = ? and opens_on <= ?"
                        + " and district_cutoff >= ?")
                .params(region, Date.valueOf(day), Date.valueOf(day)).query(PeriodRepository::row).optional();
    }

    /** Another period of the region overlapping [from, to], to name it in the refusal. */
    public Optional<UpdatePeriod> overlapping(String region, LocalDate from, LocalDate to, UUID except) {
        return jdbc.sql("select " + COLUMNS + " from update_period where region_code = ? and opens_on <= ?"
                        + " and district_cutoff >= ? and id <> ? order by opens_on limit 1")
                .params(region, Date.valueOf(to), Date.valueOf(from), except).query(PeriodRepository::row).optional();
    }

    public Paged<UpdatePeriod> list(int page, int size) {
        long total = jdbc.sql("select count(*) from update_period").query(Long.class).single();
        List<UpdatePeriod> items = jdbc.sql("select " + COLUMNS + " from update_period order by opens_on desc"
                        + " limit ? offset ?")
                .params(size, (long) page * size).query(PeriodRepository::row).list();
        return new Paged<>(items, page, size, total);
    }

    private static UpdatePeriod row(ResultSet rs, int n) throws SQLException {
        return new UpdatePeriod(rs.getObject("id", UUID.class), rs.getString("region_code"), rs.getString("name"),
                rs.getDate("opens_on").toLocalDate(), rs.getDate("desa_cutoff").toLocalDate(),
                rs.getDate("kecamatan_cutoff").toLocalDate(), rs.getDate("district_cutoff").toLocalDate(),
                rs.getInt("version"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
