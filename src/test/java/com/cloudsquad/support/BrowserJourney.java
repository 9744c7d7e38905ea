package com.cloudsquad.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Playwright;
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

    protected BrowserContext newContext(int width, int height) {
        return browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setViewportSize(width, height));
    }
}
