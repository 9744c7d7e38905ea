package com.cloudsquad.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.exam.AttemptMode;
import com.cloudsquad.exam.ExamDriver;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.Eventually;
import com.cloudsquad.support.WebSession;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The dashboard, the results page's news fragment and the admin rebuild over real HTTP. */
@CloudSquadIntegrationTest
class DashboardPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProgressStore store;

    ExamDriver exam;
    WebSession alice;
    long aliceId;

    @BeforeEach
    void setUp() {
        exam = ExamDriver.create(context, 12);
        alice = new WebSession(port);
        String email = WebSession.uniqueEmail("alice");
        alice.register(email, "Alice");
        aliceId = jdbc.sql("SELECT id FROM account WHERE email_key = ?")
                .param(email.toLowerCase(java.util.Locale.ROOT))
                .query(Long.class)
                .single();
    }

    String dashboard() {
        return "/dashboard?cert=" + exam.certification().code();
    }

    @Test
    void aNewCandidateIsToldWhatToDoFirst() {
        HttpResponse<String> page = alice.get(dashboard());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("data-testid=\"dashboard-empty\"", "Take a readiness test")
                .contains("Answer 60 more questions in " + exam.certification().code())
                .contains("None yet")
                .doesNotContain("data-testid=\"trend\"");
        assertThat(alice.get("/").body()).contains("href=\"/dashboard\"");
    }

    @Test
    void afterTwoTestsTheDashboardShowsTrendMasteryWeakDomainsAndAchievements() {
        long first = exam.take(aliceId, AttemptMode.READINESS, p -> p <= 4);
        long second = exam.take(aliceId, AttemptMode.READINESS, p -> p <= 7);
        Eventually.until(
                "both recorded",
                () -> store.attempt(first).isPresent() && store.attempt(second).isPresent());

        String body = alice.get(dashboard()).body();

        assertThat(body)
                .contains("data-testid=\"trend\"", "<svg", "<polyline", "data-testid=\"trend-table\"")
                .contains("data-testid=\"mastery\"", "First test", "First pass")
                .contains("data-testid=\"recent-attempts\"")
                .doesNotContain("dashboard-empty")
                .doesNotContain("style=");
        if (body.contains("data-testid=\"weak-domains\"")) {
            assertThat(body).contains("name=\"mode\" value=\"DRILL\"", "Drill this");
        }
    }

    /**
     * The dashboard's progress part is kept between attempts (per progress revision). Nothing
     * tells the kept copy that an attempt was recorded, as nothing would on another instance: the
     * revision read with the totals does, so the next attempt shows as soon as it is recorded.
     */
    @Test
    void aKeptDashboardShowsTheNextAttemptAsSoonAsItIsRecorded() {
        long first = exam.take(aliceId, AttemptMode.READINESS, p -> p <= 4);
        Eventually.until("recorded", () -> store.attempt(first).isPresent());
        String before = alice.get(dashboard()).body();
        assertThat(alice.get(dashboard()).body()).contains("/attempts/" + first + "/results");
        assertThat(before).contains("/attempts/" + first + "/results");

        long second = exam.take(aliceId, AttemptMode.READINESS, p -> p <= 7);
        Eventually.until("recorded", () -> store.attempt(second).isPresent());

        String after = alice.get(dashboard()).body();
        assertThat(after)
                .contains("/attempts/" + second + "/results", "/attempts/" + first + "/results")
                .contains("First pass");
        assertThat(before).doesNotContain("/attempts/" + second + "/results");
    }

    /** Open attempts are exam's: they are read on every request, never kept with the progress. */
    @Test
    void anAttemptStartedAfterTheDashboardWasKeptIsOfferedToResume() {
        long first = exam.take(aliceId, AttemptMode.READINESS, p -> p <= 4);
        Eventually.until("recorded", () -> store.attempt(first).isPresent());
        assertThat(alice.get(dashboard()).body()).doesNotContain("data-testid=\"dashboard-resume\"");

        long open = exam.start(aliceId, AttemptMode.PRACTICE, 10, null);

        assertThat(alice.get(dashboard()).body())
                .contains("data-testid=\"dashboard-resume\"", "href=\"/attempts/" + open + "\"")
                .contains("/attempts/" + first + "/results");
    }

    /** A kept part holds forms (Drill this) with a CSRF token: another browser gets its own token. */
    @Test
    void anotherBrowserGetsTheKeptDashboardWithItsOwnCsrfToken() {
        long first = exam.take(aliceId, AttemptMode.READINESS, p -> p <= 2);
        Eventually.until("recorded", () -> store.attempt(first).isPresent());
        String mine = alice.get(dashboard()).body();
        assertThat(mine).contains("Drill this");

        WebSession otherBrowser = new WebSession(port);
        otherBrowser.useSessionCookie(alice.sessionCookie().orElseThrow());
        otherBrowser.get(dashboard()); // gets its CSRF cookie
        String theirs = otherBrowser.get(dashboard()).body();
        assertThat(theirs).contains("Drill this", "/attempts/" + first + "/results");
        String weak = theirs.substring(theirs.indexOf("data-testid=\"weak-domains\""));
        java.util.regex.Matcher form = java.util.regex.Pattern.compile(
                        "name=\"_csrf\" value=\"([^\"]+)\"(?s).*?name=\"domain\" value=\"(\\d+)\"")
                .matcher(weak);
        assertThat(form.find()).isTrue();

        // the token of the kept form itself (not the header's logout form)
        HttpResponse<String> drill = otherBrowser.post(
                "/exams/" + exam.certification().code() + "/start",
                Map.of("mode", "DRILL", "domain", form.group(2), "_csrf", form.group(1)));
        assertThat(drill.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(drill)).matches("/attempts/\\d+/q/1");
    }

    @Test
    void anHtmxRequestGetsTheDashboardWithoutTheLayout() {
        HttpResponse<String> fragment = alice.get(dashboard(), "HX-Request", "true");

        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).contains("id=\"dashboard\"").doesNotContain("<html", "site-header");
    }

    @Test
    void theResultsPageAsksForTheAttemptsNewsAndOnlyItsOwnerGetsThem() {
        long attempt = exam.take(aliceId, AttemptMode.READINESS, p -> p <= 8);
        Eventually.until("recorded", () -> store.attempt(attempt).isPresent());

        assertThat(alice.get("/attempts/" + attempt + "/results").body())
                .contains("hx-get=\"/progress/attempts/" + attempt + "/news\"");
        HttpResponse<String> news = alice.get("/progress/attempts/" + attempt + "/news", "HX-Request", "true");
        assertThat(news.statusCode()).isEqualTo(200);
        assertThat(news.body())
                .contains("New: First test", "New: First pass", "XP", "See your dashboard")
                .doesNotContain("<html");

        WebSession bob = new WebSession(port);
        bob.register(WebSession.uniqueEmail("bob"), "Bob");
        assertThat(bob.get("/progress/attempts/" + attempt + "/news", "HX-Request", "true")
                        .statusCode())
                .isEqualTo(404);
        assertThat(bob.get("/progress/attempts/999999999/news", "HX-Request", "true")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void onlyAnAdminRebuildsProgressAndOnlyWithTheCsrfToken() {
        long attempt = exam.take(aliceId, AttemptMode.READINESS, p -> true);
        Eventually.until("recorded", () -> store.attempt(attempt).isPresent());
        long xp = store.totals(aliceId)[0];

        alice.get("/");
        assertThat(alice.post("/admin/progress/rebuild", Map.of()).statusCode()).isEqualTo(403);

        WebSession admin = new WebSession(port);
        // the journeys' admin (listed in APP_ADMIN_EMAILS): registered and confirmed on first use
        // (admin rights need a confirmed address), only logged in later, whichever test runs first
        admin.register("journey-" + CloudSquadIntegrationTest.ADMIN_EMAIL, "Ada Admin");
        assertThat(admin.postRaw("/admin/progress/rebuild", Map.of()).statusCode())
                .as("no CSRF token")
                .isEqualTo(403);
        admin.get("/admin");
        HttpResponse<String> rebuilt = admin.post("/admin/progress/rebuild", Map.of());
        assertThat(rebuilt.statusCode()).isEqualTo(302);
        assertThat(admin.get(WebSession.location(rebuilt)).body()).contains("Progress rebuilt from");
        assertThat(store.totals(aliceId)[0]).isEqualTo(xp);
    }
}
