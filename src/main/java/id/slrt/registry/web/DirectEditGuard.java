package id.slrt.registry.web;

import id.slrt.platform.ProblemException;
import id.slrt.registry.RegistrySettings;
import id.slrt.shared.CurrentActor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The one place that refuses a direct change of the registry to a role the district has not allowed
 * ({@link RegistrySettings}): every write to households and members, on the pages and the API. Reads and
 * the as-you-type checks pass; changes by change request go through the updating module instead.
 */
@Configuration(proxyBeanMethods = false)
class DirectEditGuard implements WebMvcConfigurer, HandlerInterceptor {
    private final RegistrySettings settings;

    DirectEditGuard(RegistrySettings settings) {
        this.settings = settings;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/households/**", "/api/v1/households/**", "/api/v1/members/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            return true;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String role = auth != null && auth.getPrincipal() instanceof CurrentActor me ? me.role() : null;
        if (settings.editsDirectly(role)) {
            return true;
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "registry.direct-edit-off");
        }
        throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
}
