package com.cloudsquad.site;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.cloudsquad.support.BrowserJourney;
import com.cloudsquad.support.Browsers;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.WebSession;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A visitor's first minutes with Cloud Squad, in a real Chromium. */
@CloudSquadIntegrationTest
class AccountJourneyIT extends BrowserJourney {

    BrowserContext context;
    Page page;

    @BeforeEach
    void open() {
        context = newContext();
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void aVisitorRegistersLogsOutAndLogsBackIn() {
        String email = WebSession.uniqueEmail("journey");
        page.navigate("/");
        Browsers.screenshot(page, "01-home");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create a free account"))
                .click();

        assertThat(page).hasTitle("Create your account · Cloud Squad");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Display name").fill("Jules Journey");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("password");
        page.getByLabel("Confirm password").fill("different");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))
                .click();
        assertThat(page.locator("#password-hint")).containsText("most common");
        assertThat(page.locator("#confirmPassword-hint")).containsText("do not match");
        Browsers.screenshot(page, "02-register-errors");

        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(WebSession.PASSWORD);
        page.getByLabel("Confirm password").fill(WebSession.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))
                .click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("We sent you an email");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(WebSession.PASSWORD);
        page.getByLabel("Password").press("Enter");
        assertThat(page.getByTestId("user-name")).hasText("Jules Journey");
        assertThat(page.getByTestId("verify-banner")).containsText("Please confirm your email address");
        Browsers.screenshot(page, "03-home-logged-in");

        String token = new WebSession(port).verificationToken(email).orElseThrow();
        page.navigate("/verify-email?token=" + token);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my email"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your email address is confirmed");
        assertThat(page.getByTestId("verify-banner")).hasCount(0);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out"))
                .click();
        assertThat(page.getByText("You are logged out.")).isVisible();
        assertThat(page.getByTestId("user-name")).hasCount(0);

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Log in").setExact(true))
                .first()
                .click();
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(WebSession.PASSWORD);
        page.getByLabel("Password").press("Enter");

        assertThat(page.getByTestId("user-name")).hasText("Jules Journey");
    }

    @Test
    void aWrongPasswordShowsTheErrorAndKeepsTheEmail() {
        String email = WebSession.uniqueEmail("wrong");
        new WebSession(port).register(email, "Wren");

        page.navigate("/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill("not the password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();

        assertThat(page.getByTestId("login-error")).hasText("Email or password is incorrect.");
        assertThat(page.getByLabel("Email")).hasValue(email);
        Browsers.screenshot(page, "04-login-error");
    }

    @Test
    void aCandidateCannotOpenTheAdminArea() {
        String email = WebSession.uniqueEmail("nosy");
        page.navigate("/register");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Display name").fill("Nosy Candidate");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(WebSession.PASSWORD);
        page.getByLabel("Confirm password").fill(WebSession.PASSWORD);
        page.getByLabel("Confirm password").press("Enter");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("We sent you an email");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(WebSession.PASSWORD);
        page.getByLabel("Password").press("Enter");
        assertThat(page.getByTestId("user-name")).hasText("Nosy Candidate");

        page.navigate("/admin");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("This page is not for your account");
        Browsers.screenshot(page, "05-admin-forbidden");
    }

    @Test
    void thePagesReadWellOnAPhone() {
        BrowserContext phone = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setViewportSize(390, 844)
                .setIsMobile(true)
                .setHasTouch(true));
        Page small = phone.newPage();
        small.navigate("/");
        assertThat(small.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create a free account")))
                .isInViewport();
        assertNoSidewaysScrolling(small);
        Browsers.screenshot(small, "06-home-phone");
        small.navigate("/register");
        assertThat(small.getByLabel("Email")).isInViewport();
        assertNoSidewaysScrolling(small);
        Browsers.screenshot(small, "07-register-phone");
        phone.close();
    }

    static void assertNoSidewaysScrolling(Page page) {
        Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
        org.assertj.core.api.Assertions.assertThat(overflow)
                .as("no sideways scrolling on " + page.url())
                .isEqualTo(false);
    }
}
