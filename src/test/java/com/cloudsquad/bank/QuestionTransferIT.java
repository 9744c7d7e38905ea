package com.cloudsquad.bank;

import static com.cloudsquad.bank.AdminQuestionPagesIT.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.catalog.Certification;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Export then import through the admin pages, on the real database, in each of the four formats. */
@CloudSquadIntegrationTest
class QuestionTransferIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    QuestionBank bank;

    @Autowired
    Catalog catalog;

    String marker = "zt" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    List<QuestionContent> originals() {
        Certification saa = catalog.byCode("SAA-C03").orElseThrow();
        Certification clf = catalog.byCode("CLF-C02").orElseThrow();
        return List.of(
                new QuestionContent(
                        saa.domains().get(1).id(),
                        3,
                        "Queues: {decoupling} # ~ = :",
                        "An order service must survive spikes.\n\n- keep `orders` durable\n- retry failures\n\n"
                                + "Which design meets this? " + marker,
                        List.of(
                                new QuestionContent.Option("Amazon SQS between the tiers", true, "Buffers = spikes."),
                                new QuestionContent.Option("Direct HTTP calls", false, "Fail under load {#}."),
                                new QuestionContent.Option("A bigger instance", false, "Still one point ~ of failure."),
                                new QuestionContent.Option("<b>Cron</b> batches", false, "")),
                        "Queues decouple producers from consumers.\nSecond line.",
                        List.of(
                                "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/welcome.html"),
                        List.of("sqs", marker)),
                new QuestionContent(
                        clf.domains().get(0).id(),
                        1,
                        null,
                        "Which are advantages of cloud computing? (Choose two.) " + marker,
                        List.of(
                                new QuestionContent.Option("Stop guessing capacity", true, "Scale with demand."),
                                new QuestionContent.Option("Go global in minutes", true, "Many Regions."),
                                new QuestionContent.Option("Buy servers up front", false, "Capital expense."),
                                new QuestionContent.Option("Run your own data centres", false, "Undifferentiated."),
                                new QuestionContent.Option("Fixed monthly hardware cost", false, "Variable instead.")),
                        "The six advantages of cloud computing.",
                        List.of("https://aws.amazon.com/what-is-cloud-computing/"),
                        List.of(marker)),
                new QuestionContent(
                        saa.domains().get(0).id(),
                        2,
                        "Plain " + marker,
                        "Which statement does this policy allow? " + marker
                                + "\n{\"Principal\": \"*\", \"Action\": \"s3:*\"}\nA \\ B \\\\ C",
                        List.of(
                                new QuestionContent.Option(">", true, "A lone > stays."),
                                new QuestionContent.Option("- Create a role", false, "Not a list."),
                                new QuestionContent.Option("*not emphasis*", false, ""),
                                new QuestionContent.Option("A \\ B \\\\ C", false, "")),
                        "Line one\nLine two",
                        List.of(),
                        List.of(marker),
                        null,
                        TextFormat.PLAIN),
                new QuestionContent(
                        clf.domains().get(0).id(),
                        2,
                        "HTML " + marker,
                        QuestionText.sanitize("<p>Which grants the <strong>LEAST</strong> privilege? " + marker + "</p>"
                                + "<pre>{\n  \"Effect\": \"Allow\",\n  \"Action\": \"s3:GetObject\"\n}</pre>"),
                        List.of(
                                new QuestionContent.Option(QuestionText.sanitize("<em>s3:GetObject</em>"), true, ""),
                                new QuestionContent.Option(QuestionText.sanitize("<code>s3:*</code>"), false, ""),
                                new QuestionContent.Option("A &amp; B", false, ""),
                                new QuestionContent.Option("None", false, "")),
                        QuestionText.sanitize("<p>See <a href=\"https://docs.aws.amazon.com/iam/\">IAM</a>.</p>"),
                        List.of(),
                        List.of(marker),
                        null,
                        TextFormat.HTML));
    }

    @ParameterizedTest
    @CsvSource({"json,json", "csv,csv", "gift,gift", "moodle-xml,xml"})
    void exportThenImportGivesBackTheSameQuestions(String format, String extension) throws Exception {
        List<QuestionContent> originals = originals();
        bank.create(originals.get(0), QuestionStatus.PUBLISHED, "admin");
        bank.create(originals.get(1), QuestionStatus.DRAFT, "admin");
        bank.create(originals.get(2), QuestionStatus.DRAFT, "admin");
        bank.create(originals.get(3), QuestionStatus.DRAFT, "admin");

        MvcResult started = mvc.perform(get("/admin/questions/export")
                        .param("format", format)
                        .param("tag", marker)
                        .with(ADMIN))
                .andExpect(request().asyncStarted())
                .andReturn();
        byte[] file = mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(file, StandardCharsets.UTF_8)).contains(marker);

        ImportPreview preview = upload("export." + extension, file);
        assertThat(preview.entriesWithErrors()).isEmpty();
        assertThat(preview.canConfirm()).isTrue();
        mvc.perform(post("/admin/questions/import/" + preview.uploadId() + "/confirm")
                        .with(ADMIN)
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/questions?sort=-id"));

        List<QuestionRow> rows = bank.search(new QuestionFilter(null, null, null, null, null, marker, "id", 0, 50))
                .rows();
        assertThat(rows).hasSize(8);
        for (int i = 0; i < 4; i++) {
            QuestionDetail original = bank.find(rows.get(i).id()).orElseThrow();
            QuestionDetail imported = bank.find(rows.get(i + 4).id()).orElseThrow();
            assertThat(imported.content()).isEqualTo(original.content());
            assertThat(imported.status()).isEqualTo(original.status());
        }
    }

    @Test
    void oneBadQuestionBlocksTheWholeFileAndNothingIsWritten() throws Exception {
        String gift = """
                $CATEGORY: SAA-C03/Design Resilient Architectures

                ::Good %s::Which service queues messages? {=Amazon SQS ~Amazon SNS ~Amazon EBS ~AWS Glue}

                ::Bad %s::Which service is a CDN? {=Amazon CloudFront ~Amazon S3 ~AWS WAF
                """.formatted(marker, marker);
        ImportPreview preview = upload("bad.gift", gift.getBytes(StandardCharsets.UTF_8));

        assertThat(preview.canConfirm()).isFalse();
        assertThat(preview.entriesWithErrors()).singleElement().satisfies(e -> {
            assertThat(e.label()).isEqualTo("line 5 ('Bad " + marker + "')");
            assertThat(e.errors()).containsExactly("The answers start with { but there is no closing }.");
        });
        mvc.perform(post("/admin/questions/import/" + preview.uploadId() + "/confirm")
                        .with(ADMIN)
                        .with(csrf()))
                .andExpect(status().isOk());
        assertThat(bank.search(new QuestionFilter(marker, null, null, null, null, null, "id", 0, 50))
                        .total())
                .isZero();
    }

    @Test
    void aCategoryThatIsNotADomainIsMappedOnThePreview() throws Exception {
        String gift = """
                $CATEGORY: $course$/top/Imported/Networking

                ::Mapped::Which gives private access to S3 from a VPC (%s)? {=A gateway endpoint ~An internet gateway ~A NAT instance ~A public IP}
                """.formatted(marker);
        ImportPreview preview = upload("mapped.gift", gift.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.unmappedCategories()).containsExactly("Imported/Networking");
        long domain = catalog.byCode("SAA-C03").orElseThrow().domains().get(0).id();

        mvc.perform(post("/admin/questions/import/" + preview.uploadId() + "/confirm")
                        .param("category[Imported/Networking]", String.valueOf(domain))
                        .with(ADMIN)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        QuestionRow row = bank.search(new QuestionFilter(marker, null, null, null, null, null, "id", 0, 5))
                .rows()
                .get(0);
        assertThat(row.domainName()).isEqualTo("Design Secure Architectures");
        assertThat(row.status()).isEqualTo(QuestionStatus.DRAFT);
    }

    @Test
    void twoFullMarkAnswersInASingleAnswerQuestionWaitForTheAdminsChoice() throws Exception {
        String gift = """
                $CATEGORY: SAA-C03/Design Secure Architectures

                ::First %s::Which is right? {=Alpha =Beta ~Gamma ~Delta}
                """.formatted(marker);
        ImportPreview preview = upload("keys.gift", gift.getBytes(StandardCharsets.UTF_8));

        assertThat(preview.needsTwoKeysChoice()).isTrue();
        assertThat(preview.canConfirm()).isFalse();
        assertThat(preview.entries().get(0).warnings())
                .contains("The file asks for one answer but gives full marks to A and B: either is right there."
                        + " Choose below how to import such questions.");
        mvc.perform(post("/admin/questions/import/" + preview.uploadId() + "/confirm")
                        .with(ADMIN)
                        .with(csrf()))
                .andExpect(status().isOk());
        assertThat(bank.search(new QuestionFilter(marker, null, null, null, null, null, "id", 0, 5))
                        .total())
                .as("nothing imported before the choice")
                .isZero();

        mvc.perform(post("/admin/questions/import/" + preview.uploadId() + "/confirm")
                        .param("twoKeys", "FIRST_AS_KEY")
                        .with(ADMIN)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        QuestionDetail first = bank.find(
                        bank.search(new QuestionFilter(null, null, null, null, null, null, "-id", 0, 1))
                                .rows()
                                .get(0)
                                .id())
                .orElseThrow();
        assertThat(first.content().title()).isEqualTo("First " + marker);
        assertThat(first.content().options())
                .extracting(QuestionContent.Option::correct)
                .containsExactly(true, false, false, false);
        assertThat(first.content().tags()).contains(QuestionImport.NEEDS_REVIEW);
        assertThat(first.status()).isEqualTo(QuestionStatus.DRAFT);

        ImportPreview second =
                upload("keys.gift", gift.replace("First", "Second").getBytes(StandardCharsets.UTF_8));
        mvc.perform(post("/admin/questions/import/" + second.uploadId() + "/confirm")
                        .param("twoKeys", "MULTIPLE_RESPONSE")
                        .with(ADMIN)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        QuestionDetail multiple = bank.find(
                        bank.search(new QuestionFilter(null, null, null, null, null, null, "-id", 0, 1))
                                .rows()
                                .get(0)
                                .id())
                .orElseThrow();
        assertThat(multiple.content().title()).isEqualTo("Second " + marker);
        assertThat(multiple.content().multipleResponse()).isTrue();
    }

    @Test
    void tagsWithSpacesAreNormalisedAndThePreviewSaysSo() throws Exception {
        String xml = """
                <quiz><question type="multichoice"><name><text>Tags %s</text></name>
                <questiontext format="html"><text>Which is a region? %s</text></questiontext>
                <answer fraction="100"><text>eu-west-1</text></answer><answer fraction="0"><text>us-east-1a</text></answer>
                <answer fraction="0"><text>edge</text></answer><answer fraction="0"><text>local zone</text></answer>
                <tags><tag><text>Cloud Practitioner</text></tag><tag><text>S3</text></tag></tags>
                <cloudsquad><certification>CLF-C02</certification><domain>Cloud Concepts</domain></cloudsquad>
                </question></quiz>
                """.formatted(marker, marker);
        ImportPreview preview = upload("tags.xml", xml.getBytes(StandardCharsets.UTF_8));

        assertThat(preview.canConfirm()).isTrue();
        assertThat(preview.entries().get(0).warnings())
                .contains("Tag 'Cloud Practitioner' becomes 'cloud-practitioner'.", "Tag 'S3' becomes 's3'.");
        assertThat(preview.entries().get(0).content().tags()).containsExactly("cloud-practitioner", "s3");
    }

    @ParameterizedTest
    @CsvSource({"questions.gift.txt,gift", "moodle.txt,moodle-xml", "bank.txt,json", "sheet.txt,csv"})
    void textFilesAreRecognisedByTheirContent(String name, String format) throws Exception {
        String content =
                switch (format) {
                    case "gift" -> "// exported\n::T::Which? {=a ~b ~c ~d}\n";
                    case "moodle-xml" -> "<?xml version=\"1.0\"?>\n<quiz></quiz>";
                    case "json" -> "{\"format\": \"cloudsquad-questions\", \"version\": 1, \"questions\": []}";
                    default -> "stem,option_a,option_b,correct\nWhich?,a,b,A\n";
                };
        ImportPreview preview = upload(name, content.getBytes(StandardCharsets.UTF_8));

        assertThat(preview.formatId()).isEqualTo(format);
    }

    @Test
    void aFileWithNothingToImportSaysWhyAndAnUnmappedCategoryIsANextStepNotAnError() throws Exception {
        ImportPreview essays = upload("essay.gift", "::E::Explain IAM. {}\n\n::N::How many? {#3}\n".getBytes());
        assertThat(essays.summary())
                .isEqualTo(
                        "Nothing can be imported: the file's 2 question(s) are all of types Cloud Squad does not take"
                                + " (multiple choice only).");

        String gift =
                "$CATEGORY: Imported/Storage\n\n::S %s::Which stores objects? {=S3 ~EBS ~EFS ~FSx}\n".formatted(marker);
        String page = mvc.perform(multipart("/admin/questions/import")
                        .file(new MockMultipartFile("file", "map.gift", "text/plain", gift.getBytes()))
                        .with(ADMIN)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(
                        "Next step:",
                        "1 question(s) will be imported once each category has a domain.",
                        "Waiting for a domain")
                .doesNotContain("data-testid=\"import-errors\"", "cannot be imported as the file stands");
    }

    @Test
    void moreThanFiveThousandQuestionsAreRefusedWithAClearMessage() throws Exception {
        StringBuilder csv = new StringBuilder("certification,domain,stem,option_a,option_b,correct\n");
        for (int i = 0; i <= QuestionImport.MAX_QUESTIONS; i++) {
            csv.append("SAA-C03,Design Secure Architectures,Question ")
                    .append(i)
                    .append(",yes,no,A\n");
        }
        ImportPreview preview = upload("big.csv", csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(preview.canConfirm()).isFalse();
        assertThat(preview.fileErrors())
                .singleElement()
                .satisfies(
                        e -> assertThat(e.message())
                                .isEqualTo(
                                        "The file holds 5001 questions; at most 5000 can be imported at once. Split it into smaller files."));
    }

    private ImportPreview upload(String name, byte[] content) throws Exception {
        return (ImportPreview) mvc.perform(multipart("/admin/questions/import")
                        .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                        .with(ADMIN)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getModelAndView()
                .getModel()
                .get("preview");
    }
}
