package id.slrt.exchange.web;

import id.slrt.platform.NavItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ImportNavigation {

    @Bean
    NavItem importsNav() {
        return new NavItem("nav.imports", "/imports", 40, Set.of("OPERATOR_DESA", "FASILITATOR", "OPERATOR_SLRT"));
    }
}
