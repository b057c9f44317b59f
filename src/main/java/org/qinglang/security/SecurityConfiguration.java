package org.qinglang.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import java.util.LinkedHashMap;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Public: the complaint intake, the token-protected links, the exposure board
 * and health. Staff: everything else, with their engine account, through one login page whose
 * session Tasklist, Cockpit and Admin accept (they keep their own CSRF protection); the engine REST
 * API requires HTTP Basic against the engine's identity service.
 */
@Configuration
public class SecurityConfiguration {

    static final String[] STAFF = {Roles.CASE_WORKERS, Roles.SUPERVISORS, Roles.MANAGERS, Roles.ADMINS};

    @Bean
    SecurityFilterChain apiAndPages(HttpSecurity http, CamundaIdentityAuthenticationProvider engineUsers,
            ObjectProvider<ClientRegistrationRepository> singleSignOn, IdentityService identityService)
            throws Exception {
        // Production offices sign staff on at their identity provider (OpenID Connect) as soon as a
        // client registration is configured; the login page then offers it beside the password.
        if (singleSignOn.getIfAvailable() != null) {
            http.oauth2Login(sso -> sso.loginPage("/login")
                    .userInfoEndpoint(users -> users.oidcUserService(new SingleSignOnUsers(identityService)))
                    .defaultSuccessUrl("/camunda/app/tasklist/default/", false)
                    .failureUrl("/login?sso-error"));
        }
        http.authenticationProvider(engineUsers)
                .authorizeHttpRequests(requests -> requests
                        // The webapps' pages, scripts and API need the staff login (one session for all);
                        // the engine REST API checks HTTP Basic itself.
                        .requestMatchers("/engine-rest/**").permitAll()
                        // The webapps' logout without their CSRF header comes from another site's page.
                        .requestMatchers(request -> "POST".equals(request.getMethod()) && request.getHeader("X-XSRF-TOKEN") == null
                                && webappLogoutPath().matches(request)).denyAll()
                        .requestMatchers("/login").permitAll()
                        .requestMatchers(HttpMethod.GET, "/camunda/app/*/styles/**", "/camunda/app/*/assets/**",
                                "/camunda/app/*/locales/**", "/camunda/assets/**", "/camunda/lib/**",
                                "/camunda/favicon.ico").permitAll()
                        // The webapps' login page asks for this (a Camunda Run welcome page) and expects 200 or
                        // 404; a 401 with WWW-Authenticate would open the browser's own password dialog over it.
                        .requestMatchers(HttpMethod.GET, "/camunda-welcome").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/complaints").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/complaints/*", "/api/platforms", "/api/statements",
                                "/api/statements.csv").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/complaints/*/information",
                                "/api/complaints/*/platform-response").permitAll()
                        .requestMatchers(HttpMethod.GET, "/", "/announcements", "/announcements/**",
                                "/announcements.atom", "/statistics", "/statistics.csv", "/complaints/new", "/complaints/lookup",
                                "/complaints/*", "/complaints/*/evidence.zip", "/platform/respond/*", "/platform/self-inspection/*", "/police/referrals/*", "/police/answer/*",
                                "/objections/*", "/css/**", "/js/**", "/webjars/**",
                                "/vendor/**", "/favicon.ico").permitAll()
                        .requestMatchers(HttpMethod.POST, "/complaints/new", "/complaints/lookup", "/complaints/*/information",
                                "/complaints/*/erasure",
                                "/complaints/*/review", "/platform/respond/*", "/platform/self-inspection/*", "/police/answer/*",
                                "/objections/*").permitAll()
                        .requestMatchers("/error").permitAll()
                        // Deploying a model is deploying what every case runs: managers only.
                        .requestMatchers("/models", "/models/**").hasAnyRole(Roles.MANAGERS, Roles.ADMINS)
                        .anyRequest().hasAnyRole(STAFF))
                .httpBasic(basic -> basic.realmName("Qinglang"))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/camunda/app/tasklist/default/", false))
                // Logging out of a webapp (its own logout call) ends the one session too.
                .logout(logout -> logout.logoutRequestMatcher(new OrRequestMatcher(
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/logout"),
                                webappLogout()))
                        .logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoints()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                // The webapps and the engine API bring their own CSRF protection or use HTTP Basic;
                // our JSON API is called without cookies.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**", "/engine-rest/**", "/api/**"))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    /**
     * A webapp's own logout call, which carries the webapps' CSRF header: another site's page cannot
     * send it, so it cannot log anyone out.
     */
    static RequestMatcher webappLogout() {
        RequestMatcher path = webappLogoutPath();
        return request -> path.matches(request) && request.getHeader("X-XSRF-TOKEN") != null;
    }

    /** Built once: the rules are asked about every request, the intake's too. */
    private static final RequestMatcher WEBAPP_LOGOUT_PATH = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/{engine}/logout");

    static RequestMatcher webappLogoutPath() {
        return WEBAPP_LOGOUT_PATH;
    }

    /**
     * Who is asked to log in, and how: a person's browser goes to the login page, the webapps' own
     * calls get a bare 401 (a Basic challenge there would open the browser's password dialog), and
     * API clients get the HTTP Basic challenge.
     */
    static AuthenticationEntryPoint entryPoints() {
        LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> points = new LinkedHashMap<>();
        points.put(PathPatternRequestMatcher.withDefaults().matcher("/camunda/api/**"),
                new HttpStatusEntryPoint(org.springframework.http.HttpStatus.UNAUTHORIZED));
        MediaTypeRequestMatcher pages = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        pages.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
        points.put(pages, new LoginUrlAuthenticationEntryPoint("/login"));
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("Qinglang");
        DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(points);
        entryPoint.setDefaultEntryPoint(basic);
        return entryPoint;
    }

    /**
     * Tasklist, Cockpit and Admin take the user of the staff login (container-based authentication),
     * with the groups the engine's identity service gives them; after Spring Security's filters.
     */
    @Bean
    FilterRegistrationBean<Filter> webappsTakeTheStaffLogin() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
                new ContainerBasedAuthenticationFilter());
        registration.setName("qinglang-webapps-staff-login");
        registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST);
        registration.setOrder(201);
        return registration;
    }

    /** The engine REST API never answers anonymously. */
    @Bean
    FilterRegistrationBean<Filter> engineRestAuthentication() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
                new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(10);
        return registration;
    }

    /** Before anything else on the engine API: changes sent by another site's page are refused. */
    @Bean
    FilterRegistrationBean<Filter> crossSiteEngineCalls(@Value("${qinglang.public-base-url}") String publicBaseUrl) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
                new CrossSiteEngineCalls(publicBaseUrl));
        registration.setName("qinglang-cross-site-engine-calls");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(5);
        return registration;
    }

    /** After authentication, on both copies of the engine API: a task accepts its form's fields only. */
    @Bean
    FilterRegistrationBean<Filter> taskFormInput(TaskForms forms, org.qinglang.common.BilingualTexts shown) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new TaskFormInput(forms, shown));
        registration.setName("qinglang-task-form-input");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(20);
        return registration;
    }

    /** Around every login, before Spring Security and the engine's own checks. */
    @Bean
    LoginThrottle loginThrottle(@Value("${qinglang.security.login.failures-per-address}") int failures,
            @Value("${qinglang.security.login.window}") java.time.Duration window,
            @Value("${qinglang.security.login.lock}") java.time.Duration lock) {
        return new LoginThrottle(failures, window, lock);
    }

    @Bean
    FilterRegistrationBean<Filter> loginThrottleRegistration(LoginThrottle throttle) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(throttle);
        registration.setName("qinglang-login-throttle");
        registration.addUrlPatterns("/*");
        registration.setOrder(org.springframework.boot.autoconfigure.security.SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }
}
