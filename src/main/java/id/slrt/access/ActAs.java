package id.slrt.access;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work as a given user, as if their request made it: the scope of its transactions and the actor of its
 * audit rows come from the principal. For start-up work that plays users' steps (the demo data), never for
 * a request, which has its own principal.
 */
public final class ActAs {
    private ActAs() {
    }

    public static <T> T user(SlrtUser user, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** The principal of an account, as its log-in would make it. */
    public static SlrtUser principal(UserAccount u) {
        return new SlrtUser(u.id(), u.username(), u.fullName(), u.role().name(), u.regionCode(), u.agency(), false);
    }
}
