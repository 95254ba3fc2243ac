package id.slrt.report.web;

import id.slrt.platform.NavItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReportNavigation {
    /** Who watches the operators: the kecamatan supervisor and the district. */
    static final Set<String> MONITORS = Set.of("SUPERVISOR", "OPERATOR_SLRT", "MANAGER");

    @Bean
    NavItem monitoringNav() {
        return new NavItem("nav.monitoring", "/updates/monitoring", 40, MONITORS, "nav.updates");
    }

    @Bean
    NavItem complaintOversightNav() {
        return new NavItem("nav.complaint-oversight", "/reports/complaints", 45, MONITORS, "nav.complaints");
    }
}
