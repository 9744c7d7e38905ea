package com.cloudsquad.exam;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.bank.QuestionBank;
import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.support.BrowserJourney;
import com.cloudsquad.support.Browsers;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.WebSession;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A whole readiness test with the keyboard alone: after each page load only Tab, Shift+Tab, Enter,
 * Space and the arrow keys (and typing into a field Tab has reached). No clicks, no fill(). Every
 * key control shows where the focus is, the skip link works, and after htmx swaps the question
 * card the focus stays on the control used or moves to the new question, never to the page body.
 */
@CloudSquadIntegrationTest
class KeyboardOnlyJourneyIT extends BrowserJourney {

    /** Tab presses allowed to reach a control (the exams page lists every test's certification). */
    private static final int MAX_TABS = 600;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Catalog catalog;

    @Autowired
    QuestionBank bank;

    BrowserContext context;
    Page page;

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    private boolean focusedMatches(String selector) {
        return (Boolean)
                page.evaluate("s => document.activeElement !== null && document.activeElement.matches(s)", selector);
    }

    private String focusedElement() {
        return (String) page.evaluate(
                "() => document.activeElement ? document.activeElement.outerHTML.slice(0, 160)" + " : 'nothing'");
    }

    /** Presses the key (Tab or Shift+Tab) until the focused element matches the selector. */
    private void pressUntilFocused(String key, String selector) {
        for (int i = 0; i < MAX_TABS; i++) {
            if (focusedMatches(selector)) {
                return;
            }
            page.keyboard().press(key);
        }
        throw new AssertionError(key + " never reached " + selector + "; focus is on " + focusedElement());
    }

    private void tabTo(String selector) {
        pressUntilFocused("Tab", selector);
    }

    private void shiftTabTo(String selector) {
        pressUntilFocused("Shift+Tab", selector);
    }

    /** The focused element shows a focus ring: an outline or a box shadow, by its computed style. */
    private void assertFocusVisible(String what) {
        Object result = page.evaluate("""
                () => {
                  const e = document.activeElement;
                  if (!e || e === document.body) return 'no focus (body)';
                  const s = getComputedStyle(e);
                  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
                  const shadow = s.boxShadow && s.boxShadow !== 'none';
                  const r = e.getBoundingClientRect();
                  const onScreen = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
                      && r.left < window.innerWidth && r.top < window.innerHeight;
                  if (!onScreen) return 'off screen: ' + e.outerHTML.slice(0, 120);
                  return outline || shadow ? 'visible' : 'no focus ring: ' + e.outerHTML.slice(0, 120);
                }""");
        assertThat(result).as("focus on %s", what).isEqualTo("visible");
    }

    private void assertFocusNotLost() {
        assertThat(page.evaluate("() => document.activeElement !== null && document.activeElement !== document.body"))
                .as("focus after the swap (on %s)", focusedElement())
                .isEqualTo(true);
    }

    private void assertOnQuestion(int position) {
        assertThat(page).hasURL(Pattern.compile(".*/attempts/\\d+/q/" + position + "$"));
        assertThat(page.locator("#question")).hasAttribute("data-position", String.valueOf(position));
    }

    /**
     * Chooses with the keyboard from within the card: Space on a radio or checkbox, ArrowDown on a
     * radio; a two-answer question (checkboxes, as the draw shuffled them) gets two options.
     * Returns how many options are chosen.
     */
    private int answer(int position, int answered, boolean withArrow) {
        boolean multiple = page.locator("#answer-form input[type=checkbox]").count() > 0;
        shiftTabTo("#answer-form input[name=choice]");
        assertFocusVisible("an option of question " + position);
        assertThat(focusedMatches("input[type=checkbox]"))
                .as("focus on a checkbox")
                .isEqualTo(multiple);
        if (withArrow && !multiple) {
            page.keyboard().press("ArrowDown"); // moves to the next radio and chooses it
        } else {
            page.keyboard().press("Space");
        }
        if (multiple) {
            // a second option next to this one: the one below, or the one above when this is the
            // last (the focus may be on the first or the last option, as the draw ordered them)
            page.keyboard().press("Tab");
            if (!focusedMatches("input[type=checkbox]")) {
                page.keyboard().press("Shift+Tab");
                page.keyboard().press("Shift+Tab");
            }
            assertThat(focusedMatches("input[type=checkbox]")).isTrue();
            page.keyboard().press("Space");
        }
        assertThat(page.getByTestId("save-status")).hasText("✓ Saved");
        assertThat(page.getByTestId("answered-count")).hasText(answered + " of 10 answered");
        int chosen = multiple ? 2 : 1;
        assertThat(page.locator("#answer-form input:checked")).hasCount(chosen);
        return chosen;
    }

    private void next(int to) {
        tabTo("#nav-next");
        assertFocusVisible("Next");
        page.keyboard().press("Enter");
        assertOnQuestion(to);
        assertThat(page.locator("#nav-next")).isFocused(); // htmx keeps the focus on the control used
        assertFocusVisible("Next after the swap");
    }

