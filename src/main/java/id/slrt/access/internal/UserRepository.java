package id.slrt.access.internal;

import id.slrt.access.Role;
import id.slrt.access.UserAccount;
import id.slrt.access.UserFilter;
import id.slrt.platform.Paged;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over app_user. Every query is filtered by row-level security to the transaction's scope. */
@Repository
public class UserRepository {
    private static final String COLUMNS = """
            id, username, full_name, email, phone, role, region_code, agency, enabled, must_change_password,
            failed_logins, locked_until, last_login_at, version, created_at, created_by, updated_at, updated_by""";
    private static final Map<String, String> SORTS = Map.of(
            "username", "username", "fullName", "lower(full_name)", "role", "role", "region", "region_code",
            "lastLogin", "last_login_at");

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The credentials row for log-in, locked for update so that failure counting is exact. */
    public record Credentials(UserAccount account, String passwordHash) {
    }

    public Optional<Credentials> findCredentialsForUpdate(String username) {
        return jdbc.sql("select " + COLUMNS + ", password_hash from app_user where username = ? for update")
                .param(username)
                .query((rs, n) -> new Credentials(map(rs, n), rs.getString("password_hash")))
                .optional();
    }

    public Optional<String> passwordHash(UUID id) {
        return jdbc.sql("select password_hash from app_user where id = ?").param(id).query(String.class).optional();
    }

    public Optional<UserAccount> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from app_user where id = ?").param(id).query(UserRepository::map).optional();
    }

    public Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from app_user where username = ?").param(username)
                .query(UserRepository::map).optional();
    }

    public Map<Role, Long> countActiveByRole() {
        Map<Role, Long> counts = new java.util.EnumMap<>(Role.class);
        jdbc.sql("select role, count(*) from app_user where enabled group by role")
                .query((rs, n) -> counts.put(Role.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    public List<id.slrt.access.UserContact> contactsCovering(Role role, String regionCode) {
        return jdbc.sql("""
                select username, full_name, email, role, region_code from app_user
                where enabled and role = ? and starts_with(?, region_code) order by username""")
                .params(role.name(), regionCode).query(UserRepository::contact).list();
    }

    public Optional<id.slrt.access.UserContact> contact(String username) {
        return jdbc.sql("select username, full_name, email, role, region_code from app_user where enabled and username = ?")
                .param(username).query(UserRepository::contact).optional();
    }

    private static id.slrt.access.UserContact contact(ResultSet rs, int n) throws SQLException {
        return new id.slrt.access.UserContact(rs.getString("username"), rs.getString("full_name"), rs.getString("email"),
                Role.valueOf(rs.getString("role")), rs.getString("region_code"));
    }

    /** Enabled users of the given roles (visible in the caller's scope), optionally under a region prefix. */
    public List<UserAccount> enabledWithRoles(List<Role> roles, String regionPrefix) {
        return jdbc.sql("select " + COLUMNS + " from app_user where enabled and role = any(?) and region_code like ?"
                        + " order by region_code, username")
                .params(roles.stream().map(Role::name).toArray(String[]::new),
                        (regionPrefix == null ? "" : regionPrefix.trim()) + "%")
                .query(UserRepository::map).list();
    }

    public boolean usernameExists(String username) {
        // Visible or not: a user name is unique in the whole installation.
        return jdbc.sql("select exists(select 1 from app_user where username = ?)").param(username)
                .query(Boolean.class).single();
    }

    public Paged<UserAccount> list(UserFilter f, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (f.q() != null && !f.q().isBlank()) {
            where.append(" and (username ilike ? or full_name ilike ? or region_code like ?)");
            String like = "%" + f.q().trim().replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
            params.add(f.q().trim() + "%");
        }
        if (f.role() != null) {
            where.append(" and role = ?");
            params.add(f.role().name());
        }
        if (f.enabled() != null) {
            where.append(" and enabled = ?");
            params.add(f.enabled());
        }
        long total = jdbc.sql("select count(*) from app_user" + where).params(params).query(Long.class).single();
        String order = SORTS.getOrDefault(f.sort() == null ? "username" : f.sort(), "username")
                + (f.descending() ? " desc nulls last" : " asc nulls last") + ", username";
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<UserAccount> items = jdbc.sql("select " + COLUMNS + " from app_user" + where + " order by " + order
                        + " limit ? offset ?")
                .params(pageParams).query(UserRepository::map).list();
        return new Paged<>(items, page, size, total);
    }

    public void insert(UserAccount u, String passwordHash) {
        jdbc.sql("""
                insert into app_user (id, username, full_name, email, phone, role, region_code, agency, password_hash,
                    must_change_password, enabled, failed_logins, version, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?)""")
                .params(u.id(), u.username(), u.fullName(), u.email(), u.phone(), u.role().name(), u.regionCode(),
                        u.agency(), passwordHash, u.mustChangePassword(), u.enabled(),
                        Timestamp.from(u.createdAt()), u.createdBy(), Timestamp.from(u.updatedAt()), u.updatedBy())
                .update();
    }

    /** Updates profile fields if the row is still at {@code expectedVersion}; false when it was changed meanwhile. */
    public boolean updateProfile(UserAccount u, int expectedVersion) {
        return jdbc.sql("""
                update app_user set full_name = ?, email = ?, phone = ?, role = ?, region_code = ?, agency = ?,
                    version = version + 1, updated_at = ?, updated_by = ?
                where id = ? and version = ?""")
                .params(u.fullName(), u.email(), u.phone(), u.role().name(), u.regionCode(), u.agency(),
                        Timestamp.from(u.updatedAt()), u.updatedBy(), u.id(), expectedVersion)
                .update() == 1;
    }

    public void setEnabled(UUID id, boolean enabled, Instant at, String by) {
        jdbc.sql("""
                update app_user set enabled = ?, failed_logins = 0, locked_until = null, version = version + 1,
                    updated_at = ?, updated_by = ? where id = ?""")
                .params(enabled, Timestamp.from(at), by, id).update();
    }

    public void setPassword(UUID id, String hash, boolean mustChange, Instant at, String by) {
        jdbc.sql("""
                update app_user set password_hash = ?, must_change_password = ?, failed_logins = 0, locked_until = null,
                    version = version + 1, updated_at = ?, updated_by = ? where id = ?""")
                .params(hash, mustChange, Timestamp.from(at), by, id).update();
    }

    public void recordFailure(UUID id, int failedLogins, Instant lockedUntil) {
        jdbc.sql("update app_user set failed_logins = ?, locked_until = ? where id = ?")
                .params(failedLogins, lockedUntil == null ? null : Timestamp.from(lockedUntil), id).update();
    }

    public void recordSuccess(UUID id, Instant at) {
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null, last_login_at = ? where id = ?")
                .params(Timestamp.from(at), id).update();
    }

    static UserAccount map(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("full_name"),
                rs.getString("email"), rs.getString("phone"), Role.valueOf(rs.getString("role")),
                rs.getString("region_code"), rs.getString("agency"), rs.getBoolean("enabled"),
                rs.getBoolean("must_change_password"), rs.getInt("failed_logins"), instant(rs, "locked_until"),
                instant(rs, "last_login_at"), rs.getInt("version"), instant(rs, "created_at"), rs.getString("created_by"),
                instant(rs, "updated_at"), rs.getString("updated_by"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
