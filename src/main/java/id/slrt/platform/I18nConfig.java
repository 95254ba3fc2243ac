package id.slrt.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Indonesian by default. A user's explicit choice (?lang=en, kept in a cookie) wins; the API also
 * honours Accept-Language. Browsers' Accept-Language is ignored for pages on purpose: shared
 * office PCs and tablets are often set to English while their users expect Bahasa Indonesia.
 */
@Configuration(proxyBeanMethods = false)
class I18nConfig implements WebMvcConfigurer {
    static final Locale ENGLISH = Locale.ENGLISH;

    @Bean
    MessageSource messageSource() {
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        source.setBasename("classpath:messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(Texts.INDONESIAN);
        return source;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("slrt_lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(I18nConfig::defaultLocale);
        return resolver;
    }

    static Locale defaultLocale(HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/api/")) {
            String accept = request.getHeader("Accept-Language");
            if (accept != null && !accept.isBlank()) {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(accept)) {
                    String lang = range.getRange().split("-")[0];
                    if (lang.equals("en")) {
                        return ENGLISH;
                    }
                    if (lang.equals("id") || lang.equals("in")) {
                        return Texts.INDONESIAN;
                    }
                }
            }
        }
        return Texts.INDONESIAN;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
