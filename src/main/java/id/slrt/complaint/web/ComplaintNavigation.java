package id.slrt.complaint.web;

import id.slrt.platform.NavItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ComplaintNavigation {

    @Bean
    NavItem complaintsNav() {
        return new NavItem("nav.complaints", "/complaints", 14, Set.of("OPERATOR_DESA", "FASILITATOR", "SUPERVISOR",
                "OPERATOR_SLRT", "MANAGER"));
    }
}
