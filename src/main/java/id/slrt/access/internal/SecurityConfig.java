package id.slrt.access.internal;

import id.slrt.access.TokenService;
import id.slrt.platform.Scopes;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two filter chains: the JSON API (stateless, bearer tokens, problem+json errors) and the pages
 * (form log-in, sessions, CSRF). Role rules per URL live here, in one place.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {
    private static final String[] STAFF_READING_USERS = {"ADMIN", "MANAGER", "OPERATOR_SLRT", "SUPERVISOR"};
    /** Who reads the registry (personal data): field and office staff, not partners. */
    private static final String[] REGISTRY_READERS = {"OPERATOR_DESA", "FASILITATOR", "SUPERVISOR", "OPERATOR_SLRT",
            "MANAGER", "ADMIN"};
    /** Who registers and corrects households directly. */
    private static final String[] REGISTRY_WRITERS = {"OPERATOR_DESA", "FASILITATOR", "OPERATOR_SLRT"};
    /** Who reads change requests (pemutakhiran); the manager only watches. */
    private static final String[] UPDATING_READERS = {"OPERATOR_DESA", "FASILITATOR", "SUPERVISOR", "OPERATOR_SLRT",
            "MANAGER"};
    /** Who takes workflow steps; which step each may take is the updating module's rule. */
    private static final String[] UPDATING_ACTORS = {"OPERATOR_DESA", "FASILITATOR", "SUPERVISOR", "OPERATOR_SLRT"};
    /** Who reads SIKS-NG export batches (and downloads their files); only the SLRT operator builds and closes them. */
    private static final String[] SIKSNG_READERS = {"OPERATOR_SLRT", "MANAGER"};

    /** Who imports households from files (exchange): those who register households directly. */
    private static final String[] IMPORTERS = {"OPERATOR_DESA", "FASILITATOR", "OPERATOR_SLRT"};

    /** Who reads the update periods and their banner: everyone in updating, and administrators. */
    private static final String[] PERIOD_READERS = {"OPERATOR_DESA", "FASILITATOR", "SUPERVISOR", "OPERATOR_SLRT",
            "MANAGER", "ADMIN"};
    /** Who defines the district's update periods. */
    private static final String[] PERIOD_EDITORS = {"ADMIN", "OPERATOR_SLRT"};
    /** Who watches operator activity: the kecamatan supervisor and the district. */
    private static final String[] OPERATOR_MONITORS = {"SUPERVISOR", "OPERATOR_SLRT", "MANAGER"};

    /** Who reads complaints (personal data): handlers, and the manager who watches. */
    private static final String[] COMPLAINT_READERS = {"OPERATOR_DESA", "FASILITATOR", "SUPERVISOR", "OPERATOR_SLRT",
            "MANAGER"};
    /** Who takes complaint steps; which step each may take is the complaint module's rule. */
    private static final String[] COMPLAINT_HANDLERS = {"OPERATOR_DESA", "FASILITATOR", "SUPERVISOR", "OPERATOR_SLRT"};
    /** Eligibility (issue 8): who writes rules, previews them and starts runs. */
    private static final String[] ELIGIBILITY_EDITORS = {"ADMIN", "OPERATOR_SLRT"};
    /** Eligibility: who turns a case into a change request (the updating module's makers). */
    private static final String[] ELIGIBILITY_ACTORS = {"OPERATOR_DESA", "FASILITATOR", "OPERATOR_SLRT"};

    /** Who files a complaint for a walk-in citizen. */
    private static final String[] COMPLAINT_INTAKE = {"OPERATOR_DESA", "FASILITATOR", "OPERATOR_SLRT"};

    /** Who reads the public-question queue (with the askers' contacts); the manager only watches. */
    private static final String[] QUESTION_READERS = {"ADMIN", "OPERATOR_SLRT", "MANAGER"};
    /** Who answers, publishes, rejects and unpublishes public questions. */
    private static final String[] QUESTION_MODERATORS = {"ADMIN", "OPERATOR_SLRT"};
    /**
     * The public question form posts without Spring's session-bound CSRF token (showing it would make a
     * session cookie); it carries its own signed, one-use form token instead (portal/web/FormTokens).
     */
    private static final String PUBLIC_QUESTION_FORM = "/program/tanya/baru";
    // --- referral (issue 6, item 4): partners (MITRA) reach only these; row-level security limits them to
    // their own agency's referrals.
    /** Who reads referrals: staff who refer, the manager, and partner agencies. */
    private static final String[] REFERRAL_READERS = {"OPERATOR_DESA", "FASILITATOR", "SUPERVISOR", "OPERATOR_SLRT",
            "MANAGER", "MITRA"};
    /** Who refers, cancels, refers again and issues agencies' links. */
    private static final String[] REFERRAL_CREATORS = {"OPERATOR_DESA", "FASILITATOR", "SUPERVISOR", "OPERATOR_SLRT"};
    /** Who records an agency's answer: the partner, or staff on its behalf. */
    private static final String[] REFERRAL_ANSWERERS = {"OPERATOR_DESA", "FASILITATOR", "SUPERVISOR", "OPERATOR_SLRT",
            "MITRA"};
    private static final String[] REFERRAL_ANSWER_PAGES = {"/referrals/*/accept", "/referrals/*/decline",
            "/referrals/*/complete", "/referrals/*/letter.pdf"};
    private static final String[] REFERRAL_ANSWER_API = {"/api/v1/referrals/*/accept", "/api/v1/referrals/*/decline",
            "/api/v1/referrals/*/complete"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(LockoutAuthenticationProvider provider) {
        ProviderManager manager = new ProviderManager(provider);
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, TokenService tokens, ProblemResponses problems) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .addFilterBefore(new BearerTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/regions", "/api/v1/regions/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/programs", "/api/v1/programs/**").permitAll()
                        .requestMatchers("/api/v1/programs", "/api/v1/programs/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/users", "/api/v1/users/**").hasAnyRole(STAFF_READING_USERS)
                        .requestMatchers("/api/v1/users", "/api/v1/users/**").hasRole("ADMIN")
                        .requestMatchers("/api/v1/tokens", "/api/v1/tokens/**").hasRole("ADMIN")
                        .requestMatchers("/api/v1/audit", "/api/v1/audit/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/households", "/api/v1/households/**", "/api/v1/people",
                                "/api/v1/members/**",
                                "/api/v1/search").hasAnyRole(REGISTRY_READERS)
                        .requestMatchers("/api/v1/households", "/api/v1/households/**", "/api/v1/members/**")
                                .hasAnyRole(REGISTRY_WRITERS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/update-periods", "/api/v1/update-periods/**")
                                .hasAnyRole(PERIOD_READERS)
                        .requestMatchers("/api/v1/update-periods", "/api/v1/update-periods/**").hasAnyRole(PERIOD_EDITORS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/musdes", "/api/v1/musdes/**").hasAnyRole(UPDATING_READERS)
                        .requestMatchers("/api/v1/musdes", "/api/v1/musdes/**").hasAnyRole(UPDATING_ACTORS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/siksng-batches", "/api/v1/siksng-batches/**")
                                .hasAnyRole(SIKSNG_READERS)
                        .requestMatchers("/api/v1/siksng-batches", "/api/v1/siksng-batches/**").hasRole("OPERATOR_SLRT")
                        .requestMatchers(HttpMethod.GET, "/api/v1/updating/monitoring").hasAnyRole(OPERATOR_MONITORS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/reports/complaints").hasAnyRole(OPERATOR_MONITORS)
                        .requestMatchers("/api/v1/imports", "/api/v1/imports/**").hasAnyRole(IMPORTERS)
                        .requestMatchers("/api/v1/exports", "/api/v1/exports/**").hasAnyRole(REGISTRY_READERS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/change-requests", "/api/v1/change-requests/**")
                                .hasAnyRole(UPDATING_READERS)
                        .requestMatchers("/api/v1/change-requests", "/api/v1/change-requests/**")
                                .hasAnyRole(UPDATING_ACTORS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/complaints").hasAnyRole(COMPLAINT_INTAKE)
                        .requestMatchers(HttpMethod.GET, "/api/v1/complaints", "/api/v1/complaints/**")
                                .hasAnyRole(COMPLAINT_READERS)
                        .requestMatchers("/api/v1/complaints", "/api/v1/complaints/**").hasAnyRole(COMPLAINT_HANDLERS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/questions", "/api/v1/questions/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/questions").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/question-moderation", "/api/v1/question-moderation/**")
                                .hasAnyRole(QUESTION_READERS)
                        .requestMatchers("/api/v1/question-moderation", "/api/v1/question-moderation/**")
                                .hasAnyRole(QUESTION_MODERATORS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/referrals", "/api/v1/referrals/**")
                                .hasAnyRole(REFERRAL_READERS)
                        .requestMatchers(HttpMethod.POST, REFERRAL_ANSWER_API).hasAnyRole(REFERRAL_ANSWERERS)
                        .requestMatchers("/api/v1/referrals", "/api/v1/referrals/**").hasAnyRole(REFERRAL_CREATORS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/agencies").authenticated()
                        .requestMatchers("/api/v1/agencies", "/api/v1/agencies/**").hasRole("ADMIN")
                        // eligibility (issue 8): cases are read in each reader's scope; rules and runs by editors
                        .requestMatchers(HttpMethod.GET, "/api/v1/eligibility/**").hasAnyRole(REGISTRY_READERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/eligibility/runs/*/cases/**").hasAnyRole(ELIGIBILITY_ACTORS)
                        .requestMatchers("/api/v1/eligibility/**").hasAnyRole(ELIGIBILITY_EDITORS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/holidays").authenticated()
                        .requestMatchers("/api/v1/holidays", "/api/v1/holidays/**").hasRole("ADMIN")
                        // notify and complaint routing (issue 6, items 3 and 5)
                        .requestMatchers("/api/v1/notifications", "/api/v1/notifications/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/complaint-routing").authenticated()
                        .requestMatchers("/api/v1/complaint-routing", "/api/v1/complaint-routing/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) ->
                                problems.write(req, res, 401, "unauthorized", "problem.unauthorized"))
                        .accessDeniedHandler((req, res, ex) ->
                                problems.write(req, res, 403, "forbidden", "problem.forbidden")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, UserRepository users, Scopes scopes, TransactionTemplate tx)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers("/login", "/error", "/error/**", "/favicon.ico", "/webjars/**", "/css/**",
                                "/js/**", "/img/**", "/regions/picker").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/pengaduan", "/pengaduan/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/program", "/program/**").permitAll()
                        .requestMatchers(HttpMethod.POST, PUBLIC_QUESTION_FORM).permitAll()
                        .requestMatchers(HttpMethod.GET, "/questions", "/questions/**").hasAnyRole(QUESTION_READERS)
                        .requestMatchers("/questions", "/questions/**").hasAnyRole(QUESTION_MODERATORS)
                        .requestMatchers("/rujukan/t/**").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/referrals/new").hasAnyRole(REFERRAL_CREATORS)
                        .requestMatchers(HttpMethod.GET, "/referrals", "/referrals/**").hasAnyRole(REFERRAL_READERS)
                        .requestMatchers(HttpMethod.POST, REFERRAL_ANSWER_PAGES).hasAnyRole(REFERRAL_ANSWERERS)
                        .requestMatchers("/referrals", "/referrals/**").hasAnyRole(REFERRAL_CREATORS)
                        // eligibility (issue 8): runs and cases in each reader's scope; rules and previews by editors
                        .requestMatchers(HttpMethod.GET, "/eligibility/runs", "/eligibility/runs/**").hasAnyRole(REGISTRY_READERS)
                        .requestMatchers(HttpMethod.POST, "/eligibility/runs/*/cases/**").hasAnyRole(ELIGIBILITY_ACTORS)
                        .requestMatchers("/eligibility", "/eligibility/**").hasAnyRole(ELIGIBILITY_EDITORS)
                        .requestMatchers("/complaints/new", "/complaints/lookup").hasAnyRole(COMPLAINT_INTAKE)
                        .requestMatchers(HttpMethod.GET, "/complaints", "/complaints/**").hasAnyRole(COMPLAINT_READERS)
                        .requestMatchers("/complaints", "/complaints/**").hasAnyRole(COMPLAINT_HANDLERS)
                        .requestMatchers(HttpMethod.GET, "/households", "/households/**", "/search", "/quality")
                                .hasAnyRole(REGISTRY_READERS)
                        .requestMatchers("/households", "/households/**", "/registry/**").hasAnyRole(REGISTRY_WRITERS)
                        .requestMatchers("/imports", "/imports/**").hasAnyRole(IMPORTERS)
                        .requestMatchers("/exports", "/exports/**").hasAnyRole(REGISTRY_READERS)
                        .requestMatchers(HttpMethod.GET, "/updates/periods", "/updates/periods/**")
                                .hasAnyRole(PERIOD_EDITORS)
                        .requestMatchers("/updates/periods", "/updates/periods/**").hasAnyRole(PERIOD_EDITORS)
                        .requestMatchers(HttpMethod.GET, "/updates/batches", "/updates/batches/**")
                                .hasAnyRole(SIKSNG_READERS)
                        .requestMatchers("/updates/batches", "/updates/batches/**").hasRole("OPERATOR_SLRT")
                        .requestMatchers(HttpMethod.GET, "/updates/monitoring").hasAnyRole(OPERATOR_MONITORS)
                        .requestMatchers(HttpMethod.GET, "/reports/complaints").hasAnyRole(OPERATOR_MONITORS)
                        .requestMatchers(HttpMethod.GET, "/updates", "/updates/**").hasAnyRole(UPDATING_READERS)
                        .requestMatchers("/updates", "/updates/**").hasAnyRole(UPDATING_ACTORS)
                        .anyRequest().authenticated())
                // Two forms without Spring's session-bound token: the agency's single-referral link (the
                // unguessable token in the address is the credential, the page needs no session) and the public
                // question form (its own signed one-use form token, see PUBLIC_QUESTION_FORM).
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        PathPatternRequestMatcher.withDefaults().matcher("/rujukan/t/**"),
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PUBLIC_QUESTION_FORM)))
                .formLogin(form -> form
                        .loginPage("/login")
                        .failureHandler((req, res, ex) -> {
                            String reason = ex instanceof LockedException ? "locked"
                                    : ex instanceof DisabledException ? "disabled" : "bad";
                            res.sendRedirect(req.getContextPath() + "/login?error=" + reason);
                        })
                        .defaultSuccessUrl("/", false)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .addFilterBefore(new SessionUserRefreshFilter(users, scopes, tx), AuthorizationFilter.class)
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; object-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
