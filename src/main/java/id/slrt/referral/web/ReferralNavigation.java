package id.slrt.referral.web;

import id.slrt.platform.NavItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReferralNavigation {

    @Bean
    NavItem referralsNav() {
        return new NavItem("nav.referrals", "/referrals", 15, Set.of("OPERATOR_DESA", "FASILITATOR", "SUPERVISOR",
                "OPERATOR_SLRT", "MANAGER", "MITRA"));
    }

    @Bean
    NavItem agenciesNav() {
        return new NavItem("nav.agencies", "/admin/agencies", 95, Set.of("ADMIN"));
    }
}
