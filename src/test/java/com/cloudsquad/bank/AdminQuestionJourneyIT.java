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
import com.microsoft.playwright.options.SelectOption;
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
        assertThat(page.getByTestId("import-summary"))
                .hasText("Nothing will be imported yet: 1 of 2 question(s) read have errors (listed below)."
                        + " An import is all or nothing: fix the file and upload it again.");
        assertThat(page.getByTestId("import-confirm")).isDisabled();
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
        assertThat(page.getByTestId("import-summary")).hasText("2 question(s) will be imported.");
        Browsers.screenshot(page, "15-admin-import-preview");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import 2 question(s)"))
                .click();

        assertThat(page.getByText("Imported 2 question(s).")).isVisible();
        page.getByLabel("Search").fill(marker);
        assertThat(page.getByTestId("result-count")).hasText("2 questions");
    }

    @Test
    void anAdminImportsMoodleXmlMapsItsCategoriesAndSeesTheQuestionsAsWritten() {
        String policy = "{\n  \"Effect\": \"Allow\",\n  \"Principal\": \"*\",\n  \"Action\": \"s3:GetObject\"\n}";
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <quiz>
                  <question type="category"><category><text>$course$/top/Default for AWS/Security</text></category></question>
                  <question type="multichoice">
                    <name><text><![CDATA[<b>Bucket policy</b> %1$s]]></text></name>
                    <questiontext format="html"><text><![CDATA[<p dir="ltr">Which change grants the <strong>LEAST</strong> privilege? %1$s</p>
                <pre>%2$s</pre><p><img src="@@PLUGINFILE@@/policy.png" alt="Policy diagram"></p>]]></text></questiontext>
                    <single>true</single>
                    <answer fraction="100" format="html"><text><![CDATA[<p>Name the role instead of <code>"*"</code></p>]]></text></answer>
                    <answer fraction="50" format="html"><text>Remove the statement</text></answer>
                    <answer fraction="0" format="html"><text>Add &lt;em&gt;s3:*&lt;/em&gt;</text></answer>
                    <answer fraction="0" format="html"><text>Make the bucket public</text></answer>
                    <tags><tag><text>Cloud Practitioner</text></tag></tags>
                  </question>
                  <question type="category"><category><text>$course$/top/Default for AWS/Storage</text></category></question>
                  <question type="multichoice">
                    <name><text>Plain %1$s</text></name>
                    <questiontext format="plain_text"><text>Which path is shown? A \\ B \\\\ C > D %1$s</text></questiontext>
                    <single>true</single>
                    <answer fraction="100" format="plain_text"><text>- Create a role</text></answer>
                    <answer fraction="0" format="plain_text"><text>></text></answer>
                    <answer fraction="0" format="plain_text"><text>*not bold*</text></answer>
                    <answer fraction="0" format="plain_text"><text>None</text></answer>
                  </question>
                  <question type="essay"><name><text>Explain</text></name><questiontext><text>Why?</text></questiontext></question>
                </quiz>
                """.formatted(marker, policy.replace("\"", "&quot;"));

        page.navigate("/admin/questions/import");
        page.getByLabel("File", new Page.GetByLabelOptions().setExact(true))
                .setInputFiles(new FilePayload("moodle-export.xml", "application/xml", xml.getBytes(UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview import"))
                .click();

        assertThat(page.getByTestId("import-summary"))
                .hasText("2 question(s) will be imported once each category has a domain;"
                        + " 1 skipped (types Cloud Squad does not take).");
        assertThat(page.getByTestId("import-errors")).hasCount(0);
        assertThat(page.getByTestId("map-categories")).containsText("Next step");
        assertThat(page.getByTestId("import-entries"))
                .containsText("1 image(s) cannot be imported and are left out (Policy diagram)");
        assertThat(page.getByTestId("import-entries"))
                .containsText("Tag 'Cloud Practitioner' becomes 'cloud-practitioner'.");
        assertThat(page.getByTestId("import-entries")).containsText("Option B gives 50% credit in the file");
        assertThat(page.getByTestId("import-entries")).containsText("It is an essay question");
        assertThat(page.getByTestId("import-confirm")).isDisabled();
        Browsers.screenshot(page, "16-admin-import-moodle-map");

        page.getByLabel("Default for AWS/Security")
                .selectOption(new SelectOption().setLabel("SAA-C03 · Design Secure Architectures"));
        page.getByLabel("Default for AWS/Storage")
                .selectOption(new SelectOption().setLabel("SAA-C03 · Design Resilient Architectures"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply and preview again"))
                .click();
        assertThat(page.getByTestId("import-summary"))
                .hasText("2 question(s) will be imported; 1 skipped (types Cloud Squad does not take).");
        Browsers.screenshot(page, "17-admin-import-moodle-ready");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import 2 question(s)"))
                .click();
        assertThat(page.getByText("Imported 2 question(s).")).isVisible();

        page.getByLabel("Search").fill(marker);
        assertThat(page.getByTestId("result-count")).hasText("2 questions");
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("Which change")))
                .click();
        Locator stem = page.getByTestId("preview").locator(".stem");
        assertThat(stem.locator("strong")).hasText("LEAST");
        assertThat(stem.locator("pre")).hasText(policy);
        assertThat(page.getByTestId("preview").locator(".option-text").first().locator("code"))
                .hasText("\"*\"");
        assertThat(page.getByTestId("preview").locator(".option-text").nth(2).locator("em"))
                .hasText("s3:*");
        assertThat(page.getByLabel("Text format")).hasValue("HTML");
        assertThat(page.getByLabel("Tags")).hasValue("cloud-practitioner");
        Browsers.screenshot(page, "18-admin-imported-html-question");

        page.goBack();
        page.navigate("/admin/questions?q=" + marker);
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("Which path")))
                .click();
        assertThat(page.getByTestId("preview").locator(".stem"))
                .hasText("Which path is shown? A \\ B \\\\ C > D " + marker);
        assertThat(page.getByTestId("preview").locator(".option-text"))
                .hasText(new String[] {"- Create a role", ">", "*not bold*", "None"});
        assertThat(page.getByLabel("Text format")).hasValue("PLAIN");
    }
}
