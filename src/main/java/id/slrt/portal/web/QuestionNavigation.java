package id.slrt.portal.web;

import id.slrt.platform.NavItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class QuestionNavigation {

    @Bean
    NavItem questionsNav() {
        return new NavItem("nav.questions", "/questions", 72, Set.of("ADMIN", "OPERATOR_SLRT", "MANAGER"));
    }
}
