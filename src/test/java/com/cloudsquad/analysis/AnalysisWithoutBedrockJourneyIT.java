package com.cloudsquad.analysis;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.cloudsquad.catalog.Certification;
import com.cloudsquad.exam.ExamScenarios;
import com.cloudsquad.support.BrowserJourney;
import com.cloudsquad.support.Browsers;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.WebSession;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The app as {@code ./mvnw spring-boot:run} starts it, Bedrock off: the results page shows the
 * rule-based report, clearly labelled as written without AI, and its PDF downloads.
 */
@CloudSquadIntegrationTest
class AnalysisWithoutBedrockJourneyIT extends BrowserJourney {

    @Autowired
    ExamScenarios exams;

    BrowserContext context;
    Page page;

    @BeforeEach
    void logIn() {
        context = newContext();
        // a client address of its own (trusted from the local proxy range, as WebSession does):
        // the browser journeys together register more than 10 accounts an hour from 127.0.0.1
        page = context.newPage();
        registerAndLogIn(page, WebSession.uniqueEmail("fallback-journey"), "Ruby Rules");
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void theLabelledRuleBasedReportAppearsOnTheResultsPageAndItsPdfDownloads() throws Exception {
        Certification certification = exams.certification();
        AnalysisJourneyIT.takeAReadinessTest(page, certification);

        assertThat(page.getByTestId("analysis-label"))
                .containsText(
                        "Written without AI (AI analysis is not configured on this server)",
                        new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
        assertThat(page.getByTestId("analysis-weak-areas")).containsText("Domain");
        assertThat(page.getByTestId("analysis-plan").locator(":scope > li")).hasCount(7);
        Browsers.screenshot(page, "63-analysis-without-ai");
        assertAccessible(page);
        assertNoSidewaysScroll(page);

        Download download = page.waitForDownload(
                () -> page.getByTestId("analysis-pdf-link").first().click());

        org.assertj.core.api.Assertions.assertThat(download.failure()).isNull();
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename())
                .matches("cloudsquad-analysis-\\d+\\.pdf");
        byte[] pdf = Files.readAllBytes(download.path());
        org.assertj.core.api.Assertions.assertThat(pdf.length).isGreaterThan(2_000);
        org.assertj.core.api.Assertions.assertThat(new String(Arrays.copyOf(pdf, 5), StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        // the same link as the browser's request context (its cookies) sees it: the headers
        APIResponse response = context.request().get(download.url());
        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(response.headers().get("content-type"))
                .isEqualTo("application/pdf");
        org.assertj.core.api.Assertions.assertThat(response.headers().get("content-disposition"))
                .startsWith("attachment");
    }
}
