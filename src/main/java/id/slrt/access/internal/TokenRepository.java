package id.slrt.access.internal;

import id.slrt.access.ApiToken;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TokenRepository {
    private final JdbcClient jdbc;

    TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, UUID userId, String kind, String name, String hash, Instant createdAt, String createdBy,
                       Instant expiresAt) {
        jdbc.sql("""
                insert into api_token (id, user_id, kind, name, token_hash, created_at, created_by, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, userId, kind, name, hash, Timestamp.from(createdAt), createdBy,
                        expiresAt == null ? null : Timestamp.from(expiresAt))
                .update();
    }

    /** A token that is neither revoked nor expired: its user and its expiry (null: none). */
    public record Active(UUID userId, Instant expiresAt) {
    }

    public Optional<Active> active(String hash, Instant now) {
        return jdbc.sql("""
                select user_id, expires_at from api_token
                where token_hash = ? and revoked_at is null and (expires_at is null or expires_at > ?)""")
                .params(hash, Timestamp.from(now))
                .query((rs, n) -> new Active(rs.getObject(1, UUID.class), UserRepository.instant(rs, "expires_at")))
                .optional();
    }

    public void touch(String hash, Instant now) {
        jdbc.sql("""
                update api_token set last_used_at = ?
                where token_hash = ? and (last_used_at is null or last_used_at < ?)""")
                .params(Timestamp.from(now), hash, Timestamp.from(now.minusSeconds(60))).update();
    }

    /** Named tokens with their owner (owners outside the caller's scope are not visible, nor their tokens). */
    public List<ApiToken> listNamed() {
        return jdbc.sql("""
                select t.id, t.name, u.id as user_id, u.username, t.created_at, t.created_by, t.expires_at, t.revoked_at,
                       t.revoked_by, t.last_used_at
                from api_token t join app_user u on u.id = t.user_id
                where t.kind = 'NAMED'
                order by t.revoked_at nulls first, t.created_at desc""")
                .query(TokenRepository::map).list();
    }

    public Optional<ApiToken> findNamed(UUID id) {
        return jdbc.sql("""
                select t.id, t.name, u.id as user_id, u.username, t.created_at, t.created_by, t.expires_at, t.revoked_at,
                       t.revoked_by, t.last_used_at
                from api_token t join app_user u on u.id = t.user_id
                where t.kind = 'NAMED' and t.id = ?""")
                .param(id).query(TokenRepository::map).optional();
    }

    public boolean revoke(UUID id, Instant at, String by) {
        return jdbc.sql("update api_token set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(at), by, id).update() == 1;
    }

    /** Revokes every token of a user, e.g. when the user is disabled. */
    public void revokeAllOf(UUID userId, Instant at, String by) {
        jdbc.sql("update api_token set revoked_at = ?, revoked_by = ? where user_id = ? and revoked_at is null")
                .params(Timestamp.from(at), by, userId).update();
    }

    private static ApiToken map(ResultSet rs, int n) throws SQLException {
        return new ApiToken(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("user_id", UUID.class),
                rs.getString("username"), UserRepository.instant(rs, "created_at"), rs.getString("created_by"),
                UserRepository.instant(rs, "expires_at"), UserRepository.instant(rs, "revoked_at"),
                rs.getString("revoked_by"), UserRepository.instant(rs, "last_used_at"));
    }
}
