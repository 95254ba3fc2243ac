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
                Set.of("OPERATOR_DESA", "FASILITATOR", "SUPERVISOR", "OPERATOR_SLRT", "MANAGER"), "nav.updates");
    }

    @Bean
    NavItem periodsNav() {
        return new NavItem("nav.periods", "/updates/periods", 34, Set.of("OPERATOR_SLRT"), "nav.updates");
    }

    /** The administrator has no updating menu: the periods are a top-level entry for them. */
    @Bean
    NavItem periodsAdminNav() {
        return new NavItem("nav.periods", "/updates/periods", 34, Set.of("ADMIN"));
    }
}
