package com.cloudsquad.progress;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.cloudsquad.exam.AttemptMode;
import com.cloudsquad.exam.ExamDriver;
import com.cloudsquad.support.BrowserJourney;
import com.cloudsquad.support.Browsers;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.Eventually;
import com.cloudsquad.support.WebSession;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** After two tests, the dashboard in Chromium: trend, mastery, a weak domain to drill; desktop and phone. */
@CloudSquadIntegrationTest
class DashboardJourneyIT extends BrowserJourney {

    @Autowired
    ApplicationContext app;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProgressStore store;

    BrowserContext context;

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    long register(Page page) {
        String email = WebSession.uniqueEmail("dash");
        registerAndLogIn(page, email, "Dana Dash");
        return jdbc.sql("SELECT id FROM account WHERE email_key = ?")
                .param(email.toLowerCase(Locale.ROOT))
                .query(Long.class)
                .single();
    }

    @Test
    void afterTwoTestsTheDashboardShowsTheTrendMasteryAndAWeakDomainToDrill() {
        ExamDriver exam = ExamDriver.create(app, 12);
        context = newContext();
        Page page = context.newPage();
        long candidate = register(page);
        long first = exam.take(candidate, AttemptMode.READINESS, p -> p <= 2);
        long second = exam.take(candidate, AttemptMode.READINESS, p -> p <= 5);
        Eventually.until(
                "both recorded",
                () -> store.attempt(first).isPresent() && store.attempt(second).isPresent());

        page.navigate("/attempts/" + second + "/results");
        assertThat(page.getByTestId("progress-news")).containsText("XP");
        page.getByTestId("dashboard-link").click();

        assertThat(page)
                .hasURL(Pattern.compile(
                        ".*/dashboard\\?cert=" + exam.certification().code()));
        assertThat(page.getByTestId("trend")).isVisible();
        assertThat(page.locator("[data-testid=trend] circle")).hasCount(2);
        assertThat(page.getByTestId("mastery").locator("li")).hasCount(4);
        assertThat(page.getByTestId("achievements")).containsText("First test");
        assertThat(page.getByTestId("weak-domains")).isVisible();
        Browsers.screenshot(page, "60-dashboard-desktop");

        page.setViewportSize(390, 844);
        page.reload();
        Object overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue())
                .as("no sideways scrolling at 390 px")
                .isLessThanOrEqualTo(0);
        Browsers.screenshot(page, "61-dashboard-phone");

        page.getByTestId("drill-this").first().click();
        assertThat(page).hasURL(Pattern.compile(".*/attempts/\\d+/q/1$"));
        assertThat(page.locator("body"))
                .containsText(
                        "drill",
                        new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                .setIgnoreCase(true));
    }
}
