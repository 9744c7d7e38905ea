package com.cloudsquad.bank;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.cloudsquad.exam.AttemptMode;
import com.cloudsquad.exam.ExamDriver;
import com.cloudsquad.support.BrowserJourney;
import com.cloudsquad.support.Browsers;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.WebSession;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** An admin finds a flagged question in the item statistics and opens its figures on the edit page. */
@CloudSquadIntegrationTest
class ItemStatisticsJourneyIT extends BrowserJourney {

    @Autowired
    ApplicationContext app;

    @Test
    void anAdminSeesAFlaggedQuestionInTheListAndItsOptionSharesOnItsEditPage() {
        ExamDriver driver = ExamDriver.create(app, 4);
        Set<Long> inEveryTest = null;
        for (int i = 0; i < ItemAnalysis.MIN_ATTEMPTS; i++) {
            Set<Long> drawn = driver.questionIds(
                    driver.take(driver.candidate("stats-journey"), AttemptMode.READINESS, p -> true));
            if (inEveryTest == null) {
                inEveryTest = new HashSet<>(drawn);
            } else {
                inEveryTest.retainAll(drawn);
            }
        }
        long question = inEveryTest.iterator().next();
        String admin = AdminAccount.ensure(port);

        for (boolean phone : new boolean[] {false, true}) {
            BrowserContext context = phone ? newPhoneContext() : newContext();
            Page page = context.newPage();
            page.navigate("/login");
            page.getByLabel("Email").fill(admin);
            page.getByLabel("Password").fill(WebSession.PASSWORD);
            page.getByLabel("Password").press("Enter");
            assertThat(page).not().hasURL(Pattern.compile(".*/login.*")); // logged in (the phone hides the name)

            page.navigate("/admin/questions/statistics");
            if (!phone) {
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Recompute now"))
                        .click();
                assertThat(page.getByRole(AriaRole.STATUS)).containsText("Statistics recomputed:");
            }
            page.getByLabel("Certification")
                    .selectOption(
                            new SelectOption().setLabel(driver.certification().code()));
            page.getByLabel("Only questions that need checking").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show"))
                    .click();
            Locator row = page.locator("[data-question='" + question + "']");
            assertThat(row).containsText("Needs checking");
            assertThat(row).containsText("almost everybody answers it right");
            assertAccessible(page);
            assertNoSidewaysScroll(page);
            Browsers.screenshot(page, "item-statistics-list" + (phone ? "-phone" : ""));

            row.getByRole(AriaRole.LINK).first().click();
            Locator section = page.locator("#item-statistics");
            assertThat(section.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("Item statistics")))
                    .isVisible();
            assertThat(section.getByTestId("option-statistics").first()).containsText("100 % (20)");
            assertAccessible(page);
            assertNoSidewaysScroll(page);
            section.scrollIntoViewIfNeeded();
            Browsers.screenshot(page, "item-statistics-question" + (phone ? "-phone" : ""));
            context.close();
        }
    }
}
