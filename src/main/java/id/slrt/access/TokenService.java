package id.slrt.access;

import id.slrt.access.internal.TokenCache;
import id.slrt.access.internal.TokenRepository;
import id.slrt.access.internal.UserRepository;
import id.slrt.audit.AuditLog;
import id.slrt.audit.Change;
import id.slrt.platform.ProblemException;
import id.slrt.platform.Scopes;
import id.slrt.platform.SlrtProperties;
import id.slrt.shared.CurrentActor;
import id.slrt.shared.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bearer tokens for scripts: short-lived log-in tokens from user name and password, and named
 * long-lived tokens that administrators create and revoke. Only a SHA-256 of a token is stored.
 */
@Service
public class TokenService {
    public static final String ENTITY = "api_token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenRepository tokens;
    private final UserRepository users;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration loginTtl;
    private final Scopes scopes;
    private final TransactionTemplate tx;
    private final TokenCache cache;

    TokenService(TokenRepository tokens, UserRepository users, AuditLog audit, Clock clock, SlrtProperties props,
                 Scopes scopes, TransactionTemplate tx, TokenCache cache) {
        this.cache = cache;
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.loginTtl = props.api().tokenTtl();
        this.scopes = scopes;
        this.tx = tx;
    }

    public record Issued(String token, Instant expiresAt) {
    }

    public record CreatedNamed(ApiToken token, String secret) {
    }

    /** A log-in token for an already authenticated user. */
    @Transactional
    public Issued issueLoginToken(SlrtUser user) {
        String secret = newSecret();
        Instant now = clock.instant();
        Instant expires = now.plus(loginTtl);
        tokens.insert(Ids.newId(), user.userId(), "LOGIN", null, hash(secret), now, user.username(), expires);
        return new Issued(secret, expires);
    }

    @Transactional
    public CreatedNamed createNamed(UUID userId, String name, Integer validDays, CurrentActor by) {
        if (name == null || name.isBlank() || name.trim().length() > 80) {
            throw ProblemException.invalidField("name", "token.name.invalid");
        }
        if (validDays != null && (validDays < 1 || validDays > 3650)) {
            throw ProblemException.invalidField("validDays", "token.valid-days.invalid");
        }
        UserAccount owner = users.find(userId)
                .orElseThrow(() -> ProblemException.invalidField("userId", "user.not-found"));
        if (!owner.enabled()) {
            throw ProblemException.invalidField("userId", "token.owner-disabled");
        }
        String secret = newSecret();
        Instant now = clock.instant();
        Instant expires = validDays == null ? null : now.plus(Duration.ofDays(validDays));
        UUID id = Ids.newId();
        tokens.insert(id, userId, "NAMED", name.trim(), hash(secret), now, by.username(), expires);
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("name", new Change(null, name.trim()));
        changes.put("owner", new Change(null, owner.username()));
        changes.put("expiresAt", new Change(null, expires == null ? null : expires.toString()));
        audit.record("TOKEN_CREATED", ENTITY, id.toString(), owner.regionCode(), changes, null);
        return new CreatedNamed(tokens.findNamed(id).orElseThrow(), secret);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> listNamed() {
        return tokens.listNamed();
    }

    @Transactional
    public void revoke(UUID id, CurrentActor by) {
        ApiToken token = tokens.findNamed(id).orElseThrow(() -> ProblemException.notFound("token.not-found"));
        cache.clear();
        if (tokens.revoke(id, clock.instant(), by.username())) {
            audit.record("TOKEN_REVOKED", ENTITY, id.toString(), null,
                    Map.of("revoked", new Change(false, true)), token.name());
        }
    }

    /** The user a bearer token stands for, if the token is valid and its user enabled. */
    public Optional<SlrtUser> authenticate(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Optional.empty();
        }
        String hash = hash(secret);
        Instant now = clock.instant();
        SlrtUser cached = cache.get(hash, now);
        if (cached != null) {
            return Optional.of(cached);
        }
        return scopes.asDistrict(() -> tx.execute(status -> tokens.active(hash, now)
                .flatMap(active -> users.find(active.userId())
                        .filter(UserAccount::enabled)
                        .map(u -> {
                            tokens.touch(hash, now);
                            SlrtUser user = u.toPrincipal();
                            cache.put(hash, user, now, active.expiresAt());
                            return user;
                        }))));
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "slrt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
