package id.slrt.program.web;

import id.slrt.platform.NavItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProgramNavigation {

    @Bean
    NavItem programsNav() {
        return new NavItem("nav.programs", "/admin/programs", 75, Set.of("ADMIN"));
    }
}
