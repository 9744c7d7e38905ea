package com.cloudsquad.bank.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.bank.TextFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class GiftQuestionFormatTests {

    private final GiftQuestionFormat gift = new GiftQuestionFormat();

    @Test
    void exportThenImportGivesBackTheSameQuestionsWithTheCategoryForCertificationAndDomain() {
        String file = Samples.write(gift, Samples.ALL);

        assertThat(file).contains("$CATEGORY: SAA-C03/Design Secure Architectures", "~%33.33333%");
        ParsedFile parsed = Samples.parse(gift, file);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.skipped()).isEmpty();
        assertThat(Samples.questions(parsed))
                .isEqualTo(Samples.ALL.stream().map(Samples::asCategory).toList());
    }

    @Test
    void readsTitlesEscapesFeedbackAndCategoriesAsMoodleWritesThem() {
        ParsedFile parsed = Samples.parse(gift, """
                // question: 12  name: VPC endpoints
                $CATEGORY: $course$/top/AWS/Networking

                ::VPC\\: endpoints::[html]<p>Which endpoint type reaches <b>Amazon S3</b> at no hourly cost?</p> {
                  =Gateway endpoint#Right\\: free, route-table based.
                  ~Interface endpoint#Billed per hour \\= per AZ.
                  ~NAT gateway#Costs money\\~
                  ~Internet gateway \\{public\\}#Public path.
                  ####General \\#feedback.
                }
                """);

        assertThat(parsed.errors()).isEmpty();
        ParsedFile.Parsed p = parsed.questions().get(0);
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.label()).isEqualTo("line 4 ('VPC: endpoints')");
        QuestionData q = p.question();
        assertThat(q.category()).isEqualTo("AWS/Networking");
        assertThat(q.title()).isEqualTo("VPC: endpoints");
        assertThat(q.format()).isEqualTo(TextFormat.HTML);
        assertThat(q.stem()).isEqualTo("<p>Which endpoint type reaches <b>Amazon S3</b> at no hourly cost?</p>");
        assertThat(q.options())
                .extracting(QuestionData.OptionData::text)
                .containsExactly("Gateway endpoint", "Interface endpoint", "NAT gateway", "Internet gateway {public}");
        assertThat(q.options())
                .extracting(QuestionData.OptionData::explanation)
                .containsExactly(
                        "Right: free, route-table based.", "Billed per hour = per AZ.", "Costs money~", "Public path.");
        assertThat(q.options()).extracting(QuestionData.OptionData::correct).containsExactly(true, false, false, false);
        assertThat(q.explanation()).isEqualTo("General #feedback.");
    }

    @Test
    void weightsMakeAMultipleResponseQuestionAndNewlineEscapesBreakLines() {
        ParsedFile parsed = Samples.parse(gift, """
                Which two are serverless?\\nPick carefully. {~%50%AWS Lambda ~%50%AWS Fargate ~%-100%Amazon EC2 ~%-100%Amazon EBS ~%-100%AWS Outposts}
                """);

        QuestionData q = parsed.questions().get(0).question();
        assertThat(q.stem()).isEqualTo("Which two are serverless?\nPick carefully.");
        assertThat(q.options())
                .extracting(QuestionData.OptionData::correct)
                .containsExactly(true, true, false, false, false);
        assertThat(q.isMultipleResponse()).isTrue();
    }

    @Test
    void partialCreditInASingleAnswerQuestionIsNotAnAnswerAndTheNoteSaysSo() {
        ParsedFile parsed = Samples.parse(gift, "Pick one {=Best ~%50%Half right ~Wrong ~Also wrong}");

        assertThat(parsed.questions().get(0).question().options())
                .extracting(QuestionData.OptionData::correct)
                .containsExactly(true, false, false, false);
        assertThat(parsed.questions().get(0).notes())
                .containsExactly("Option B gives 50% credit in the file; Cloud Squad has no partial credit,"
                        + " so it counts as a wrong answer.");
    }

    @Test
    void twoFullMarkAnswersStayTwoKeysOfASingleAnswerQuestionForTheImportToDecide() {
        ParsedFile parsed = Samples.parse(gift, "Which is right? {=Alpha =Beta ~Gamma ~Delta}");

        QuestionData q = parsed.questions().get(0).question();
        assertThat(q.singleAnswer()).isTrue();
        assertThat(q.options()).extracting(QuestionData.OptionData::correct).containsExactly(true, true, false, false);
    }

    @Test
    void withoutAMarkerTextIsPlainAsMoodlesAutoFormatAndMarkersChooseTheFormat() {
        ParsedFile parsed = Samples.parse(gift, """
                Policy\\: \\{"Principal"\\: "*"\\}\\nA \\\\ B {=> ~- Create a role ~*x* ~y}

                [markdown]Is **this** bold? {=yes ~no ~maybe ~never}

                [moodle]Auto format {=a ~b ~c ~d}

                [plain]Plain <b>tag</b> {=a ~b ~c ~d}

                [html]<p>Keep <strong>LEAST</strong></p><script>alert(1)</script> {=<em>a</em> ~[plain]1 < 2 ~c ~d}
                """);

        assertThat(parsed.errors()).isEmpty();
        List<QuestionData> q = Samples.questions(parsed);
        assertThat(q)
                .extracting(QuestionData::format)
                .containsExactly(
                        TextFormat.PLAIN, TextFormat.MARKDOWN, TextFormat.PLAIN, TextFormat.PLAIN, TextFormat.HTML);
        assertThat(q.get(0).stem()).isEqualTo("Policy: {\"Principal\": \"*\"}\nA \\ B");
        assertThat(q.get(0).options())
                .extracting(QuestionData.OptionData::text)
                .containsExactly(">", "- Create a role", "*x*", "y");
        assertThat(q.get(1).stem()).isEqualTo("Is **this** bold?");
        assertThat(q.get(3).stem()).isEqualTo("Plain <b>tag</b>");
        assertThat(q.get(4).stem()).isEqualTo("<p>Keep <strong>LEAST</strong></p>");
        assertThat(q.get(4).options())
                .extracting(QuestionData.OptionData::text)
                .containsExactly("<em>a</em>", "<p>1 &lt; 2</p>", "c", "d");
    }

    @Test
    void htmlImagesAreLeftOutWithANote() {
        ParsedFile parsed = Samples.parse(
                gift, "[html]<p>See <img src=\"@@PLUGINFILE@@/vpc.png\" alt=\"VPC diagram\"></p> {=a ~b ~c ~d}");

        assertThat(parsed.questions().get(0).question().stem()).isEqualTo("<p>See </p>");
        assertThat(parsed.questions().get(0).notes()).singleElement().asString().contains("1 image(s)", "VPC diagram");
    }

    @Test
    void aCategoryOfFortyThousandSlashesIsReadInLinearTime() {
        String slashes = "/".repeat(40_000);
        ParsedFile parsed =
                Samples.parse(gift, "$CATEGORY: " + slashes + "AWS/S3" + slashes + "\n\nQ? {=a ~b ~c ~d}\n");

        assertThat(parsed.questions().get(0).question().category()).isEqualTo("AWS/S3");
        assertThat(GiftQuestionFormat.cleanCategory("$course$/top/" + slashes)).isNull();
    }

    @Test
    void missingWordQuestionsKeepABlankInTheStem() {
        ParsedFile parsed = Samples.parse(gift, "Amazon S3 is an {=object ~block ~file ~tape} storage service.");

        assertThat(parsed.questions().get(0).question().stem()).isEqualTo("Amazon S3 is an _____ storage service.");
    }

    @Test
    void trueFalseBecomesTwoOptions() {
        ParsedFile parsed =
                Samples.parse(gift, "::TF::S3 is a global service namespace. {T#No, bucket names are global.#Right.}");

        QuestionData q = parsed.questions().get(0).question();
        assertThat(q.options())
                .containsExactly(
                        new QuestionData.OptionData("True", true, "Right."),
                        new QuestionData.OptionData("False", false, "No, bucket names are global."));
    }

    @Test
    void typesWeDoNotAskAreSkippedWithTheReason() {
        ParsedFile parsed = Samples.parse(gift, """
                ::Short::Name the object store. {=S3 =Amazon S3}

                ::Match::Match them. {=EC2 -> compute =S3 -> storage}

                ::Num::How many AZs at least? {#3}

                ::Essay::Explain the shared responsibility model. {}

                Just a description, no answers.

                ::Real::Which is a database? {=Amazon RDS ~Amazon S3 ~AWS Lambda ~Amazon SQS}
                """);

        assertThat(parsed.questions()).extracting(ParsedFile.Parsed::label).containsExactly("line 11 ('Real')");
        assertThat(parsed.skipped())
                .extracting(ParsedFile.Problem::message)
                .containsExactly(
                        "A short-answer question (only = answers): Cloud Squad asks multiple choice.",
                        "A matching question: Cloud Squad asks multiple choice.",
                        "A numerical question: Cloud Squad asks multiple choice.",
                        "An essay question (empty answers {}): Cloud Squad asks multiple choice.",
                        "It has no answers { … }: a description, not a question.");
        assertThat(parsed.skipped()).extracting(ParsedFile.Problem::line).containsExactly(1, 3, 5, 7, 9);
    }

    @Test
    void badQuestionsNameTheirLineAndTheOthersAreStillRead() {
        ParsedFile parsed = Samples.parse(gift, """
                // a comment line
                ::Good::Which stores objects? {=S3 ~EBS ~EFS ~FSx}

                ::Broken::Which is a queue? {=SQS ~SNS ~Kinesis ~MQ

                ::Weight::Pick {~%abc%A ~%50%B ~C}
                """);

        assertThat(parsed.questions()).hasSize(1);
        assertThat(parsed.errors())
                .extracting(ParsedFile.Problem::label)
                .containsExactly("line 4 ('Broken')", "line 6 ('Weight')");
        assertThat(parsed.errors())
                .extracting(ParsedFile.Problem::message)
                .containsExactly(
                        "The answers start with { but there is no closing }.", "The weight '%abc%' is not a number.");
    }

    @Test
    void commentsCarryTagsDifficultyStatusAndReferences() {
        ParsedFile parsed = Samples.parse(gift, """
                // [tag:s3] [tag:glacier]
                // cloudsquad: difficulty 3
                // cloudsquad: status PUBLISHED
                // cloudsquad: reference https://aws.amazon.com/s3/faqs/
                Cheapest archive? {=S3 Glacier Deep Archive ~S3 Standard ~S3 Standard-IA ~EBS sc1}
                """);

        QuestionData q = parsed.questions().get(0).question();
        assertThat(q.tags()).isEqualTo(List.of("s3", "glacier"));
        assertThat(q.difficulty()).isEqualTo(3);
        assertThat(q.status()).isEqualTo("PUBLISHED");
        assertThat(q.references()).containsExactly("https://aws.amazon.com/s3/faqs/");
    }

    @Test
    void windowsLineEndingsAndAByteOrderMark() {
        ParsedFile parsed =
                Samples.parse(gift, "\uFEFF::A::One? {\r\n=yes\r\n~no\r\n}\r\n\r\n::B::Two? {=yes ~no}\r\n");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.questions()).extracting(ParsedFile.Parsed::line).containsExactly(1, 6);
    }
}
