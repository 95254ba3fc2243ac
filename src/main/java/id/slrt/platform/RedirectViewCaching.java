package id.slrt.platform;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.view.AbstractCachingViewResolver;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Keeps redirects out of the view cache. Controllers answer a POST with {@code "redirect:/x?code=" + code};
 * every such name is new, so each was created under the resolver's one lock and pushed older entries out
 * of its 1 024-entry cache: under 100 concurrent public filings the threads queued on that lock (issue 6
 * benchmark). Page views stay cached. Making a redirect view still initialises a bean each time (about 5 % of
 * the public filing's CPU at 500 filings/s), so that door returns a RedirectView it makes itself.
 */
@Component
class RedirectViewCaching implements BeanPostProcessor {
    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractCachingViewResolver resolver) {
            resolver.setCacheFilter((view, viewName, locale) -> !(view instanceof RedirectView));
        }
        return bean;
    }
}
