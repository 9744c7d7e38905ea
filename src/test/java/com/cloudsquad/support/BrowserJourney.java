package com.cloudsquad.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every Playwright journey shares: one Chromium per test class (see {@link Browsers}) and
 * browser contexts pointed at the running app.
 */
public abstract class BrowserJourney {

    protected static Playwright playwright;
    protected static Browser browser;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void launchChromium() {
        playwright = Browsers.playwright();
        browser = Browsers.chromium(playwright);
    }

    @AfterAll
    static void closeChromium() {
        playwright.close();
    }

    /** A fresh browser (no cookies) on the app, at a desktop size. */
    protected BrowserContext newContext() {
        return newContext(1280, 900);
    }

    /**
     * Each browser is a client of its own, as {@link WebSession}s are: it comes through the
     * (loopback, so trusted) proxy with an address of its own, so per-address limits (e.g. ten
     * registrations an hour) count each journey's browser apart, not the whole suite together.
     */
    private static Map<String, String> ownClientAddress() {
        return Map.of("X-Forwarded-For", WebSession.nextClientAddress());
    }

    /** A phone: 390 x 844, touch and no fine pointer (so hover-only hints stay hidden). */
    protected BrowserContext newPhoneContext() {
        return browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setExtraHTTPHeaders(ownClientAddress())
                .setViewportSize(390, 844)
                .setDeviceScaleFactor(2)
                .setIsMobile(true)
                .setHasTouch(true));
    }

    protected BrowserContext newContext(int width, int height) {
        return browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setExtraHTTPHeaders(ownClientAddress())
                .setViewportSize(width, height));
    }

    /** Nothing on the page scrolls sideways: the document is no wider than the viewport. */
    protected static void assertNoSidewaysScroll(Page page) {
        Object widths =
                page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        List<?> pair = (List<?>) widths;
        assertThat(((Number) pair.get(0)).intValue())
                .as("scrollWidth of %s", page.url())
                .isLessThanOrEqualTo(((Number) pair.get(1)).intValue());
    }

    /** axe-core (WCAG 2 A/AA, colour contrast included): no serious or critical violation. */
    protected static void assertAccessible(Page page) {
        assertThat(accessibilityViolations(page))
                .as("axe violations on %s", page.url())
                .isEmpty();
    }

    /**
     * The serious and critical axe-core violations (WCAG 2.0/2.1 A and AA rules) of the page as it
     * is now, each with the rule, its impact and up to three of the elements at fault.
     */
    protected static List<String> accessibilityViolations(Page page) {
        List<Rule> violations = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze()
                .getViolations();
        return violations.stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + " (" + v.getImpact() + "): "
                        + v.getNodes().stream()
                                .map(n -> n.getTarget() + " " + n.getHtml())
                                .limit(3)
                                .toList())
                .toList();
    }

    /**
     * Registers in the browser and logs in, as a new candidate does: registration asks them to
     * confirm their address and sends them to the login page (they may log in before confirming).
     */
    protected static void registerAndLogIn(com.microsoft.playwright.Page page, String email, String displayName) {
        page.navigate("/register");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Display name").fill(displayName);
        page.getByLabel("Password", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true))
                .fill(WebSession.PASSWORD);
        page.getByLabel("Confirm password").fill(WebSession.PASSWORD);
        page.getByLabel("Confirm password").press("Enter");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
                        page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS))
                .containsText("We sent you an email");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(WebSession.PASSWORD);
        page.getByLabel("Password").press("Enter");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.getByTestId("user-name"))
                .hasText(displayName);
    }
}
