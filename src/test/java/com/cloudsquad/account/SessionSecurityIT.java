package com.cloudsquad.account;

import static com.cloudsquad.support.WebSession.PASSWORD;
import static com.cloudsquad.support.WebSession.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.WebSession;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.web.context.WebApplicationContext;

@CloudSquadIntegrationTest
class SessionSecurityIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebApplicationContext context;

    /**
     * MockMvc's csrf() (used by other tests of the run) swaps the shared CsrfFilter's repository for
     * a session-based test one; the real server here must use the application's cookie repository.
     */
    @BeforeEach
    void applicationCsrfRepository() {
        WebTestUtils.setCsrfTokenRepository(
                new MockHttpServletRequest(context.getServletContext()), SecurityConfiguration.csrfTokens());
    }

    @Test
    void theSessionIdChangesAtLogin() {
        String email = uniqueEmail("fixation");
        new WebSession(port).register(email, "Fia");
        WebSession browser = new WebSession(port);
        browser.get("/profile"); // remembered for after the login: this makes a session
        String before = browser.sessionCookie().orElseThrow();

        browser.logIn(email, PASSWORD);

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
        for (String name : List.of(WebSession.SESSION_COOKIE, "CLOUDSQUAD_CSRF")) {
            String path = name.equals(WebSession.SESSION_COOKIE) ? "/profile" : "/login";
            String cookie = cookie(new WebSession(port).get(path), name);
            assertThat(cookie)
                    .as(name)
                    .contains("HttpOnly")
                    .contains("SameSite=Lax")
                    .doesNotContain("Secure");

            String behindLoadBalancer = cookie(new WebSession(port).get(path, "X-Forwarded-Proto", "https"), name);
            assertThat(behindLoadBalancer).as(name).contains("Secure").contains("HttpOnly");
        }
    }

    @Test
    void showingTheLoginAndRegistrationFormsStoresNoSessionAndTheirTokensStillWork() {
        int before = allSessions();
        for (int i = 0; i < 20; i++) {
            for (String path : List.of("/login", "/register")) {
                HttpResponse<String> page = new WebSession(port).get(path);
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.headers().allValues("Set-Cookie"))
                        .noneMatch(c -> c.startsWith(WebSession.SESSION_COOKIE));
            }
        }
        assertThat(allSessions()).isLessThanOrEqualTo(before);

        String email = uniqueEmail("cookie-csrf");
        new WebSession(port).register(email, "Cora");
        WebSession browser = new WebSession(port);
        assertThat(WebSession.location(browser.logIn(email, PASSWORD))).isEqualTo("/");
        WebSession forger = new WebSession(port);
        forger.get("/login");
        assertThat(forger.postRaw("/login", Map.of("email", email, "password", PASSWORD))
                        .statusCode())
                .as("no token, no login")
                .isEqualTo(403);
    }

    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers()));
    }

    private int allSessions() {
        return jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION")
                .query(Integer.class)
                .single();
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
