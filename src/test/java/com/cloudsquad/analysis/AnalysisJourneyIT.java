package com.cloudsquad.analysis;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cloudsquad.catalog.Certification;
import com.cloudsquad.exam.ExamScenarios;
import com.cloudsquad.support.BrowserJourney;
import com.cloudsquad.support.Browsers;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.WebSession;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * A candidate submits a test and watches the results page: the analysis is being written while
 * the (fake) model takes its time, then the report appears in place, without a reload.
 */
@CloudSquadIntegrationTest
@Import(AnalysisTestConfiguration.class)
class AnalysisJourneyIT extends BrowserJourney {

    @Autowired
    ExamScenarios exams;

    @Autowired
    FakeChatModel model;

    Certification certification;
    BrowserContext context;
    Page page;

    @BeforeEach
    void logIn() {
        model.reset();
        certification = exams.certification();
        context = newContext();
        // a client address of its own (trusted from the local proxy range, as WebSession does):
        // the browser journeys together register more than 10 accounts an hour from 127.0.0.1
        page = context.newPage();
        registerAndLogIn(page, WebSession.uniqueEmail("analysis-journey"), "Ana Lyst");
    }

    @AfterEach
    void close() {
        model.release();
        context.close();
    }

    /** Starts a readiness test from the exams page, answers the first question and submits. */
    static void takeAReadinessTest(Page page, Certification certification) {
        page.navigate("/exams");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Start " + certification.code() + " readiness test"))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/attempts/\\d+/q/1$"));
        page.getByTestId("option").first().click();
        assertThat(page.getByTestId("save-status")).hasText("✓ Saved");
        page.getByTestId("review-link").click();
        page.getByTestId("submit").click();
        assertThat(page).hasURL(Pattern.compile(".*/attempts/\\d+/results$"));
    }

    @Test
    void theReportAppearsOnTheResultsPageWithoutAReloadOnceTheModelHasWrittenIt() {
        model.hold();
        takeAReadinessTest(page, certification);
        page.evaluate("() => { window.stillTheSamePage = true; }");
        AtomicInteger navigations = new AtomicInteger();
        page.onFrameNavigated(frame -> {
            if (frame == page.mainFrame()) {
                navigations.incrementAndGet();
            }
        });

        assertThat(page.getByTestId("analysis-pending")).hasText("Your analysis is being written…");
        await().atMost(Duration.ofSeconds(20)).until(() -> model.prompts.size() == 1); // the model is writing
        // the region has asked again (every 2 s) and is still waiting
        page.waitForResponse(
                r -> r.url().contains("/analysis/attempts/") && r.url().endsWith("/report"), () -> {});
        assertThat(page.getByTestId("analysis-pending")).hasText("Your analysis is being written…");
        Browsers.screenshot(page, "60-analysis-being-written");

        model.release();

        assertThat(page.getByTestId("analysis-summary"))
                .hasText(
                        "Solid in Domain 1, weak in Domain 4 <b>bold</b>.", // the model's text, escaped
                        new LocatorAssertions.HasTextOptions().setTimeout(15_000));
        assertThat(page.getByTestId("analysis-label")).containsText("Written by AI");
        assertThat(page.getByTestId("analysis-readiness")).hasText("AI says: not yet ready.");
        assertThat(page.getByTestId("analysis-plan").locator(":scope > li")).hasCount(7);
        assertThat(page.getByTestId("analysis-pending")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.stillTheSamePage"))
                .as("the page was not reloaded")
                .isEqualTo(true);
        org.assertj.core.api.Assertions.assertThat(navigations).hasValue(0);
        Browsers.screenshot(page, "61-analysis-written-by-ai");
        assertAccessible(page);
        assertNoSidewaysScroll(page);

        page.setViewportSize(390, 844);
        assertNoSidewaysScroll(page);
        Browsers.screenshot(page, "62-analysis-written-by-ai-phone");
    }
}
