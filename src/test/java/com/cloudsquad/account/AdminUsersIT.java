package com.cloudsquad.account;

import static com.cloudsquad.support.WebSession.location;
import static com.cloudsquad.support.WebSession.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.WebSession;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** /admin/users on the real database, through real HTTP sessions with cookies and CSRF. */
@CloudSquadIntegrationTest
class AdminUsersIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAdministration administration;

    @Autowired
    AccountRepository accounts;

    /** The listed admin of the test run, logged in (registered and confirmed on first use). */
    private WebSession admin() {
        WebSession admin = new WebSession(port);
        admin.register(CloudSquadIntegrationTest.ADMIN_EMAIL, "Ada Admin");
        admin.get("/admin"); // the CSRF token after login (logging in rotates it)
        return admin;
    }

    private long idOf(String email) {
        return jdbc.sql("SELECT id FROM account WHERE email_key = ?")
                .param(Account.emailKey(email))
                .query(Long.class)
                .single();
    }

    private List<String> auditEntries(String action, long accountId) {
        return jdbc.sql(
                        "SELECT CONCAT(actor, ' ', action, ' ', target) FROM admin_audit WHERE action = ? AND target LIKE ?"
                                + " ORDER BY id")
                .params(action, "account " + accountId + " %")
                .query(String.class)
                .list();
    }

    /** Follows the redirect after an admin action and returns the flash message shown. */
    private static String flash(WebSession browser, HttpResponse<String> redirect) {
        assertThat(redirect.statusCode()).as("an action redirects").isEqualTo(302);
        Document page = Jsoup.parse(browser.get(location(redirect)).body());
        return page.select(".flash, .form-error").text();
    }

    private static String q(String email) {
        return URLEncoder.encode(email, StandardCharsets.UTF_8);
    }

    @Test
    void disablingEndsTheUsersLiveSessionAtOnceAndBlocksLoginUntilEnabled() {
        WebSession admin = admin();
        String email = uniqueEmail("dis");
        WebSession user = new WebSession(port);
        user.register(email, "Dora Disabled");
        assertThat(user.get("/profile").statusCode()).isEqualTo(200);
        long id = idOf(email);

        Document list = Jsoup.parse(admin.get("/admin/users?q=" + q(email)).body());
        assertThat(list.select("[data-testid=user-row]")).hasSize(1);
        assertThat(list.select("[data-testid=user-row]").text()).contains("Dora Disabled", "Active", "Candidate");
        Document confirm = Jsoup.parse(
                admin.get("/admin/users/" + id + "/disable?q=" + q(email)).body());
        assertThat(confirm.select("h1").text()).isEqualTo("Disable " + email + "?");

        String notice = flash(admin, admin.post("/admin/users/" + id + "/disable", Map.of("q", email)));

        assertThat(notice).isEqualTo(email + " is disabled and logged out everywhere.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?")
                        .param(Account.emailKey(email))
                        .query(Long.class)
                        .single())
                .as("no session of the disabled user is left")
                .isZero();
        assertThat(location(user.get("/profile")))
                .as("the open session is logged out")
                .isEqualTo("/login");
        WebSession again = new WebSession(port);
        assertThat(location(again.logIn(email, WebSession.PASSWORD))).isEqualTo("/login");
        assertThat(again.get("/login").body()).contains("This account is disabled.");
        assertThat(Jsoup.parse(admin.get("/admin/users?q=" + q(email)).body())
                        .select("[data-testid=user-row]")
                        .text())
                .contains("Disabled");
        assertThat(auditEntries("account.disable", id))
                .containsExactly(CloudSquadIntegrationTest.ADMIN_EMAIL + " account.disable account " + id + " ("
                        + Account.emailKey(email) + ")");

        assertThat(flash(admin, admin.post("/admin/users/" + id + "/enable", Map.of("q", email))))
                .isEqualTo(email + " is enabled and may log in again.");
        assertThat(location(new WebSession(port).logIn(email, WebSession.PASSWORD)))
                .isEqualTo("/");
        assertThat(auditEntries("account.enable", id)).hasSize(1);
    }

    @Test
    void makingAndRemovingAdminTakesEffectOnTheUsersNextRequest() {
        WebSession admin = admin();
        String email = uniqueEmail("promoted");
        WebSession user = new WebSession(port);
        user.register(email, "Pat Promoted");
        long id = idOf(email);
        assertThat(user.get("/admin").statusCode()).isEqualTo(403);

        assertThat(flash(admin, admin.post("/admin/users/" + id + "/make-admin", Map.of("q", email))))
                .isEqualTo(email + " is now an admin, from their next page on.");

        assertThat(user.get("/admin").statusCode())
                .as("admin on the next request")
                .isEqualTo(200);
        assertThat(Jsoup.parse(admin.get("/admin/users?q=" + q(email)).body())
                        .select("[data-testid=user-row]")
                        .text())
                .contains("Admin");
        Document confirm =
                Jsoup.parse(admin.get("/admin/users/" + id + "/remove-admin").body());
        assertThat(confirm.select("h1").text()).isEqualTo("Remove admin rights from " + email + "?");

        assertThat(flash(admin, admin.post("/admin/users/" + id + "/remove-admin", Map.of("q", email))))
                .isEqualTo(email + " is no longer an admin, from their next page on.");

        assertThat(user.get("/admin").statusCode())
                .as("a candidate again on the next request")
                .isEqualTo(403);
        assertThat(user.get("/profile").statusCode()).as("still logged in").isEqualTo(200);
        assertThat(auditEntries("account.make-admin", id)).hasSize(1);
        assertThat(auditEntries("account.remove-admin", id)).hasSize(1);
    }

    @Test
    void anAdminCannotDisableThemselvesNorRemoveAListedAdmin() {
        WebSession admin = admin();
        long self = idOf(CloudSquadIntegrationTest.ADMIN_EMAIL);
        Document list = Jsoup.parse(admin.get("/admin/users?q=" + q(CloudSquadIntegrationTest.ADMIN_EMAIL))
                .body());
        assertThat(list.select("[data-testid=user-row] [data-testid=disable]"))
                .as("no disable link for oneself")
                .isEmpty();

        assertThat(flash(admin, admin.post("/admin/users/" + self + "/disable", Map.of())))
                .isEqualTo("You cannot disable your own account.");
        assertThat(flash(admin, admin.post("/admin/users/" + self + "/remove-admin", Map.of())))
                .isEqualTo("This account is an admin through APP_ADMIN_EMAILS; remove it from that setting instead.");

        assertThat(admin.get("/admin").statusCode()).isEqualTo(200);
        assertThat(auditEntries("account.disable", self)).isEmpty();
    }

    @Test
    void theUnfilteredListPagesEveryAccountInEmailOrder() {
        WebSession admin = admin();
        for (int i = 0; i < 3; i++) {
            new WebSession(port).register(uniqueEmail("list-all"), "Listed " + i, WebSession.PASSWORD);
        }
        List<String> expected = jdbc.sql("SELECT email FROM account ORDER BY email_key LIMIT ?")
                .param(2 * AdminUserController.PAGE_SIZE)
                .query(String.class)
                .list();
        List<String> shown = new ArrayList<>();
        for (int page = 0; page < 2; page++) {
            Jsoup.parse(admin.get("/admin/users?page=" + page).body())
                    .select("[data-testid=user-row]")
                    .forEach(row -> shown.add(row.attr("data-email")));
        }
        assertThat(shown).as("two pages of everyone, by email, no gaps").isEqualTo(expected);
    }

    @Test
    void searchFindsAccountsByTheStartOfTheirEmailOrNameAndPages() {
        WebSession admin = admin();
        String tag = "srch" + Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < 27; i++) {
            new WebSession(port)
                    .register(tag + "-" + (char) ('a' + i % 26) + i + "@example.test", "Name" + i, WebSession.PASSWORD);
        }
        new WebSession(port).register(uniqueEmail("other"), tag.toUpperCase() + " Byname", WebSession.PASSWORD);

        Document first = Jsoup.parse(admin.get("/admin/users?q=" + tag).body());
        assertThat(first.select("[data-testid=user-row]")).hasSize(AdminUserController.PAGE_SIZE);
        assertThat(first.select("a[rel=next]")).hasSize(1);
        Document second =
                Jsoup.parse(admin.get("/admin/users?q=" + tag + "&page=1").body());
        assertThat(second.select("[data-testid=user-row]")).hasSize(28 - AdminUserController.PAGE_SIZE);
        assertThat(first.select("[data-testid=user-row]").text()
                        + second.select("[data-testid=user-row]").text())
                .as("found by name too")
                .contains(tag.toUpperCase() + " Byname");

        Document wildcard =
                Jsoup.parse(admin.get("/admin/users?q=" + q("%" + tag)).body());
        assertThat(wildcard.select("[data-testid=no-users]").text())
                .as("wildcards are taken literally")
                .contains("No account");
    }

    @Test
    void twoAdminsRemovingEachOtherAtOnceLeaveExactlyOneAndTheLastAdminCannotBeRemoved() throws Exception {
        WebSession listed = admin();
        String emailA = uniqueEmail("admin-a");
        String emailB = uniqueEmail("admin-b");
        WebSession a = new WebSession(port);
        a.register(emailA, "Admin A");
        WebSession b = new WebSession(port);
        b.register(emailB, "Admin B");
        long idA = idOf(emailA);
        long idB = idOf(emailB);
        listed.post("/admin/users/" + idA + "/make-admin", Map.of());
        listed.post("/admin/users/" + idB + "/make-admin", Map.of());
        a.get("/admin/users");
        b.get("/admin/users");
        // Only A and B are admins while this test runs: every other admin is disabled, then restored.
        List<Long> others = otherAdmins(idA, idB);
        jdbc.sql("UPDATE account SET disabled = TRUE WHERE id IN (:ids)")
                .param("ids", others)
                .update();
        try {
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<HttpResponse<String>>> both = new ArrayList<>();
            for (Callable<HttpResponse<String>> removal : List.<Callable<HttpResponse<String>>>of(
                    () -> {
                        start.await();
                        return a.post("/admin/users/" + idB + "/remove-admin", Map.of());
                    },
                    () -> {
                        start.await();
                        return b.post("/admin/users/" + idA + "/remove-admin", Map.of());
                    })) {
                both.add(pool.submit(removal));
            }
            start.countDown();
            for (Future<HttpResponse<String>> f : both) {
                f.get();
            }
            pool.shutdown();

            boolean aAdmin = administration.isAdmin(accounts.findById(idA).orElseThrow());
            boolean bAdmin = administration.isAdmin(accounts.findById(idB).orElseThrow());
            assertThat(aAdmin ^ bAdmin)
                    .as("exactly one of the two is still admin")
                    .isTrue();
            assertThat(auditEntries("account.remove-admin", idA).size()
                            + auditEntries("account.remove-admin", idB).size())
                    .isEqualTo(1);

            WebSession survivor = aAdmin ? a : b;
            long survivorId = aAdmin ? idA : idB;
            assertThat(survivor.get("/admin/users").statusCode()).isEqualTo(200);
            assertThat(flash(survivor, survivor.post("/admin/users/" + survivorId + "/remove-admin", Map.of())))
                    .isEqualTo("This is the last admin: make someone else admin first.");
            assertThat(administration.isAdmin(accounts.findById(survivorId).orElseThrow()))
                    .isTrue();
        } finally {
            jdbc.sql("UPDATE account SET disabled = FALSE WHERE id IN (:ids)")
                    .param("ids", others)
                    .update();
        }
    }

    private List<Long> otherAdmins(long... except) {
        List<Long> ids = new ArrayList<>(jdbc.sql(
                        "SELECT id FROM account WHERE disabled = FALSE AND (admin_granted = TRUE OR email_key IN (?, ?))")
                .params(CloudSquadIntegrationTest.ADMIN_EMAIL, "journey-" + CloudSquadIntegrationTest.ADMIN_EMAIL)
                .query(Long.class)
                .list());
        for (long id : except) {
            ids.remove(id);
        }
        return ids;
    }

    @Test
    void everyNewAdminRouteIsForbiddenToCandidatesAndSendsAnonymousVisitorsToLogin() {
        long someone = idOf(registerSomeone());
        List<String> pages = List.of(
                "/admin/users",
                "/admin/users?q=a",
                "/admin/users/" + someone + "/disable",
                "/admin/users/" + someone + "/remove-admin",
                "/admin/audit");
        List<String> actions = List.of(
                "/admin/users/" + someone + "/disable",
                "/admin/users/" + someone + "/enable",
                "/admin/users/" + someone + "/make-admin",
                "/admin/users/" + someone + "/remove-admin");
        WebSession candidate = new WebSession(port);
        candidate.register(uniqueEmail("nosy"), "Nosy");
        WebSession anonymous = new WebSession(port);
        for (String page : pages) {
            assertThat(candidate.get(page).statusCode())
                    .as("candidate GET %s", page)
                    .isEqualTo(403);
            assertThat(location(anonymous.get(page)))
                    .as("anonymous GET %s", page)
                    .isEqualTo("/login");
        }
        candidate.get("/profile");
        anonymous.get("/login");
        for (String action : actions) {
            assertThat(candidate.post(action, Map.of()).statusCode())
                    .as("candidate POST %s", action)
                    .isEqualTo(403);
            assertThat(location(anonymous.post(action, Map.of())))
                    .as("anonymous POST %s", action)
                    .isEqualTo("/login");
        }
        assertThat(accounts.findById(someone).orElseThrow().isDisabled()).isFalse();
    }

    private String registerSomeone() {
        String email = uniqueEmail("target");
        new WebSession(port).register(email, "Target", WebSession.PASSWORD);
        return email;
    }
}
