package id.slrt.access.internal;

import id.slrt.platform.NavItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccessNavigation {
    @Bean
    NavItem usersNav() {
        return new NavItem("nav.users", "/admin/users", 80, Set.of("ADMIN"));
    }

    @Bean
    NavItem tokensNav() {
        return new NavItem("nav.tokens", "/admin/tokens", 85, Set.of("ADMIN"));
    }
}
