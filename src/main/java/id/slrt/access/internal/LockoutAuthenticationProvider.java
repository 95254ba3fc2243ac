package id.slrt.access.internal;

import id.slrt.access.SlrtUser;
import id.slrt.access.UserAccount;
import id.slrt.audit.AuditLog;
import id.slrt.audit.Change;
import id.slrt.platform.Scopes;
import id.slrt.platform.SlrtProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password log-in with lockout: after {@code maxFailedLogins} wrong passwords in a row the account is
 * locked for {@code lockout}. The outcome is committed (and audited) before an exception is thrown,
 * so that failures count even though the log-in fails.
 */
@Component
public class LockoutAuthenticationProvider implements AuthenticationProvider {
    private static final String ENTITY = "user";

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Scopes scopes;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int maxFailed;
    private final Duration lockout;
    private final String dummyHash;

    LockoutAuthenticationProvider(UserRepository users, PasswordEncoder encoder, AuditLog audit, Scopes scopes,
                                  TransactionTemplate tx, Clock clock, SlrtProperties props) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.scopes = scopes;
        this.tx = tx;
        this.clock = clock;
        this.maxFailed = props.security().maxFailedLogins();
        this.lockout = props.security().lockout();
        this.dummyHash = encoder.encode("timing-equaliser");
    }

    enum Outcome { OK, BAD_CREDENTIALS, LOCKED, DISABLED }

    record Result(Outcome outcome, SlrtUser user) {
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = String.valueOf(authentication.getName()).trim().toLowerCase();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        Result result = scopes.asDistrict(() -> tx.execute(status -> attempt(username, password)));
        return switch (result.outcome()) {
            case OK -> UsernamePasswordAuthenticationToken.authenticated(result.user(), null, result.user().authorities());
            case LOCKED -> throw new LockedException("locked");
            case DISABLED -> throw new DisabledException("disabled");
            case BAD_CREDENTIALS -> throw new BadCredentialsException("bad credentials");
        };
    }

    private Result attempt(String username, String password) {
        Instant now = clock.instant();
        Optional<UserRepository.Credentials> found = users.findCredentialsForUpdate(username);
        if (found.isEmpty()) {
            encoder.matches(password, dummyHash); // same work as for a real user: no user-name probing by timing
            audit.recordAs(new AuditLog.Actor(username, null, null), "LOGIN_FAILED", ENTITY, null, null, null,
                    "unknown user");
            return new Result(Outcome.BAD_CREDENTIALS, null);
        }
        UserAccount user = found.get().account();
        AuditLog.Actor actor = new AuditLog.Actor(user.username(), user.id(), user.role().name());
        String id = user.id().toString();
        if (!user.enabled()) {
            audit.recordAs(actor, "LOGIN_FAILED", ENTITY, id, user.regionCode(), null, "disabled");
            return new Result(Outcome.DISABLED, null);
        }
        if (user.lockedAt(now)) {
            audit.recordAs(actor, "LOGIN_FAILED", ENTITY, id, user.regionCode(), null, "locked");
            return new Result(Outcome.LOCKED, null);
        }
        if (!encoder.matches(password, found.get().passwordHash())) {
            int failed = (user.lockedUntil() != null ? 0 : user.failedLogins()) + 1;
            if (failed >= maxFailed) {
                Instant until = now.plus(lockout);
                users.recordFailure(user.id(), 0, until);
                audit.recordAs(actor, "ACCOUNT_LOCKED", ENTITY, id, user.regionCode(),
                        Map.of("lockedUntil", new Change(null, until.toString())), failed + " failed log-ins");
                return new Result(Outcome.LOCKED, null);
            }
            users.recordFailure(user.id(), failed, null);
            audit.recordAs(actor, "LOGIN_FAILED", ENTITY, id, user.regionCode(), null, "wrong password " + failed);
            return new Result(Outcome.BAD_CREDENTIALS, null);
        }
        users.recordSuccess(user.id(), now);
        audit.recordAs(actor, "LOGIN_SUCCEEDED", ENTITY, id, user.regionCode(), null, null);
        return new Result(Outcome.OK, user.toPrincipal());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
