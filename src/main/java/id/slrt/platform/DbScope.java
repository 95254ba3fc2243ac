package id.slrt.platform;

import id.slrt.shared.CurrentActor;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The region scope a transaction runs in. By default it is the authenticated actor's scope; work
 * that is not done for a user (log-in checks, start-up, schedulers) runs explicitly as another scope.
 * The scope is read when a transaction begins, so call {@link #callAs} outside the transaction.
 */
public final class DbScope {
    private static final ThreadLocal<String> OVERRIDE = new ThreadLocal<>();

    private DbScope() {
    }

    public static String current() {
        String override = OVERRIDE.get();
        if (override != null) {
            return override;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentActor actor) {
            return actor.regionScope();
        }
        return null;
    }

    /**
     * The partner-agency setting of a transaction ({@code slrt.agency}): {@code *} for every agency (staff,
     * and work run as a scope), an agency code for a partner user, "" (none) when nobody acts.
     */
    public static String agency() {
        if (OVERRIDE.get() != null) {
            return "*";
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentActor actor) {
            String limit = actor.agencyLimit();
            return limit == null ? "*" : limit;
        }
        return "";
    }

    public static <T> T callAs(String scope, Supplier<T> work) {
        String previous = OVERRIDE.get();
        OVERRIDE.set(scope);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                OVERRIDE.remove();
            } else {
                OVERRIDE.set(previous);
            }
        }
    }

    public static void runAs(String scope, Runnable work) {
        callAs(scope, () -> {
            work.run();
            return null;
        });
    }
}
