package com.cloudsquad.account;

import static com.cloudsquad.support.WebSession.PASSWORD;
import static com.cloudsquad.support.WebSession.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.WebSession;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@CloudSquadIntegrationTest
class SessionSecurityIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSessionIdChangesAtLogin() {
        String email = uniqueEmail("fixation");
        new WebSession(port).register(email, "Fia");
        WebSession browser = new WebSession(port);
        browser.get("/login");
        String before = browser.sessionCookie().orElseThrow();

        browser.post("/login", Map.of("email", email, "password", PASSWORD));

        assertThat(browser.sessionCookie()).isPresent().get().isNotEqualTo(before);
    }

    @Test
    void afterLogoutTheOldCookieNoLongerWorks() {
        String email = uniqueEmail("replay");
        WebSession browser = new WebSession(port);
        browser.register(email, "Rae");
        String cookie = browser.sessionCookie().orElseThrow();
        assertThat(sessionsOf(email)).isEqualTo(1);

        HttpResponse<String> logout = browser.logOut();
        assertThat(WebSession.location(logout)).isEqualTo("/?loggedOut");

        WebSession attacker = new WebSession(port);
        attacker.useSessionCookie(cookie);
        HttpResponse<String> replay = attacker.get("/profile");
        assertThat(replay.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(replay)).endsWith("/login");
        assertThat(sessionsOf(email)).isZero();
    }

    @Test
    void sessionsAreStoredInTheDatabaseNotInTheServer() {
        String email = uniqueEmail("jdbc");
        new WebSession(port).register(email, "Jo");
        assertThat(sessionsOf(email)).isEqualTo(1);
    }

    @Test
    void aPostWithoutCsrfTokenIsRefused() {
        WebSession browser = new WebSession(port);
        browser.register(uniqueEmail("csrf"), "Cy");

        HttpResponse<String> forged = browser.postRaw("/profile", Map.of("displayName", "Hacked", "timeZone", "UTC"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(browser.get("/profile").body()).doesNotContain("Hacked");
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        HttpResponse<String> home = new WebSession(port).get("/");

        String csp = home.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .contains("frame-ancestors 'none'")
                .contains("script-src 'self'")
                .doesNotContain("unsafe");
        assertThat(home.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(home.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(home.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndSecureBehindHttps() {
        WebSession browser = new WebSession(port);
        HttpResponse<String> plain = browser.get("/login");
        String cookie = plain.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");

        HttpResponse<String> behindLoadBalancer = new WebSession(port).get("/login", "X-Forwarded-Proto", "https");
        assertThat(behindLoadBalancer.headers().firstValue("Set-Cookie").orElseThrow())
                .contains("Secure")
                .contains("HttpOnly");
    }

    @Test
    void anAnonymousVisitToTheHomePageCreatesNoSession() {
        HttpResponse<String> home = new WebSession(port).get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void anHtmxRequestWithoutSessionIsSentToTheLoginPageAsAWholePage() {
        HttpResponse<String> fragment = new WebSession(port).get("/profile", "HX-Request", "true");

        assertThat(fragment.statusCode()).isEqualTo(401);
        assertThat(fragment.headers().firstValue("HX-Redirect")).hasValue("/login");
        assertThat(fragment.body()).doesNotContain("<form");
    }

    @Test
    void aLoggedOutPageRequestRedirectsToLoginAndBackAfterwards() {
        String email = uniqueEmail("back");
        new WebSession(port).register(email, "Bo");
        WebSession browser = new WebSession(port);

        HttpResponse<String> profile = browser.get("/profile");
        assertThat(WebSession.location(profile)).endsWith("/login");
        HttpResponse<String> login = browser.logIn(email, PASSWORD);

        assertThat(WebSession.location(login)).endsWith("/profile?continue");
    }

    private int sessionsOf(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?")
                .param(email)
                .query(Integer.class)
                .single();
    }
}
