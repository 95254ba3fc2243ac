package id.slrt.registry.web;

import id.slrt.platform.NavItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RegistryNavigation {
    private static final Set<String> READERS = Set.of("OPERATOR_DESA", "FASILITATOR", "SUPERVISOR", "OPERATOR_SLRT",
            "MANAGER", "ADMIN");

    @Bean
    NavItem householdsNav() {
        return new NavItem("nav.households", "/households", 10, READERS);
    }

    @Bean
    NavItem qualityNav() {
        return new NavItem("nav.quality", "/quality", 20, READERS);
    }

    @Bean
    NavItem searchNav() {
        return new NavItem("nav.search", "/search", 15, READERS);
    }
}
