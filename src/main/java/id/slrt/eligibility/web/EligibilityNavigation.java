package id.slrt.eligibility.web;

import id.slrt.platform.NavItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EligibilityNavigation {
    static final Set<String> READERS = Set.of("OPERATOR_DESA", "FASILITATOR", "SUPERVISOR", "OPERATOR_SLRT", "MANAGER",
            "ADMIN");

    @Bean
    NavItem eligibilityNav() {
        return new NavItem("nav.eligibility", "/eligibility/runs", 16, READERS);
    }

    @Bean
    NavItem eligibilityRulesNav() {
        return new NavItem("nav.eligibility.rules", "/eligibility/rules", 17, Set.of("ADMIN", "OPERATOR_SLRT"),
                "nav.eligibility");
    }
}
