package com.cloudsquad.site;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.support.BrowserJourney;
import com.cloudsquad.support.Browsers;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.WebSession;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * axe-core on every main page, each with real content: a candidate takes a whole SAA-C03 readiness
 * test of the seed bank in the browser (so results, answer review, history and dashboard show a
 * real attempt), and an admin walks through the console. The violations of every page are
 * gathered and reported together, so one run names everything there is to fix.
 */
@CloudSquadIntegrationTest
class AccessibilityJourneyIT extends BrowserJourney {

    private static final String ADMIN = "journey-" + CloudSquadIntegrationTest.ADMIN_EMAIL;
    private static final String CERTIFICATION = "SAA-C03";

    @Autowired
    JdbcClient jdbc;

    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final List<String> checked = new ArrayList<>();

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
    }

    private Page open(BrowserContext context) {
        contexts.add(context);
        return context.newPage();
    }

    /**
     * axe on the page as it is, in the light and in the dark colour scheme (the stylesheet follows
     * the system's); a screenshot to look at; violations kept for the end.
     */
    private void check(Page page, String name) {
        page.waitForLoadState();
        // Content of a closed <details> keeps the style it had when it closed (Chromium skips its
        // style while hidden): opened after the dark/light switch of the previous check, its links
        // fade from the dark scheme's colours for 0.2 s, and axe must not judge a colour mid-fade.
        transitionsDone(page);
        accessibilityViolations(page).forEach(v -> violations.add(name + " " + page.url() + ": " + v));
        Browsers.screenshot(page, "a11y-" + name);
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
        transitionsDone(page);
        List<String> dark = accessibilityViolations(page);
        if (!dark.isEmpty()) {
            dark.forEach(v -> violations.add(name + " (dark) " + page.url() + ": " + v));
            Browsers.screenshot(page, "a11y-" + name + "-dark");
        }
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
        transitionsDone(page);
        checked.add(name);
    }

    /**
     * Pico fades link and button colours (0.2 s transitions): right after the colour scheme
     * switches, axe would measure a colour half-way between the two schemes' (seen on /reviews
     * under load). Measure once the transitions have run.
     */
    private static void transitionsDone(Page page) {
        page.waitForFunction(
                "() => document.getAnimations().filter(a => a instanceof CSSTransition).every(a => a.playState !== 'running')");
    }

    private static void logIn(Page page, String email) {
        page.navigate("/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(WebSession.PASSWORD);
        page.getByLabel("Password").press("Enter");
        assertThat(page.getByTestId("user-name")).hasCount(1); // on a phone the name sits in the menu
    }

    @Test
    void everyMainPageHasNoSeriousOrCriticalViolation() {
        Page visitor = open(newContext());
        visitor.navigate("/");
        check(visitor, "home");
        visitor.navigate("/register");
        check(visitor, "register");
        visitor.navigate("/login");
        check(visitor, "login");

        String email = WebSession.uniqueEmail("axe");
        Page page = open(newContext());
        registerAndLogIn(page, email, "Alex Axe");
        page.navigate("/exams");
        check(page, "exams");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Start " + CERTIFICATION + " readiness test"))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/attempts/\\d+/q/1$"));
        Matcher attempt = Pattern.compile("/attempts/(\\d+)/").matcher(page.url());
        assertThat(attempt.find()).isTrue();
        String base = "/attempts/" + attempt.group(1);
        check(page, "question");

        int total = Integer.parseInt(
                page.getByTestId("answered-count").textContent().replaceAll("^\\d+ of (\\d+) answered$", "$1"));
        for (int n = 1; n <= total; n++) {
            page.getByTestId("option").first().click();
            assertThat(page.getByTestId("save-status")).hasText("✓ Saved");
            if (n == 2) {
                page.locator("#flag-button").click();
                assertThat(page.locator("#flag-button")).hasAttribute("aria-pressed", "true");
                check(page, "question-answered-flagged");
            }
            page.locator("#nav-next").click();
            if (n < total) {
                assertThat(page.locator("#question")).hasAttribute("data-position", String.valueOf(n + 1));
            }
        }
        assertThat(page).hasURL(Pattern.compile(".*" + base + "/review$"));
        check(page, "review-before-submit");

        // the question page on a phone, with the same candidate's attempt still open
        Page phone = open(newPhoneContext());
        logIn(phone, email);
        phone.navigate(base + "/q/3");
        assertNoSidewaysScroll(phone);
        check(phone, "question-phone");
        phone.locator("#nav-panel summary").click();
        check(phone, "question-phone-grid-open");

        page.navigate(base + "/abandon"); // only looked at: the test is submitted below
        check(page, "abandon-confirm");
        page.navigate(base + "/review");
        page.getByTestId("submit").click();
        assertThat(page).hasURL(Pattern.compile(".*" + base + "/results$"));
        assertThat(page.getByTestId("progress-news")).isVisible();
        assertThat(page.getByTestId("analysis-report"))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
        check(page, "results");
        page.navigate(base + "/results?show=all#answers");
        assertThat(page.getByTestId("review-item")).hasCount(total);
        page.getByTestId("explanation").first().locator("summary").click();
        Locator report = page.getByTestId("report-problem").first();
        report.locator("summary").click();
        report.getByRole(AriaRole.RADIO).first().check();
        report.getByLabel("Comment").fill("The explanation could name the service limit.");
        report.getByTestId("send-report").click();
        assertThat(page.getByTestId("report-sent")).isVisible();
        check(page, "answer-review");
        phone.navigate(base + "/results?show=all#answers");
        assertNoSidewaysScroll(phone);
        check(phone, "answer-review-phone");

        page.navigate("/attempts");
        assertThat(page.getByTestId("history-row")).hasCount(1);
        check(page, "history");
        page.navigate("/dashboard");
        check(page, "dashboard");
        phone.navigate("/dashboard");
        assertNoSidewaysScroll(phone);
        check(phone, "dashboard-phone");

        page.navigate("/reviews/mine");
        page.getByLabel("4 stars").check();
        page.getByLabel("What do you think?").fill("Questions close to the real exam.");
        page.getByTestId("save-review").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("your review is published");
        check(page, "my-review");
        visitor.navigate("/reviews");
        check(visitor, "reviews");

        new WebSession(port).register(ADMIN, "Ada Admin"); // registered and confirmed (admin rights need it)
        Page admin = open(newContext());
        logIn(admin, ADMIN);
        long question = jdbc.sql("""
                        SELECT q.id FROM question q JOIN certification c ON c.id = q.certification_id
                        WHERE c.code = ? AND q.status = 'PUBLISHED' ORDER BY q.id LIMIT 1""").param(CERTIFICATION).query(Long.class).single();
        long candidate = jdbc.sql("SELECT id FROM account WHERE email_key = ?")
                .param(email.toLowerCase(java.util.Locale.ROOT))
                .query(Long.class)
                .single();
        for (String[] visit : new String[][] {
            {"/admin", "admin-console"},
            {"/admin/users?q=axe", "admin-users"},
            {"/admin/users/" + candidate + "/disable", "admin-user-disable-confirm"},
            {"/admin/reports", "admin-reports"},
            {"/admin/questions", "admin-questions"},
            {"/admin/questions/new", "admin-question-new"},
            {"/admin/questions/" + question, "admin-question-edit"},
            {"/admin/questions/import", "admin-import"},
            {"/admin/questions/statistics", "admin-item-statistics"},
            {"/admin/questions/" + question + "/statistics", "admin-question-statistics"}
        }) {
            admin.navigate(visit[0]);
            check(admin, visit[1]);
        }
        // the question list once its length check (loaded by htmx) is in
        admin.navigate("/admin/questions");
        assertThat(admin.locator("#length-check[hx-get]")).hasCount(0);
        check(admin, "admin-questions-loaded");

        assertThat(violations)
                .as("serious or critical axe violations on %s", checked)
                .isEmpty();
    }
}
