package com.cloudsquad.exam;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.cloudsquad.bank.QuestionBank;
import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.support.BrowserJourney;
import com.cloudsquad.support.Browsers;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.TestClock;
import com.cloudsquad.support.WebSession;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A candidate takes a readiness test in Chromium, as a person would. */
@CloudSquadIntegrationTest
class AttemptJourneyIT extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Catalog catalog;

    @Autowired
    QuestionBank bank;

    @Autowired
    TestClock clock;

    BrowserContext context;
    Page page;
    ExamFixture fixture;

    @BeforeEach
    void registerACandidate() {
        fixture = ExamFixture.create(jdbc, catalog, bank, 8);
        context = newContext();
        page = context.newPage();
        String email = WebSession.uniqueEmail("taker");
        page.navigate("/register");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Display name").fill("Tess Taker");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(WebSession.PASSWORD);
        page.getByLabel("Confirm password").fill(WebSession.PASSWORD);
        page.getByLabel("Confirm password").press("Enter");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("We sent you an email");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(WebSession.PASSWORD);
        page.getByLabel("Password").press("Enter");
        assertThat(page.getByTestId("user-name")).hasText("Tess Taker");
    }

    @AfterEach
    void closeContext() {
        context.close();
        clock.reset();
    }

    void startReadinessTest() {
        page.navigate("/exams");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions()
                                .setName("Start " + fixture.certification.code() + " readiness test"))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/attempts/\\d+/q/1$"));
    }

    @Test
    void aCandidateAnswersReloadsFlagsSubmitsAndReviewsAWrongAnswer() {
        startReadinessTest();
        Browsers.screenshot(page, "20-attempt-question");
        Locator saveStatus = page.getByTestId("save-status");

        // question 1 by keyboard, question 2 by mouse
        page.keyboard().press("1");
        assertThat(saveStatus).hasText("✓ Saved");
        page.keyboard().press("n");
        assertThat(page).hasURL(Pattern.compile(".*/q/2$"));
        page.getByTestId("option").nth(1).click();
        assertThat(saveStatus).hasText("✓ Saved");
        page.keyboard().press("f");
        assertThat(page.locator("#flag-button")).hasAttribute("aria-pressed", "true");
        assertThat(page.locator("#nav-2")).hasClass(Pattern.compile(".*flagged.*"));

        long leftBefore = Long.parseLong(page.locator("#timer").getAttribute("data-remaining-ms"));
        clock.advance(Duration.ofSeconds(30));
        page.reload();
        assertThat(page.getByTestId("option").nth(1).locator("input")).isChecked();
        assertThat(page.locator("#flag-button")).hasAttribute("aria-pressed", "true");
        assertThat(page.getByTestId("answered-count")).hasText("2 of 10 answered");
        // the server's clock kept running across the reload: less time left, not a fresh two minutes
        long leftAfter = Long.parseLong(page.locator("#timer").getAttribute("data-remaining-ms"));
        org.assertj.core.api.Assertions.assertThat(leftAfter)
                .isLessThanOrEqualTo(leftBefore - 30_000)
                .isGreaterThan(60_000);
        assertThat(page.locator("#timer")).hasText(Pattern.compile("[12]:\\d\\d"));
        Browsers.screenshot(page, "21-attempt-flagged-after-reload");

        // answer the rest with the first option, going through the grid
        for (int n = 3; n <= 10; n++) {
            page.locator("#nav-" + n).click();
            assertThat(page).hasURL(Pattern.compile(".*/q/" + n + "$"));
            page.getByTestId("option").first().click();
            assertThat(saveStatus).hasText("✓ Saved");
        }
        page.getByTestId("review-link").click();
        assertThat(page.getByTestId("flagged")).containsText("Question 2");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Every question is answered.")))
                .isVisible();
        Browsers.screenshot(page, "22-attempt-review");
        page.getByTestId("submit").click();

        assertThat(page).hasURL(Pattern.compile(".*/results$"));
        assertThat(page.getByTestId("domain-results").locator("li")).hasCount(4);
        assertThat(page.getByTestId("scaled-score")).hasText(Pattern.compile("\\d{3,4}"));
        Browsers.screenshot(page, "23-attempt-results");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Wrong \\(\\d+\\)$")))
                .click();
        Locator wrong = page.getByTestId("review-item").first();
        assertThat(wrong).containsText("Wrong");
        assertThat(wrong).containsText("Your choice");
        assertThat(wrong).containsText("Correct answer");
        Browsers.screenshot(page, "24-attempt-wrong-answers");
    }

    @Test
    void aTimedTestLeftAloneIsSubmittedByTheClock() {
        startReadinessTest();
        page.getByTestId("option").first().click();
        assertThat(page.getByTestId("save-status")).hasText("✓ Saved");
        long attemptId = Long.parseLong(page.url().replaceAll(".*/attempts/(\\d+)/q/\\d+$", "$1"));
        // The server's clock jumps to two seconds before the two-minute deadline; the page learns
        // it on its next load and counts down the rest.
        clock.advance(Duration.ofMinutes(2).minusSeconds(2));
        page.reload();
        assertThat(page.locator("#timer")).hasClass(Pattern.compile(".*danger.*"));

        assertThat(page).hasURL(Pattern.compile(".*/attempts/" + attemptId + "/results$"));
        assertThat(page.getByTestId("score-summary")).containsText("Submitted by the clock");
        assertThat(page.getByTestId("score-summary")).containsText("time used 2 min 00 s");
        Browsers.screenshot(page, "25-attempt-submitted-by-the-clock");
    }

    @Test
    void aSaveThatFailsIsShownAndSentAgainUntilTheServerHasIt() {
        startReadinessTest();
        int[] refused = {0};
        // The network drops the first two saves.
        page.route("**/answer", route -> {
            if (refused[0] < 2) {
                refused[0]++;
                route.abort("internetdisconnected");
            } else {
                route.resume();
            }
        });
        page.getByTestId("option").nth(2).click();

        assertThat(page.getByTestId("save-status")).containsText("Not saved");
        Browsers.screenshot(page, "26-attempt-save-retrying");
        assertThat(page.getByTestId("save-status"))
                .hasText(
                        "✓ Saved",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(15_000));
        page.reload();
        assertThat(page.getByTestId("option").nth(2).locator("input")).isChecked();

        page.setViewportSize(390, 844); // a phone
        Browsers.screenshot(page, "27-attempt-question-phone");
        page.navigate("/exams");
        Browsers.screenshot(page, "28-exams-phone");
    }
}
