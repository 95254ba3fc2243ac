package id.slrt.updating.web;

import id.slrt.platform.NavItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MusdesNavigation {

    @Bean
    NavItem musdesNav() {
        return new NavItem("nav.musdes", "/updates/musdes", 32,
                Set.of("OPERATOR_DESA", "FASILITATOR", "SUPERVISOR", "OPERATOR_SLRT", "MANAGER"));
    }

    @Bean
    NavItem periodsNav() {
        return new NavItem("nav.periods", "/updates/periods", 34, Set.of("OPERATOR_SLRT", "ADMIN"));
    }
}
