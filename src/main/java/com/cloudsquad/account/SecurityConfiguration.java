package com.cloudsquad.account;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
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
    SecurityFilterChain webSecurity(HttpSecurity http, SecurityContextRepository contexts) throws Exception {
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        // After login, go back to the page that asked for it, never to an htmx fragment URL.
        requestCache.setRequestMatcher(request -> !HTMX_REQUEST.matches(request) && "GET".equals(request.getMethod()));
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/",
                                "/register",
                                "/login",
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
                        .failureHandler(loginFailureHandler())
                        .defaultSuccessUrl("/", false))
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

    /** Unknown email and wrong password read the same; a throttled account is told how long to wait. */
    private static AuthenticationFailureHandler loginFailureHandler() {
        SessionFlashMapManager flashMaps = new SessionFlashMapManager();
        return (request, response, exception) -> {
            FlashMap flash = new FlashMap();
            flash.put("email", request.getParameter("email"));
            if (exception instanceof LoginThrottledException throttled) {
                flash.put("loginError", "login.throttled");
                flash.put("minutes", throttled.minutesRemaining());
            } else {
                flash.put("loginError", "login.failed");
            }
            flashMaps.saveOutputFlashMap(flash, request, response);
            response.sendRedirect(request.getContextPath() + "/login");
        };
    }
}
