package com.cloudsquad.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Chromium for the end-to-end tests: the one named by PLAYWRIGHT_CHROMIUM_EXECUTABLE, else the
 * system's /usr/bin/chromium, else Playwright's own download.
 */
public final class Browsers {

    private Browsers() {}

    public static Playwright playwright() {
        Map<String, String> env = systemChromium() == null ? Map.of() : Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        return Playwright.create(new Playwright.CreateOptions().setEnv(env));
    }

    public static Browser chromium(Playwright playwright) {
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions()
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking"));
        Path executable = systemChromium();
        if (executable != null) {
            options.setExecutablePath(executable);
        }
        return playwright.chromium().launch(options);
    }

    /**
     * Saves a screenshot under target/screenshots for people to look at: the whole page, or only
     * the window on a very long one (a full screenshot of, say, the exams page listing every test's
     * certification at a phone's pixel density outlasted Playwright's 30 s on a busy machine).
     */
    public static void screenshot(Page page, String name) {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Number height = (Number) page.evaluate("() => document.documentElement.scrollHeight");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(dir.resolve(name + ".png"))
                .setFullPage(height.intValue() <= 6000));
    }

    private static Path systemChromium() {
        String configured = System.getenv("PLAYWRIGHT_CHROMIUM_EXECUTABLE");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path system = Path.of("/usr/bin/chromium");
        return Files.isExecutable(system) ? system : null;
    }
}