    @Test
    void aWholeReadinessTestTakenWithTheKeyboardAlone() {
        ExamFixture fixture = ExamFixture.create(jdbc, catalog, bank, 8);
        String code = fixture.certification.code();
        // time enough for a slow machine: the page's countdown would end the test after 2 minutes
        jdbc.sql("UPDATE certification SET readiness_minutes = 30 WHERE code = ?")
                .param(code)
                .update();
        String email = WebSession.uniqueEmail("keys");
        new WebSession(port).register(email, "Kim Keys");
        context = newContext();
        page = context.newPage();

        // Log in: the email field has the focus on load; type, Tab, type, Enter.
        page.navigate("/login");
        assertThat(page.getByLabel("Email")).isFocused();
        assertFocusVisible("the email field");
        page.keyboard().type(email);
        page.keyboard().press("Tab");
        assertThat(page.getByLabel("Password")).isFocused();
        page.keyboard().type(WebSession.PASSWORD);
        page.keyboard().press("Enter");
        assertThat(page.getByTestId("user-name")).hasText("Kim Keys");

        // The skip link is the first stop, visible when focused, and moves the focus to the content.
        page.keyboard().press("Tab");
        assertThat(page.locator("a.skip-link")).isFocused();
        assertFocusVisible("the skip link");
        page.keyboard().press("Enter");
        assertThat(page.locator("#main")).isFocused();
        shiftTabTo("header a[href='/exams']"); // back into the header, which holds the menu
        assertFocusVisible("the Tests link");
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/exams$"));

        tabTo("button[aria-label='Start " + code + " readiness test']");
        assertFocusVisible("the start button");
        page.keyboard().press("Enter");
        assertOnQuestion(1);
        Browsers.screenshot(page, "keys-question-1");

        // The skip link on the question page leads straight to the question.
        page.keyboard().press("Tab");
        assertThat(page.locator("a.skip-link")).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("#main")).isFocused();
        tabTo("#answer-form input[name=choice]");
        int chosenOnQuestion1 = answer(1, 1, false);
        next(2);

        // Previous from question 2: question 1 has no Previous, so the focus goes to its heading.
        shiftTabTo("#nav-prev");
        assertFocusVisible("Previous");
        page.keyboard().press("Enter");
        assertOnQuestion(1);
        assertThat(page.locator("#question-title")).isFocused();
        assertFocusVisible("the question heading after Previous");
        // still answered: one option, or two when question 1 is a two-answer one (as the draw fell)
        assertThat(page.locator("#answer-form input:checked")).hasCount(chosenOnQuestion1);
        next(2);

        answer(2, 2, true);
        // Flag question 2: the button keeps the focus after htmx replaces it.
        tabTo("#flag-button");
        assertFocusVisible("the flag button");
        page.keyboard().press("Space");
        assertThat(page.locator("#flag-button")).hasAttribute("aria-pressed", "true");
        assertThat(page.locator("#flag-button")).isFocused();
        assertThat(page.locator("#nav-2")).hasClass(Pattern.compile(".*\\bflagged\\b.*"));
        Browsers.screenshot(page, "keys-question-2-flagged");
        next(3);

        for (int n = 3; n <= 10; n++) {
            answer(n, n, n % 2 == 0);
            if (n == 4) {
                // Previous to question 3 keeps the focus on Previous; then back to 4.
                shiftTabTo("#nav-prev");
                page.keyboard().press("Enter");
                assertOnQuestion(3);
                assertThat(page.locator("#nav-prev")).isFocused();
                assertFocusVisible("Previous after the swap");
                next(4);
            }
            if (n == 5) {
                // The question grid: Tab to question 6 in it and open it.
                tabTo("#nav-6");
                assertFocusVisible("question 6 in the grid");
                page.keyboard().press("Enter");
                assertOnQuestion(6);
                assertFocusNotLost();
                assertFocusVisible("the focus after moving by the grid");
                continue;
            }
            if (n < 10) {
                next(n + 1);
            }
        }

        // The last question's "Review and submit" opens the review, which asks to confirm.
        tabTo("#nav-next");
        assertFocusVisible("Review and submit");
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/review$"));
        assertThat(page.getByRole(
                        com.microsoft.playwright.options.AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Review before you submit");
        assertThat(page.getByTestId("flagged")).containsText("Question 2");
        tabTo("[data-testid=submit]");
        assertFocusVisible("Submit");
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/results$"));
        assertThat(page.getByTestId("scaled-score")).isVisible();

        // The answer review: all answers, then one explanation unfolded with Enter.
        tabTo("a[href$='show=all#answers']");
        assertFocusVisible("the All filter");
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/results\\?show=all#answers$"));
        assertThat(page.getByTestId("review-item")).hasCount(10);
        tabTo("[data-testid=explanation] > summary");
        assertFocusVisible("the first explanation");
        page.keyboard().press("Enter");
        assertThat(page.getByTestId("explanation").first()).hasAttribute("open", "");
        assertThat(page.getByTestId("review-item").first().locator(".explanation"))
                .isVisible();
        Browsers.screenshot(page, "keys-answer-review");
    }
}
