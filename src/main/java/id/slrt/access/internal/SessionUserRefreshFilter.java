package id.slrt.access.internal;

import id.slrt.access.SlrtUser;
import id.slrt.access.UserAccount;
import id.slrt.platform.Scopes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a session's user current: a user disabled by an administrator is logged out at their next
 * request, and a changed role or scope takes effect at once. One primary-key read per page request.
 * It also sends a user who must change their password to the password page first.
 */
class SessionUserRefreshFilter extends OncePerRequestFilter {
    private final UserRepository users;
    private final Scopes scopes;
    private final TransactionTemplate tx;

    SessionUserRefreshFilter(UserRepository users, Scopes scopes, TransactionTemplate tx) {
        this.users = users;
        this.scopes = scopes;
        this.tx = tx;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SlrtUser sessionUser) {
            Optional<UserAccount> current = scopes.asDistrict(() -> tx.execute(s -> users.find(sessionUser.userId())));
            if (current.isEmpty() || !current.get().enabled()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + "/login?expired");
                return;
            }
            SlrtUser fresh = current.get().toPrincipal();
            if (!fresh.equals(sessionUser)) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.authorities()));
                SecurityContextHolder.setContext(context);
                request.getSession().setAttribute(
                        HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
            }
            if (fresh.mustChangePassword() && !allowedWhileMustChange(request.getRequestURI())) {
                response.sendRedirect(request.getContextPath() + "/account/password");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean allowedWhileMustChange(String path) {
        return path.equals("/account/password") || path.equals("/logout") || path.startsWith("/error")
                || path.startsWith("/regions/");
    }
}
