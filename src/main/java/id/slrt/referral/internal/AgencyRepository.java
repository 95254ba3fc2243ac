package id.slrt.referral.internal;

import id.slrt.referral.PartnerAgency;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partner agencies: reference data, not scoped by region. */
@Repository
public class AgencyRepository {
    private static final String COLUMNS = "code, name, kind, email, phone, accept_days, complete_days, active, version";
    private final JdbcClient jdbc;

    AgencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<PartnerAgency> all() {
        return jdbc.sql("select " + COLUMNS + " from partner_agency order by kind = 'SOCIAL_PROGRAM', name")
                .query(this::row).list();
    }

    public Optional<PartnerAgency> find(String code) {
        return jdbc.sql("select " + COLUMNS + " from partner_agency where code = ?").param(code).query(this::row)
                .optional();
    }

    public void insert(PartnerAgency a, Instant at, String by) {
        jdbc.sql("""
                insert into partner_agency (code, name, kind, email, phone, accept_days, complete_days, active, version,
                  updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(a.code(), a.name(), a.kind(), a.email(), a.phone(), a.acceptDays(), a.completeDays(),
                        a.active(), Timestamp.from(at), by)
                .update();
    }

    public boolean update(PartnerAgency a, int version, Instant at, String by) {
        return jdbc.sql("""
                update partner_agency set name = ?, kind = ?, email = ?, phone = ?, accept_days = ?, complete_days = ?,
                  active = ?, version = version + 1, updated_at = ?, updated_by = ?
                where code = ? and version = ?""")
                .params(a.name(), a.kind(), a.email(), a.phone(), a.acceptDays(), a.completeDays(), a.active(),
                        Timestamp.from(at), by, a.code(), version)
                .update() == 1;
    }

    private PartnerAgency row(ResultSet rs, int n) throws SQLException {
        return new PartnerAgency(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getInt(7), rs.getBoolean(8), rs.getInt(9));
    }
}
