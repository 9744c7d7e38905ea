package com.cloudsquad.exam;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

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
import com.microsoft.playwright.options.BoundingBox;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 18 in Chromium: live progress while answering, htmx navigation between questions,
 * abandoning a mock, honest practice results, and the phone layout, with axe-core on every page.
 */
@CloudSquadIntegrationTest
class CandidateExperienceIT extends BrowserJourney {

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

    void registerAt(int width, int height) {
        register(newContext(width, height));
    }

    void register(BrowserContext newContext) {
        fixture = ExamFixture.create(jdbc, catalog, bank, 8);
        context = newContext;
        page = context.newPage();
        registerAndLogIn(page, WebSession.uniqueEmail("ux"), "Uma User");
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
        clock.reset();
    }

    void start(String buttonName) {
        page.navigate("/exams");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(buttonName))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/attempts/\\d+/q/1$"));
    }

    /** Set on the window: gone if the browser loads a whole page. */
    void markThePage() {
        page.evaluate("() => { window.sameDocument = true; }");
    }

    void assertStillTheSamePage() {
        assertThat(page.evaluate("() => window.sameDocument === true")).isEqualTo(true);
    }

    @Test
    void answeringUpdatesTheCounterAndGridAndMovingSwapsOnlyTheCard() {
        registerAt(1280, 900);
        start("Start " + fixture.certification.code() + " readiness test");
        markThePage();
        Locator counter = page.getByTestId("answered-count");
        assertThat(counter).hasText("0 of 10 answered");
        assertThat(counter).hasAttribute("aria-live", "polite");

        page.getByTestId("option").first().click();

        assertThat(counter).hasText("1 of 10 answered");
        assertThat(page.locator("#nav-1")).hasClass(Pattern.compile(".*\\banswered\\b.*"));
        assertThat(page.locator("#nav-1")).hasAttribute("aria-label", "Question 1, answered");
        assertStillTheSamePage();
        assertAccessible(page);
        Browsers.screenshot(page, "60-ux-question-answered");

        // Next swaps the card: same document, the timer untouched, the URL and title follow
        page.evaluate("() => { document.getElementById('timer').dataset.kept = 'yes'; }");
        page.locator("#nav-next").focus();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/q/2$"));
        assertThat(page.locator("#question")).hasAttribute("data-position", "2");
        assertThat(page).hasTitle(Pattern.compile("^Question 2 of 10.*"));
        assertThat(page.locator("#timer")).hasAttribute("data-kept", "yes");
        assertThat(page.locator("#nav-2")).hasAttribute("aria-current", "page");
        assertThat(page.locator("#nav-next")).isFocused();
        assertStillTheSamePage();

        // the grid too; then Back restores question 2, and answering there still counts
        page.locator("#nav-5").click();
        assertThat(page).hasURL(Pattern.compile(".*/q/5$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Question 5");
        page.goBack();
        assertThat(page).hasURL(Pattern.compile(".*/q/2$"));
        assertThat(page.locator("#question")).hasAttribute("data-position", "2");
        page.getByTestId("option").nth(1).click();
        assertThat(counter).hasText("2 of 10 answered");
        assertStillTheSamePage();

        // a direct load is the whole page
        page.navigate(page.url().replaceAll("/q/2$", "/q/3"));
        assertThat(page.locator(".site-header")).isVisible();
        assertThat(page.locator("#question")).hasAttribute("data-position", "3");
        assertThat(counter).hasText("2 of 10 answered");
    }

    @Test
    void aMockCanBeAbandonedAndHistorySaysSo() {
        registerAt(1280, 900);
        start("Start " + fixture.certification.code() + " mock exam");
        page.getByTestId("option").first().click();
        assertThat(page.getByTestId("answered-count")).hasText("1 of 20 answered");

        page.navigate("/exams");
        String name = fixture.certification.code() + " mock exam";
        assertThat(page.getByTestId("resume-link")).hasText("Resume your " + name);
        assertThat(page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions()
                                .setName("Start " + fixture.certification.code() + " readiness test")))
                .hasCount(0);
        assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Abandon your " + name + "…"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Abandon your " + name + "?");
        assertAccessible(page);
        Browsers.screenshot(page, "61-ux-abandon-confirm");
        page.getByTestId("confirm-abandon").click();

        assertThat(page).hasURL(Pattern.compile(".*/exams$"));
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("You abandoned your " + name);
        page.navigate("/attempts");
        Locator row = page.getByTestId("history-row").first();
        assertThat(row.getByTestId("history-status")).hasText("Abandoned");
        assertThat(row.getByTestId("history-score")).hasText("Abandoned, not scored");
        assertAccessible(page);
    }

    @Test
    void aPracticeFinishedEarlyShowsWhatWasRightWithoutAScaledScore() {
        registerAt(1280, 900);
        start("Start " + fixture.certification.code() + " practice");
        for (int n = 1; n <= 3; n++) {
            page.getByTestId("option").first().click();
            assertThat(page.getByTestId("save-status")).hasText("✓ Saved");
            page.getByTestId("check-answer").click();
            assertThat(page.getByTestId("feedback")).isVisible();
            if (n < 3) {
                page.locator("#nav-next").click();
                assertThat(page).hasURL(Pattern.compile(".*/q/" + (n + 1) + "$"));
            }
        }
        page.getByTestId("review-link").click();
        page.getByTestId("submit").click();

        assertThat(page).hasURL(Pattern.compile(".*/results$"));
        assertThat(page.getByTestId("learning-line"))
                .hasText(Pattern.compile("^\\d of 3 right \\(3 of 10 questions answered\\)$"));
        assertThat(page.getByTestId("scaled-score")).hasCount(0);
        assertThat(page.getByTestId("verdict")).hasCount(0);
        // the summary comes first; explanations are folded until asked for
        assertThat(page.locator("#results-extras")).hasCount(1);
        Locator explanation = page.getByTestId("explanation").first();
        assertThat(explanation).not().hasAttribute("open", "");
        assertAccessible(page);
        Browsers.screenshot(page, "62-ux-practice-results");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^All \\(10\\)$")))
                .click();
        assertThat(page.getByTestId("review-item")).hasCount(10);
    }

    /** Checks the question shown: every right option ("Right"), or the first wrong one ("Wrong"). */
    void checkChoosing(String prefix) {
        Locator options = page.getByTestId("option")
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*[A-E]\\.\\s*" + prefix)));
        int choose = "Right".equals(prefix) ? options.count() : 1;
        assertThat(choose).isPositive();
        for (int i = 0; i < choose; i++) {
            options.nth(i).click();
        }
        assertThat(page.getByTestId("save-status")).hasText("✓ Saved");
        page.getByTestId("check-answer").click();
        assertThat(page.getByTestId("feedback")).isVisible();
    }

    /** Leaves a learning session: a practice returns to the exams, a review shows what was reviewed. */
    void leave(String landing) {
        page.getByTestId("review-link").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Leave without a score"))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*" + landing + "$"));
    }

    @Test
    void theMissedQueueSaysWhatWaitsNowAndWhenTheRestComesBack() {
        registerAt(1280, 900);
        String code = fixture.certification.code();
        start("Start " + code + " practice");
        checkChoosing("Wrong");
        assertThat(page.getByTestId("feedback")).containsText("Not quite.");
        leave("/exams");
        assertThat(page.locator("p.flash[role=status]"))
                .hasText("You left the practice. Answers you checked still count for review.");

        assertThat(page.getByTestId("missed-count")).hasText("1 question you missed is waiting.");
        assertThat(page.getByLabel(fixture.certification.name())
                        .getByText(Pattern.compile("right twice,\\s+a day\\s+apart")))
                .isVisible();
        start("Review missed " + code + " questions");
        checkChoosing("Right");
        assertThat(page.getByTestId("feedback")).containsText("Right!");
        leave("/results");
        assertThat(page.getByText("You left the missed-question review.", new Page.GetByTextOptions().setExact(false)))
                .isVisible();

        assertThat(page.getByTestId("learning-line")).hasText(Pattern.compile("^1 of 1 right.*"));
        assertThat(page.getByTestId("still-waiting"))
                .hasText(
                        Pattern.compile(
                                "^1 question is still waiting in your missed-question queue: 0 to review now, "
                                        + "1 back from \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} .+ \\(a day after you first got it right\\)\\.$"));
        assertAccessible(page);

        page.navigate("/exams");
        assertThat(page.getByText("Nothing to review right now.")).isVisible();
        assertThat(page.getByTestId("missed-resting"))
                .hasText(Pattern.compile("^1 more comes back from .+, a day after you first got it right\\.$"));
        assertThat(page.getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review missed " + code + " questions")))
                .hasCount(0);

        clock.advance(java.time.Duration.ofHours(25));
        page.navigate("/exams");
        assertThat(page.getByTestId("missed-count")).hasText("1 question you missed is waiting.");
        assertThat(page.getByTestId("missed-resting")).hasCount(0);
    }

    @Test
    void onAPhoneTheQuestionComesFirstAndNoPageScrollsSideways() {
        register(newPhoneContext());
        assertNoSidewaysScroll(page);
        assertThat(page.getByTestId("menu-button")).isVisible();
        page.navigate("/exams");
        assertNoSidewaysScroll(page);
        Browsers.screenshot(page, "63-ux-exams-phone");
        start("Start " + fixture.certification.code() + " readiness test");

        BoundingBox first = page.getByTestId("option").first().boundingBox();
        assertThat(first.y + first.height).isLessThanOrEqualTo(844);
        assertThat(page.getByTestId("keys-hint")).isHidden();
        assertThat(page.locator("#nav-grid")).isHidden();
        assertNoSidewaysScroll(page);
        assertAccessible(page);
        Browsers.screenshot(page, "64-ux-question-phone");

        page.getByText("Questions").first().click(); // the grid's <summary>
        assertThat(page.locator("#nav-grid")).isVisible();
        page.getByTestId("option").first().click();
        assertThat(page.getByTestId("answered-count")).hasText("1 of 10 answered");
        page.getByTestId("review-link").click();
        assertNoSidewaysScroll(page);
        page.getByTestId("submit").click();
        assertThat(page).hasURL(Pattern.compile(".*/results$"));
        assertNoSidewaysScroll(page);
        Browsers.screenshot(page, "65-ux-results-phone");

        page.navigate("/attempts");
        assertNoSidewaysScroll(page);
        assertThat(page.getByTestId("history-score").first()).isVisible();
        assertAccessible(page);
        Browsers.screenshot(page, "66-ux-history-phone");
        page.getByTestId("menu-button").click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tests")))
                .isVisible();
        Browsers.screenshot(page, "67-ux-menu-phone");
    }
}
