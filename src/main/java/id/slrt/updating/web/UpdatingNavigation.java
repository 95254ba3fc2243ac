package id.slrt.updating.web;

import id.slrt.platform.NavItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class UpdatingNavigation {

    @Bean
    NavItem updatesNav() {
        return new NavItem("nav.updates", "/updates", 12, Set.of("OPERATOR_DESA", "FASILITATOR", "SUPERVISOR",
                "OPERATOR_SLRT", "MANAGER"));
    }
}
