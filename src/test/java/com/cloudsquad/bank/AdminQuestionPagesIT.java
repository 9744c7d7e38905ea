package com.cloudsquad.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@CloudSquadIntegrationTest
class AdminQuestionPagesIT {

    static final RequestPostProcessor ADMIN = user("admin@cloudsquad.test").roles("CANDIDATE", "ADMIN");
    static final RequestPostProcessor CANDIDATE = user("candidate@example.test").roles("CANDIDATE");

    @Autowired
    MockMvc mvc;

    @Autowired
    Catalog catalog;

    @Autowired
    QuestionBank bank;

    String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @Test
    void theListIsAWholePageAndItsHtmxRequestIsTheResultsFragmentOnly() throws Exception {
        mvc.perform(get("/admin/questions").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(view().name(AdminQuestionController.VIEW_LIST))
                .andExpect(content().string(containsString("<header class=\"site-header\">")))
                .andExpect(content().string(containsString("id=\"results\"")))
                // each filter's label holds its own words only, not the options of its select
                .andExpect(content().string(containsString("<label for=\"status\">Status</label>")))
                .andExpect(content().string(containsString("<label for=\"certification\">Certification</label>")));

        mvc.perform(get("/admin/questions")
                        .param("status", "DRAFT")
                        .header("HX-Request", "true")
                        .with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(view().name(AdminQuestionController.VIEW_LIST + " :: results"))
                .andExpect(content().string(containsString("id=\"results\"")))
                .andExpect(content().string(not(containsString("site-header"))));
    }

    @Test
    void candidatesCannotReachAnyAdminQuestionRoute() throws Exception {
        mvc.perform(get("/admin/questions").with(CANDIDATE)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/questions/new").with(CANDIDATE)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/questions/import").with(CANDIDATE)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/questions/export").param("format", "json").with(CANDIDATE))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/questions").with(CANDIDATE).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/questions/bulk")
                        .param("status", "RETIRED")
                        .with(CANDIDATE)
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void anInvalidQuestionComesBackWithErrorsOnTheFieldsAtFaultAndIsNotStored() throws Exception {
        long before = bank.count();
        mvc.perform(form(post("/admin/questions"))
                        .param("stem", "")
                        .param("options[0].text", "Only one")
                        .param("options[1].text", "")
                        .param("references", "http://insecure.example"))
                .andExpect(status().isOk())
                .andExpect(view().name(AdminQuestionController.VIEW_FORM))
                .andExpect(model().attributeHasFieldErrors(
                                "questionForm", "stem", "options", "options[1].text", "references"))
                .andExpect(content().string(containsString("Mark at least one option as correct.")))
                .andExpect(content().string(containsString("References must be https links")))
                // the option's error is tied to its input for screen readers
                .andExpect(
                        content().string(containsString("aria-invalid=\"true\" aria-describedby=\"option-1-error\"")))
                .andExpect(content().string(containsString("id=\"option-1-error\"")))
                .andExpect(content().string(not(containsString("aria-describedby=\"option-0-error\""))));
        assertThat(bank.count()).isEqualTo(before);
    }

    @Test
    void addingAnOptionRowReturnsTheRowsWithWhatWasTyped() throws Exception {
        mvc.perform(form(post("/admin/questions/options"))
                        .header("HX-Request", "true")
                        .param("add", "1")
                        .param("options[0].text", "Kept text A")
                        .param("options[0].correct", "true")
                        .param("options[1].text", "Kept text B"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kept text A")))
                .andExpect(content().string(containsString("options[2].text")))
                .andExpect(content().string(not(containsString("options[3].text"))))
                .andExpect(content().string(not(containsString("site-header"))));
    }

    @Test
    void removingAnOptionRowRenumbersTheRest() throws Exception {
        mvc.perform(form(post("/admin/questions/options"))
                        .param("remove", "0")
                        .param("options[0].text", "Gone")
                        .param("options[1].text", "Stays B")
                        .param("options[2].text", "Stays C"))
                .andExpect(content().string(not(containsString("Gone"))))
                .andExpect(content().string(containsString("Stays B")))
                .andExpect(content().string(not(containsString("options[2].text"))));
    }

    @Test
    void aValidQuestionIsPublishedThenEditingItAddsAVersion() throws Exception {
        String location = mvc.perform(form(post("/admin/questions"))
                        .param("action", "publish")
                        .param("stem", "Which service stores objects? " + marker + " (Choose two.)")
                        .param("options[0].text", "Amazon S3")
                        .param("options[0].correct", "true")
                        .param("options[1].text", "Amazon S3 Glacier Flexible Retrieval")
                        .param("options[1].correct", "true")
                        .param("options[2].text", "Amazon EC2")
                        .param("options[3].text", "Amazon VPC")
                        .param("options[4].text", "AWS IAM"))
                .andExpect(redirectedUrlPattern("/admin/questions/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        QuestionDetail published = bank.find(id).orElseThrow();
        assertThat(published.status()).isEqualTo(QuestionStatus.PUBLISHED);
        assertThat(published.content().multipleResponse()).isTrue();

        mvc.perform(form(post("/admin/questions/" + id))
                        .param("lockVersion", String.valueOf(published.lockVersion()))
                        .param("stem", "Which services store objects? " + marker + " (Choose two.)")
                        .param("options[0].text", "Amazon S3")
                        .param("options[0].correct", "true")
                        .param("options[1].text", "Amazon S3 Glacier Flexible Retrieval")
                        .param("options[1].correct", "true")
                        .param("options[2].text", "Amazon EC2")
                        .param("options[3].text", "Amazon VPC")
                        .param("options[4].text", "AWS IAM"))
                .andExpect(redirectedUrl("/admin/questions/" + id));

        assertThat(bank.history(id)).hasSize(2);
        mvc.perform(get("/admin/questions/" + id + "/history").with(ADMIN))
                .andExpect(content().string(containsString("Version 2")))
                .andExpect(content().string(containsString("Question text changed")));
    }

    @Test
    void anEditBasedOnAnOldCopyIsRefusedWithAMessage() throws Exception {
        long domain = catalog.byCode("SAA-C03").orElseThrow().domains().get(0).id();
        long id = bank.create(
                QuestionRulesTests.question(java.util.List.of(
                                QuestionRulesTests.right("A " + marker),
                                QuestionRulesTests.wrong("B"),
                                QuestionRulesTests.wrong("C"),
                                QuestionRulesTests.wrong("D")))
                        .withDomain(domain),
                QuestionStatus.DRAFT,
                "a");
        int staleLock = bank.find(id).orElseThrow().lockVersion();
        bank.changeStatus(java.util.List.of(id), QuestionStatus.PUBLISHED);

        mvc.perform(form(post("/admin/questions/" + id))
                        .param("lockVersion", String.valueOf(staleLock))
                        .param("stem", "Edited " + marker)
                        .param("options[0].text", "A")
                        .param("options[0].correct", "true")
                        .param("options[1].text", "B")
                        .param("options[2].text", "C")
                        .param("options[3].text", "D"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else saved this question")));
    }

    @Test
    void thePreviewRendersLightMarkdownAndNeverTheAuthorsHtml() throws Exception {
        mvc.perform(form(post("/admin/questions/preview"))
                        .header("HX-Request", "true")
                        .param("stem", "Use `aws s3 sync` <script>alert(1)</script>")
                        .param("options[0].text", "<b>bold</b>")
                        .param("options[0].correct", "true")
                        .param("options[1].text", "Two")
                        .param("options[1].correct", "true")
                        .param("options[2].text", "Three"))
                .andExpect(content().string(containsString("<code>aws s3 sync</code>")))
                .andExpect(content().string(containsString("&lt;script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(containsString("&lt;b&gt;bold&lt;/b&gt;")))
                .andExpect(content().string(containsString("(Choose two.)")));
    }

    @Test
    void thePreviewRendersEachTextFormatAsWritten() throws Exception {
        mvc.perform(form(post("/admin/questions/preview"))
                        .header("HX-Request", "true")
                        .param("format", "PLAIN")
                        .param("stem", "{\"Principal\": \"*\", \"Action\": \"s3:*\"}\nA \\ B \\\\ C")
                        .param("options[0].text", ">")
                        .param("options[0].correct", "true")
                        .param("options[1].text", "- Create a role"))
                .andExpect(content()
                        .string(containsString("<p>{&quot;Principal&quot;: &quot;*&quot;, &quot;Action&quot;:"
                                + " &quot;s3:*&quot;}<br>\nA \\ B \\\\ C</p>")))
                .andExpect(content().string(containsString("<span class=\"option-text\">&gt;</span>")))
                .andExpect(content().string(containsString("<span class=\"option-text\">- Create a role</span>")));

        mvc.perform(form(post("/admin/questions/preview"))
                        .header("HX-Request", "true")
                        .param("format", "HTML")
                        .param(
                                "stem",
                                "<p>The <strong>LEAST</strong></p><pre>{\"a\": 1}</pre><script>x()</script>"
                                        + "<a href=\"data:text/html,x\">d</a>")
                        .param("options[0].text", "<em>one</em>")
                        .param("options[0].correct", "true")
                        .param("options[1].text", "two"))
                .andExpect(content().string(containsString("<p>The <strong>LEAST</strong></p><pre>{\"a\": 1}</pre>d")))
                .andExpect(content().string(not(containsString("x()"))))
                .andExpect(content().string(containsString("<span class=\"option-text\"><em>one</em></span>")));
    }

    @Test
    void anHtmlQuestionIsStoredSanitisedWithItsFormat() throws Exception {
        String location = mvc.perform(form(post("/admin/questions"))
                        .param("format", "HTML")
                        .param(
                                "stem",
                                "<p onclick=\"x()\">Which <strong>LEAST</strong> " + marker
                                        + "?</p><script>x()</script>")
                        .param("options[0].text", "<em>A</em>")
                        .param("options[0].correct", "true")
                        .param("options[1].text", "B")
                        .param("options[2].text", "C")
                        .param("options[3].text", "D"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        QuestionContent stored = bank.find(id).orElseThrow().content();
        assertThat(stored.format()).isEqualTo(TextFormat.HTML);
        assertThat(stored.stem()).isEqualTo("<p>Which <strong>LEAST</strong> " + marker + "?</p>");
        mvc.perform(get("/admin/questions/" + id).with(ADMIN))
                .andExpect(
                        content().string(containsString("<option value=\"HTML\" selected=\"selected\">HTML</option>")))
                .andExpect(content().string(containsString("<p>Which <strong>LEAST</strong> " + marker + "?</p>")));
        // the bank list shows its text, not its tags
        mvc.perform(get("/admin/questions").param("q", marker).with(ADMIN))
                .andExpect(content().string(containsString("Which LEAST " + marker + "?")))
                .andExpect(content().string(not(containsString("&lt;strong&gt;"))));
    }

    @Test
    void theBankListLoadsTheLengthCheckWhichShowsTheGroupsOverTheThresholds(@Autowired OptionLengthAudit audit)
            throws Exception {
        mvc.perform(get("/admin/questions").with(ADMIN))
                .andExpect(content().string(containsString("hx-get=\"/admin/questions/length-check\"")));

        String fragment = mvc.perform(get("/admin/questions/length-check")
                        .header("HX-Request", "true")
                        .with(ADMIN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        List<OptionLengthStats.Group> warnings = audit.current().warnings();
        if (warnings.isEmpty()) {
            assertThat(fragment).doesNotContain("give keys away");
        } else {
            assertThat(fragment).contains("The options give keys away by their length.");
            for (OptionLengthStats.Group g : warnings) {
                assertThat(fragment)
                        .contains(g.exam() + " · " + g.kind(), g.longestIsKeyPercent() + " %", g.ratio() + "×");
            }
        }
    }

    private MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request) {
        long certification = catalog.byCode("SAA-C03").orElseThrow().id();
        long domain = catalog.byCode("SAA-C03").orElseThrow().domains().get(0).id();
        return request.with(ADMIN)
                .with(csrf())
                .param("certificationId", String.valueOf(certification))
                .param("domainId", String.valueOf(domain))
                .param("difficulty", "2");
    }

    @Test
    void aNewQuestionsCertificationIsChosenInTheForm() throws Exception {
        var clf = catalog.byCode("CLF-C02").orElseThrow();
        mvc.perform(get("/admin/questions/new")
                        .param("certification", String.valueOf(clf.id()))
                        .with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(containsString("<label for=\"certification-choice\">Certification</label>")))
                .andExpect(content().string(containsString("form=\"choose-certification\"")))
                .andExpect(content()
                        .string(containsString("<option value=\"" + clf.id() + "\" selected=\"selected\">CLF-C02")))
                .andExpect(content().string(not(containsString("Switch to"))));
    }
}
