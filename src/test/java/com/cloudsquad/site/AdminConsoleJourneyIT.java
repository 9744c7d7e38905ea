package com.cloudsquad.site;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An admin finds a user and disables them; the user's open browser is logged out on its next
 * click. The console pages are looked at on a desktop and a phone.
 */
@CloudSquadIntegrationTest
class AdminConsoleJourneyIT extends BrowserJourney {

    private static final String ADMIN = "journey-" + CloudSquadIntegrationTest.ADMIN_EMAIL;

    @Autowired
    JdbcClient jdbc;

    private final List<BrowserContext> contexts = new ArrayList<>();

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
    }

    private Page adminPage(BrowserContext context) {
        contexts.add(context);
        new WebSession(port).register(ADMIN, "Ada Admin"); // registered and confirmed (admin rights need it)
        Page page = context.newPage();
        page.navigate("/login");
        page.getByLabel("Email").fill(ADMIN);
        page.getByLabel("Password").fill(WebSession.PASSWORD);
        page.getByLabel("Password").press("Enter");
        assertThat(page.getByTestId("user-name")).hasCount(1); // logged in (on a phone the name sits in the menu)
        return page;
    }

    @Test
    void anAdminDisablesAUserWhoseOpenBrowserIsLoggedOutOnTheNextClick() {
        BrowserContext userContext = newContext();
        contexts.add(userContext);
        Page user = userContext.newPage();
        String email = WebSession.uniqueEmail("victor");
        // registered over HTTP (its own client address): the browsers' registrations share 127.0.0.1's hourly limit
        new WebSession(port).register(email, "Victor Visitor");
        user.navigate("/login");
        user.getByLabel("Email").fill(email);
        user.getByLabel("Password").fill(WebSession.PASSWORD);
        user.getByLabel("Password").press("Enter");
        assertThat(user.getByTestId("user-name")).hasText("Victor Visitor");
        user.navigate("/profile");

        Page admin = adminPage(newContext());
        admin.navigate("/admin");
        admin.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Users").setExact(true))
                .first()
                .click();
        admin.getByLabel("Email or name starts with").fill(email);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search"))
                .click();
        assertThat(admin.getByTestId("user-row")).hasCount(1);
        assertThat(admin.getByTestId("user-row")).containsText("Victor Visitor");
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Disable " + email))
                .click();
        assertThat(admin.locator("h1")).hasText("Disable " + email + "?");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Disable account"))
                .click();
        assertThat(admin.getByRole(AriaRole.STATUS)).hasText(email + " is disabled and logged out everywhere.");
        assertThat(admin.getByTestId("user-row")).containsText("Disabled");

        // The user's browser still shows their profile; its next click lands on the login page.
        user.locator(".nav-links")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("History"))
                .click();
        assertThat(user).hasURL(Pattern.compile(".*/login$"));
        assertThat(user.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log in")))
                .isVisible();

        admin.navigate("/admin/audit");
        assertThat(admin.getByTestId("audit-row").first()).containsText("account.disable");
        assertThat(admin.getByTestId("audit-row").first()).containsText(email.toLowerCase());
    }

    @Test
    void theConsolePagesReadWellOnADesktopAndAPhone() {
        String tag = "look" + Long.toString(System.nanoTime(), 36);
        new WebSession(port).register(tag + "-confirmed-with-a-rather-long-address@example.test", "Connie Confirmed");
        new WebSession(port).register(tag + "-unconfirmed@example.test", "Uma Unconfirmed", WebSession.PASSWORD);
        // one disabled account, so the list shows that state and the audit log has an entry
        WebSession admin = new WebSession(port);
        admin.register(ADMIN, "Ada Admin");
        admin.get("/admin/users?q=" + tag);
        long uma = jdbc.sql("SELECT id FROM account WHERE email_key = ?")
                .param(tag + "-unconfirmed@example.test")
                .query(Long.class)
                .single();
        admin.post("/admin/users/" + uma + "/disable", java.util.Map.of());
        for (boolean phone : new boolean[] {false, true}) {
            Page page = adminPage(phone ? newPhoneContext() : newContext());
            String size = phone ? "phone" : "desktop";
            for (String[] visit : new String[][] {
                {"/admin", "70-admin-console"},
                {"/admin/users?q=" + tag, "71-admin-users"},
                {"/admin/audit", "72-admin-audit"}
            }) {
                page.navigate(visit[0]);
                assertNoSidewaysScroll(page);
                assertAccessible(page);
                Browsers.screenshot(page, visit[1] + "-" + size);
            }
        }
    }
}
