package com.cloudsquad.account;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** No inline script or style anywhere: every script and stylesheet is a file of ours. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    static final RequestMatcher HTMX_REQUEST = new RequestHeaderRequestMatcher("HX-Request", "true");

    /** The automation API: API keys only, no session, no CSRF (no cookie is ever used). */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeys keys) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(
                        requests -> requests.anyRequest().hasAuthority(ApiKeyAuthenticationFilter.API_ROLE))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys), AuthorizationFilter.class)
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(
                        (request, response, e) -> ApiKeyAuthenticationFilter.problem(
                                response, HttpStatus.UNAUTHORIZED, "Missing or invalid API key", "Send an API key.")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(
            HttpSecurity http,
            SecurityContextRepository contexts,
            AccountRepository accounts,
            AccountUserDetailsService users,
            LoginSessions loginSessions,
            LoginDevices devices)
            throws Exception {
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        // After login, go back to the page that asked for it, never to an htmx fragment URL.
        requestCache.setRequestMatcher(request -> !HTMX_REQUEST.matches(request) && "GET".equals(request.getMethod()));
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/",
                                "/register",
                                "/login",
                                "/reviews",
                                "/verify-email",
                                DevOutboxController.PATH,
                                "/error",
                                "/assets/**",
                                "/webjars/**",
                                "/actuator/health",
                                "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/admin", "/admin/**", "/actuator/**")
                        .hasAuthority(Roles.ADMIN)
                        .anyRequest()
                        .authenticated())
                .formLogin(login -> login.loginPage("/login")
                        .usernameParameter("email")
                        .authenticationDetailsSource(LoginDetails::new)
                        .successHandler(rememberDeviceThen(requestCache, devices))
                        .failureHandler(loginFailureHandler()))
                // The CSRF token lives in a cookie, not in the session: showing the login or
                // registration form stores nothing on the server (a session is made only when a
                // form is posted).
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()))
                .addFilterBefore(
                        new AccessRefreshFilter(accounts, users, loginSessions), AnonymousAuthenticationFilter.class)
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/?loggedOut")
                        .invalidateHttpSession(true)
                        .deleteCookies("CLOUDSQUAD_SESSION"))
                .requestCache(cache -> cache.requestCache(requestCache))
                .securityContext(context -> context.securityContextRepository(contexts))
                .exceptionHandling(exceptions ->
                        exceptions.defaultAuthenticationEntryPointFor(new HtmxLoginRedirect("/login"), HTMX_REQUEST))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /**
     * No Micrometer observation around each security filter (a timer start and stop for every one
     * of ~15 filters on every request: ~5 % of a page's CPU in the profile). Requests are still
     * timed whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    /**
     * PBKDF2 (OWASP's parameters via Spring Security's v5.8 defaults) rather than bcrypt, whose
     * 72-byte limit would refuse long passphrases. The {id} prefix lets the algorithm change later.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        String id = "pbkdf2@SpringSecurity_v5_8";
        return new DelegatingPasswordEncoder(id, Map.of(id, Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }

    static CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName(com.cloudsquad.platform.RenderedFragments.CSRF_COOKIE);
        tokens.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Lax"));
        return tokens;
    }

    /** Back to the page that asked for the login, after marking this browser as known for the account. */
    private static AuthenticationSuccessHandler rememberDeviceThen(RequestCache requestCache, LoginDevices devices) {
        SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();
        redirect.setRequestCache(requestCache);
        redirect.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            devices.remember(authentication.getName(), request, response);
            redirect.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /**
     * Unknown email and wrong password read the same; a throttled try is told how long to wait; a
     * disabled account is told so (only reached with the right password).
     */
    private static AuthenticationFailureHandler loginFailureHandler() {
        SessionFlashMapManager flashMaps = new SessionFlashMapManager();
        return (request, response, exception) -> {
            FlashMap flash = new FlashMap();
            flash.put("email", request.getParameter("email"));
            if (exception instanceof LoginThrottledException throttled) {
                flash.put("loginError", throttled.byAddress() ? "login.throttledAddress" : "login.throttled");
                flash.put("wait", throttled.waitText());
            } else if (exception instanceof DisabledException) {
                flash.put("loginError", "login.disabled");
            } else {
                flash.put("loginError", "login.failed");
            }
            flashMaps.saveOutputFlashMap(flash, request, response);
            response.sendRedirect(request.getContextPath() + "/login");
        };
    }
}
