package id.slrt.audit.web;

import id.slrt.platform.NavItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditNavigation {
    @Bean
    NavItem auditNav() {
        return new NavItem("nav.audit", "/admin/audit", 90, Set.of("ADMIN"));
    }
}
