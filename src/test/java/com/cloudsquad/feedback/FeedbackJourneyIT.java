package com.cloudsquad.feedback;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.cloudsquad.exam.AttemptMode;
import com.cloudsquad.exam.ExamDriver;
import com.cloudsquad.support.BrowserJourney;
import com.cloudsquad.support.Browsers;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.WebSession;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In Chromium: a candidate reports a problem from the answer review and sees an admin resolve it;
 * a candidate reviews the platform and an admin hides the review from the public page. Desktop and
 * phone, axe on every new page.
 */
@CloudSquadIntegrationTest
class FeedbackJourneyIT extends BrowserJourney {

    @Autowired
    ApplicationContext app;

    @Autowired
    JdbcClient jdbc;

    static ExamDriver exam;

    final List<BrowserContext> contexts = new ArrayList<>();
    final String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    @BeforeEach
    void fixture() {
        if (exam == null) {
            exam = ExamDriver.create(app, 12);
        }
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
    }

    Page newPage() {
        BrowserContext context = newContext();
        contexts.add(context);
        return context.newPage();
    }

    /**
     * Registers over HTTP (a client address of its own) and logs in in the browser: browser
     * registrations all come from the loopback address, whose hourly registration limit the other
     * journeys need.
     */
    long candidate(Page page, String name) {
        String email = WebSession.uniqueEmail(name.split(" ")[0].toLowerCase(Locale.ROOT));
        new WebSession(port).register(email, name);
        logIn(page, email);
        return jdbc.sql("SELECT id FROM account WHERE email_key = ?")
                .param(email.toLowerCase(Locale.ROOT))
                .query(Long.class)
                .single();
    }

    Page admin() {
        Page page = newPage();
        String email = "journey-" + CloudSquadIntegrationTest.ADMIN_EMAIL;
        new WebSession(port).register(email, "Ada Admin");
        logIn(page, email);
        return page;
    }

    static void logIn(Page page, String email) {
        page.navigate("/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(WebSession.PASSWORD);
        page.getByLabel("Password").press("Enter");
        assertThat(page.getByTestId("user-name")).isVisible();
    }

    /** axe and no sideways scroll at desktop size and at 390 x 844, with a screenshot of each. */
    static void checkPage(Page page, String screenshot) {
        assertAccessible(page);
        assertNoSidewaysScroll(page);
        Browsers.screenshot(page, screenshot + "-desktop");
        page.setViewportSize(390, 844);
        page.reload();
        assertAccessible(page);
        assertNoSidewaysScroll(page);
        Browsers.screenshot(page, screenshot + "-phone");
        page.setViewportSize(1280, 900);
    }

    /** One element's screenshot: the answer review's page is too long to read whole. */
    static void shoot(Locator element, String name) {
        element.screenshot(new Locator.ScreenshotOptions()
                .setPath(java.nio.file.Path.of(System.getProperty("screenshots.dir", "target/screenshots"))
                        .resolve(name + ".png")));
    }

    @Test
    void aCandidateReportsAProblemFromTheAnswerReviewAndSeesAnAdminResolveIt() {
        Page candidate = newPage();
        long id = candidate(candidate, "Rita Report");
        long attempt = exam.take(id, AttemptMode.READINESS, p -> false);

        candidate.navigate("/attempts/" + attempt + "/results");
        Locator first = candidate.getByTestId("review-item").first();
        first.getByTestId("report-problem").locator("summary").click();
        first.getByLabel("Wrong answer key").check();
        first.getByLabel("Comment").fill("The key should be B " + marker);
        shoot(first, "80-report-form");
        first.getByTestId("send-report").click();

        assertThat(first.getByTestId("report-sent")).containsText("Thank you: your report on question");
        assertThat(candidate).hasURL(Pattern.compile(".*/attempts/" + attempt + "/results$"));
        shoot(first, "80-report-sent");
        assertAccessible(candidate);

        candidate.navigate("/reports/mine");
        assertThat(candidate.getByTestId("my-report").first().getByTestId("report-status"))
                .hasText("Open");
        checkPage(candidate, "81-my-reports");

        Page admin = admin();
        admin.navigate("/admin/reports?reason=WRONG_KEY");
        Locator report = admin.getByTestId("admin-report").filter(new Locator.FilterOptions().setHasText(marker));
        assertThat(report).hasCount(1);
        checkPage(admin, "82-admin-reports");
        report.getByTestId("open-report").click();
        assertThat(admin.getByTestId("version-compare")).containsText("still the current version");
        checkPage(admin, "83-admin-report");
        admin.getByTestId("resolve").click();
        assertThat(admin.getByText("Write a note for the reporter")).isVisible();
        admin.getByLabel("Note for the reporter").fill("Fixed the key, thanks " + marker);
        admin.getByTestId("resolve").click();
        assertThat(admin.getByRole(AriaRole.STATUS)).containsText("is resolved");
        assertThat(admin.getByTestId("report-status")).hasText("Resolved");

        candidate.navigate("/reports/mine");
        Locator mine = candidate.getByTestId("my-report").first();
        assertThat(mine.getByTestId("report-status")).hasText("Resolved");
        assertThat(mine).containsText("Fixed the key, thanks " + marker);
        mine.getByRole(AriaRole.LINK).first().click();
        assertThat(candidate.getByTestId("decision-note")).hasText("Fixed the key, thanks " + marker);
        checkPage(candidate, "84-my-report");
    }

    @Test
    void aCandidateLeavesAReviewAnAdminHidesItAndItLeavesThePublicPage() {
        Page candidate = newPage();
        long id = candidate(candidate, "Vera Review");
        exam.take(id, AttemptMode.READINESS, p -> p <= 7);
        String text = "Honest practice questions " + marker;

        candidate.navigate("/reviews/mine");
        checkPage(candidate, "85-my-review-form");
        candidate.getByTestId("save-review").click();
        assertThat(candidate.getByText("Choose from 1 to 5 stars.")).isVisible();
        candidate.getByLabel("4 stars").check();
        candidate.getByLabel("What do you think?").fill(text);
        candidate.getByTestId("save-review").click();
        assertThat(candidate.getByRole(AriaRole.STATUS)).containsText("Thank you: your review is published.");

        Page visitor = newPage();
        visitor.navigate("/reviews");
        assertThat(visitor.getByTestId("review").filter(new Locator.FilterOptions().setHasText(text)))
                .hasCount(1);
        assertThat(visitor.getByTestId("review-average")).containsText("out of 5");
        checkPage(visitor, "86-reviews");
        // sorting swaps the list with htmx and the address follows
        visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Highest"))
                .click();
        assertThat(visitor).hasURL(Pattern.compile(".*/reviews\\?sort=highest$"));
        assertThat(visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Highest")))
                .hasAttribute("aria-current", "page");
        visitor.navigate("/");
        assertThat(visitor.getByTestId("home-reviews")).containsText("out of 5");

        Page admin = admin();
        admin.navigate("/admin/reviews");
        Locator card = admin.getByTestId("admin-review").filter(new Locator.FilterOptions().setHasText(text));
        checkPage(admin, "87-admin-reviews");
        card.getByLabel("Reason for hiding").fill("Names a competitor " + marker);
        card.getByTestId("hide-review").click();
        assertThat(admin.getByRole(AriaRole.STATUS)).containsText("is hidden from the public page");

        visitor.navigate("/reviews");
        assertThat(visitor.getByText(text)).hasCount(0);
        candidate.navigate("/reviews/mine");
        assertThat(candidate.getByTestId("review-hidden")).containsText("Names a competitor " + marker);
        checkPage(candidate, "88-my-review-hidden");
    }
}
