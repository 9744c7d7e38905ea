package com.cloudsquad.bank;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.cloudsquad.support.BrowserJourney;
import com.cloudsquad.support.Browsers;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.WebSession;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An admin keeps the question bank: create, validate, publish, edit into a new version. */
@CloudSquadIntegrationTest
class AdminQuestionJourneyIT extends BrowserJourney {

    BrowserContext context;
    Page page;
    final String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    @BeforeEach
    void logInAsAdmin() {
        context = newContext();
        page = context.newPage();
        page.navigate("/login");
        page.getByLabel("Email").fill(AdminAccount.ensure(port));
        page.getByLabel("Password").fill(WebSession.PASSWORD);
        page.getByLabel("Password").press("Enter");
        assertThat(page.getByTestId("user-name")).isVisible();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void anAdminCreatesAMultipleResponseQuestionPublishesItAndEditsItIntoANewVersion() {
        page.navigate("/admin/questions");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New question"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("New question");

        page.getByLabel("Domain").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(2));
        page.getByLabel("Question").fill("Which two services store objects durably? " + marker);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add option"))
                .click();
        Locator rows = page.getByTestId("option-row");
        assertThat(rows).hasCount(5);
        page.getByLabel("Text of option A").fill("Amazon S3");
        page.getByLabel("Text of option B").fill("Amazon S3 Glacier Flexible Retrieval");
        page.getByLabel("Text of option C").fill("Amazon EC2 instance store");
        page.getByLabel("Text of option D").fill("Amazon ElastiCache");
        page.getByLabel("Text of option E").fill("Amazon CloudFront");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and publish"))
                .click();

        assertThat(page.locator("#options-hint")).hasText("Mark at least one option as correct.");
        assertThat(page.getByTestId("option-row")).hasCount(5);
        Browsers.screenshot(page, "10-admin-question-errors");

        rows.nth(0).getByLabel("Correct").check();
        rows.nth(1).getByLabel("Correct").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview"))
                .click();
        assertThat(page.locator("#preview")).containsText("(Choose two.)");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and publish"))
                .click();

        assertThat(page.getByTestId("question-status")).hasText("published");
        Browsers.screenshot(page, "11-admin-question-published");

        page.getByLabel("Text of option C").fill("Amazon EBS gp3 volume");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as new version"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved as version 2");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("History (2 versions)"))
                .click();
        assertThat(page.getByTestId("version")).hasCount(2);
        assertThat(page.getByTestId("version").first()).containsText("Option C text changed");
        Browsers.screenshot(page, "12-admin-question-history");

        page.navigate("/admin/questions");
        page.getByLabel("Search").fill(marker);
        assertThat(page.getByTestId("result-count")).hasText("1 question");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*q=" + marker + ".*"));
        Browsers.screenshot(page, "13-admin-question-list");
    }

    @Test
    void anAdminImportsAGiftFileSeesTheLineOfTheBadQuestionFixesItAndImports() {
        String good =
                "::Queue::Which service buffers requests between tiers (%s)? {=Amazon SQS ~Amazon SNS ~Amazon EBS ~AWS Glue}"
                        .formatted(marker);
        String broken =
                "::CDN::Which service is a content delivery network (%s)? {=Amazon CloudFront ~Amazon S3 ~AWS WAF ~Amazon VPC"
                        .formatted(marker);
        String file = "$CATEGORY: SAA-C03/Design Resilient Architectures\n\n" + good + "\n\n" + broken + "\n";

        page.navigate("/admin/questions/import");
        page.getByLabel("File", new Page.GetByLabelOptions().setExact(true))
                .setInputFiles(new FilePayload("bank.gift", "text/plain", file.getBytes(UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview import"))
                .click();
        assertThat(page.getByTestId("import-errors"))
                .containsText("line 5 ('CDN'): The answers start with { but there is no closing }.");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import 2 question(s)")))
                .isDisabled();
        Browsers.screenshot(page, "14-admin-import-error");

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Import").setExact(true))
                .click();
        String fixed = file.replace("~Amazon VPC", "~Amazon VPC}");
        page.getByLabel("File", new Page.GetByLabelOptions().setExact(true))
                .setInputFiles(new FilePayload("bank.gift", "text/plain", fixed.getBytes(UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview import"))
                .click();
        assertThat(page.getByTestId("import-summary")).hasText("2 question(s) read, 0 with errors, 0 skipped");
        Browsers.screenshot(page, "15-admin-import-preview");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import 2 question(s)"))
                .click();

        assertThat(page.getByText("Imported 2 question(s).")).isVisible();
        page.getByLabel("Search").fill(marker);
        assertThat(page.getByTestId("result-count")).hasText("2 questions");
    }
}
