package com.cloudsquad.account;

import static com.cloudsquad.support.WebSession.PASSWORD;
import static com.cloudsquad.support.WebSession.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.WebSession;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OWASP ASVS checks that apply across the app, driven from the app's own route table so a new
 * endpoint is covered the day it is added.
 */
@CloudSquadIntegrationTest
class SecuritySuiteIT {

    static final RequestPostProcessor ADMIN = user("admin@cloudsquad.test").roles("CANDIDATE", "ADMIN");
    static final RequestPostProcessor CANDIDATE = user("candidate@example.test").roles("CANDIDATE");

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRepository accounts;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Route(HttpMethod method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Every mapped route with its path variables filled in ({id} becomes 1). */
    List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            var methods = info.getMethodsCondition().getMethods();
            for (String pattern : new TreeSet<>(info.getPatternValues())) {
                String path = pattern.replaceAll("\\{[^}]+}", "1");
                if (methods.isEmpty()) {
                    routes.add(new Route(HttpMethod.GET, path));
                }
                for (RequestMethod method : methods) {
                    routes.add(new Route(HttpMethod.valueOf(method.name()), path));
                }
            }
        });
        return routes;
    }

    static boolean changesState(Route route) {
        return !List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS).contains(route.method());
    }

    @Test
    void everyStateChangingRequestIsRefusedWithoutACsrfToken() throws Exception {
        List<Route> stateChanging = new ArrayList<>(routes().stream()
                .filter(SecuritySuiteIT::changesState)
                .filter(r -> !r.path().startsWith("/api/")) // API keys, no cookies: CSRF cannot apply
                .toList());
        stateChanging.add(new Route(HttpMethod.POST, "/login"));
        stateChanging.add(new Route(HttpMethod.POST, "/logout"));
        assertThat(stateChanging).hasSizeGreaterThan(25);

        for (Route route : stateChanging) {
            int status = mvc.perform(request(route.method(), route.path()).with(ADMIN))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(status).as(route.toString()).isEqualTo(403);
        }
    }

    @Test
    void adminRoutesAreForbiddenToCandidatesAndSendAnonymousVisitorsToLogIn() throws Exception {
        List<Route> adminRoutes = routes().stream()
                .filter(r -> r.path().equals("/admin") || r.path().startsWith("/admin/"))
                .toList();
        assertThat(adminRoutes).hasSizeGreaterThan(15);

        for (Route route : adminRoutes) {
            assertThat(mvc.perform(request(route.method(), route.path())
                                    .with(CANDIDATE)
                                    .with(csrf()))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as("candidate: " + route)
                    .isEqualTo(403);
            var anonymous = mvc.perform(request(route.method(), route.path())
                            .accept("text/html,application/xhtml+xml,*/*;q=0.8") // as a browser sends
                            .with(csrf()))
                    .andReturn()
                    .getResponse();
            assertThat(anonymous.getStatus()).as("anonymous: " + route).isEqualTo(302);
            assertThat(anonymous.getRedirectedUrl()).as("anonymous: " + route).endsWith("/login");
        }
    }

    @Test
    void theApiIsClosedToLoggedInCandidatesAndAdminsWithoutAKey() throws Exception {
        List<Route> apiRoutes =
                routes().stream().filter(r -> r.path().startsWith("/api/")).toList();
        assertThat(apiRoutes).isNotEmpty();
        for (Route route : apiRoutes) {
            for (RequestPostProcessor who : List.of(CANDIDATE, ADMIN)) {
                assertThat(mvc.perform(request(route.method(), route.path()).with(who))
                                .andReturn()
                                .getResponse()
                                .getStatus())
                        .as(route.toString())
                        .isEqualTo(401);
            }
        }
    }

    @Test
    void everyPageTypeCarriesTheSecurityHeaders() {
        WebSession anonymous = new WebSession(port);
        WebSession admin = new WebSession(port);
        String email = "journey-" + CloudSquadIntegrationTest.ADMIN_EMAIL;
        admin.register(email, "Ada Admin");
        admin.get("/exams");
        HttpResponse<String> started = admin.post("/exams/SAA-C03/start", Map.of("mode", "PRACTICE", "count", "10"));
        String attempt = WebSession.attemptBase(started);
        assertThat(attempt).matches("/attempts/\\d+");

        Map<String, HttpResponse<String>> pages = new java.util.LinkedHashMap<>();
        for (String path : List.of("/", "/login", "/register", "/no/such/page")) {
            pages.put("anonymous " + path, anonymous.get(path));
        }
        for (String path : List.of(
                "/",
                "/exams",
                attempt + "/q/1",
                attempt + "/results",
                "/attempts",
                "/profile",
                "/admin",
                "/admin/questions",
                "/admin/questions/new",
                "/admin/questions/import",
                "/admin/certifications",
                "/no/such/page")) {
            pages.put(path, admin.get(path));
        }
        pages.forEach((page, response) -> {
            assertThat(response.statusCode()).as(page).isIn(200, 302, 404);
            String csp = response.headers()
                    .firstValue("Content-Security-Policy")
                    .orElseThrow(() -> new AssertionError("no CSP on " + page));
            assertThat(csp)
                    .as(page)
                    .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                    .doesNotContain("unsafe");
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as(page)
                    .hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options"))
                    .as(page)
                    .hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy"))
                    .as(page)
                    .hasValue("strict-origin-when-cross-origin");
        });
    }

    @Test
    void aForwardedHostFromTheClientNeverSteersARedirect() {
        for (String path : List.of("/profile", "/admin", "/exams")) {
            HttpResponse<String> response = new WebSession(port).get(path, "X-Forwarded-Host", "evil.example");
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow())
                    .as(path)
                    .doesNotContain("evil.example");
        }
        String email = uniqueEmail("forwarded");
        WebSession browser = new WebSession(port);
        browser.register(email, "Fred");
        browser.logOut();
        browser.get("/login");
        HttpResponse<String> login = browser.post(
                "/login", Map.of("email", email, "password", PASSWORD), "X-Forwarded-Host", "evil.example");
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("evil.example");
    }

    @Test
    void anAdminWhoseRightsAreTakenAwayLosesThemOnTheNextRequest() {
        String email = uniqueEmail("demoted");
        WebSession browser = new WebSession(port);
        browser.register(email, "Demi");
        assertThat(browser.get("/admin").statusCode()).isEqualTo(403);
        long id = accountId(email);

        assertThat(accounts.grantAdmin(id)).isTrue();
        assertThat(browser.get("/admin").statusCode())
                .as("granted: next request")
                .isEqualTo(200);

        jdbc.sql("UPDATE account SET admin_granted = FALSE, version = version + 1 WHERE id = ?")
                .param(id)
                .update();
        assertThat(browser.get("/admin").statusCode())
                .as("removed: next request")
                .isEqualTo(403);
        assertThat(browser.get("/").body()).doesNotContain("href=\"/admin\"");
    }

    @Test
    void aListedAdminEmailGrantsNothingUntilItsOwnerProvesIt() {
        String email = CloudSquadIntegrationTest.UNPROVEN_ADMIN_EMAIL;
        WebSession squatter = new WebSession(port);
        squatter.register(email.toUpperCase(), "Squatter", PASSWORD);
        squatter.logIn(email, PASSWORD);
        assertThat(squatter.get("/profile").statusCode()).isEqualTo(200);
        assertThat(squatter.get("/admin").statusCode()).as("listed, not proven").isEqualTo(403);

        squatter.confirmEmail(email); // only the reader of the mailbox can do this
        assertThat(squatter.get("/admin").statusCode())
                .as("proven: next request")
                .isEqualTo(200);
    }

    @Test
    void disablingAnAccountEndsItsSessionsOnEveryInstance() {
        String email = uniqueEmail("disable-all");
        WebSession laptop = new WebSession(port);
        laptop.register(email, "Dora");
        WebSession phone = new WebSession(port);
        phone.logIn(email, PASSWORD);
        assertThat(sessionsOf(email)).isEqualTo(2);

        // As another instance would see it: the row changes, no session is touched.
        jdbc.sql("UPDATE account SET disabled = TRUE WHERE email_key = ?")
                .param(email)
                .update();
        assertThat(WebSession.location(phone.get("/profile"))).endsWith("/login");

        assertThat(WebSession.location(laptop.get("/profile"))).endsWith("/login");
        assertThat(sessionsOf(email)).as("both sessions were ended").isZero();
    }

    @Test
    void theSessionIdChangesAtLoginAndLogoutEndsTheSession() {
        String email = uniqueEmail("rotate");
        new WebSession(port).register(email, "Rita");
        WebSession browser = new WebSession(port);
        browser.get("/profile");
        String anonymous = browser.sessionCookie().orElseThrow();
        browser.logIn(email, PASSWORD);
        String loggedIn = browser.sessionCookie().orElseThrow();
        assertThat(loggedIn).isNotEqualTo(anonymous);

        browser.logOut();
        WebSession replay = new WebSession(port);
        replay.useSessionCookie(loggedIn);
        assertThat(WebSession.location(replay.get("/profile"))).endsWith("/login");
    }

    /**
     * The cost of making roles and the disabled state current on every request: one SELECT by
     * primary key. Measured here on the embedded MariaDB (printed; the bound only catches a
     * regression to something much slower, such as a scan).
     */
    @Test
    void theAccessCheckIsOneCheapPrimaryKeyReadPerRequest() {
        String email = uniqueEmail("cost");
        new WebSession(port).register(email, "Cost");
        long id = accountId(email);
        for (int i = 0; i < 500; i++) {
            accounts.findById(id);
        }
        int reads = 3000;
        long start = System.nanoTime();
        for (int i = 0; i < reads; i++) {
            accounts.findById(id);
        }
        double micros = (System.nanoTime() - start) / 1000.0 / reads;
        System.out.printf("Access check: %.0f µs per request (account row by primary key, %d reads)%n", micros, reads);
        assertThat(micros).isLessThan(5000);
        String plan = jdbc.sql("EXPLAIN SELECT * FROM account WHERE id = ?")
                .param(id)
                .query((rs, n) -> rs.getString("type"))
                .single();
        assertThat(plan).isEqualTo("const");
    }

    private long accountId(String email) {
        return jdbc.sql("SELECT id FROM account WHERE email_key = ?")
                .param(Account.emailKey(email))
                .query(Long.class)
                .single();
    }

    private int sessionsOf(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?")
                .param(email)
                .query(Integer.class)
                .single();
    }
}
