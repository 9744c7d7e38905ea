package com.cloudsquad.bank.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.bank.TextFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MoodleXmlQuestionFormatTests {

    private final MoodleXmlQuestionFormat moodle = new MoodleXmlQuestionFormat();

    @Test
    void exportThenImportGivesBackTheSameQuestions() {
        String file = Samples.write(moodle, Samples.ALL);

        assertThat(file).contains("<text>$course$/top/SAA-C03/Design Secure Architectures</text>");
        ParsedFile parsed = Samples.parse(moodle, file);
        assertThat(parsed.errors()).isEmpty();
        assertThat(Samples.questions(parsed))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("category")
                .isEqualTo(Samples.ALL);
        assertThat(file).contains("format=\"plain_text\"", "format=\"html\"", "format=\"markdown\"");
        assertThat(parsed.questions().get(0).question().category()).isEqualTo("SAA-C03/Design Secure Architectures");
    }

    @Test
    void readsMoodleHtmlCdataCategoriesAndMultipleResponse() {
        ParsedFile parsed = Samples.parse(moodle, """
                <?xml version="1.0" encoding="UTF-8"?>
                <quiz>
                <!-- question: 0  -->
                  <question type="category">
                    <category><text>$course$/top/Default for AWS/Storage</text></category>
                  </question>
                  <question type="multichoice">
                    <name><text>Durable storage</text></name>
                    <questiontext format="html">
                      <text><![CDATA[<p dir="ltr">Which services store data <strong>durably</strong> across AZs?</p><ul><li>Pick two</li></ul>]]></text>
                      <file name="diagram.png" encoding="base64">iVBORw0KGgo=</file>
                    </questiontext>
                    <generalfeedback format="html"><text>&lt;p&gt;Regional services replicate.&lt;/p&gt;</text></generalfeedback>
                    <single>false</single>
                    <shuffleanswers>1</shuffleanswers>
                    <answer fraction="50" format="html"><text><![CDATA[<p>Amazon S3</p>]]></text>
                      <feedback format="html"><text>Regional &amp; durable.</text></feedback></answer>
                    <answer fraction="50"><text>Amazon EFS</text><feedback><text>Multi-AZ file system.</text></feedback></answer>
                    <answer fraction="-100"><text>Instance store</text><feedback><text>Ephemeral.</text></feedback></answer>
                    <answer fraction="0"><text>Amazon EBS io2</text></answer>
                    <answer fraction="0"><text>A single-AZ EBS snapshot copy</text></answer>
                    <tags><tag><text>s3</text></tag><tag><text>efs</text></tag></tags>
                  </question>
                </quiz>
                """);

        assertThat(parsed.errors()).isEmpty();
        ParsedFile.Parsed p = parsed.questions().get(0);
        assertThat(p.label()).isEqualTo("question 1 'Durable storage' (line 7)");
        QuestionData q = p.question();
        assertThat(q.category()).isEqualTo("Default for AWS/Storage");
        assertThat(q.title()).isEqualTo("Durable storage");
        assertThat(q.format()).isEqualTo(TextFormat.HTML);
        assertThat(q.stem())
                .isEqualTo(
                        "<p>Which services store data <strong>durably</strong> across AZs?</p><ul><li>Pick two</li></ul>");
        assertThat(q.explanation()).isEqualTo("<p>Regional services replicate.</p>");
        assertThat(q.options())
                .extracting(QuestionData.OptionData::text)
                .containsExactly(
                        "<p>Amazon S3</p>",
                        "Amazon EFS",
                        "Instance store",
                        "Amazon EBS io2",
                        "A single-AZ EBS snapshot copy");
        assertThat(q.options())
                .extracting(QuestionData.OptionData::correct)
                .containsExactly(true, true, false, false, false);
        assertThat(q.options().get(0).explanation()).isEqualTo("Regional &amp; durable.");
        assertThat(q.tags()).containsExactly("s3", "efs");
    }

    @Test
    void trueFalseIsTakenAndOtherTypesAreSkippedWithTheReason() {
        ParsedFile parsed = Samples.parse(moodle, """
                <quiz>
                  <question type="essay"><name><text>Explain</text></name><questiontext><text>Why?</text></questiontext></question>
                  <question type="matching"><name><text>Match</text></name></question>
                  <question type="shortanswer"><name><text>Short</text></name></question>
                  <question type="ddwtos"><name><text>Drag</text></name></question>
                  <question type="somethingnew"><name><text>New</text></name></question>
                  <question type="truefalse"><name><text>TF</text></name>
                    <questiontext format="plain_text"><text>Availability Zones are in one Region.</text></questiontext>
                    <answer fraction="100"><text>true</text><feedback><text>Yes.</text></feedback></answer>
                    <answer fraction="0"><text>false</text><feedback><text>No.</text></feedback></answer>
                  </question>
                </quiz>
                """);

        assertThat(parsed.skipped())
                .extracting(ParsedFile.Problem::message)
                .containsExactly(
                        "It is an essay question: Cloud Squad asks multiple choice.",
                        "It is a matching question: Cloud Squad asks multiple choice.",
                        "It is a short-answer question: Cloud Squad asks multiple choice.",
                        "It is a drag-and-drop question: Cloud Squad asks multiple choice.",
                        "It is a question of type 'somethingnew': Cloud Squad asks multiple choice.");
        assertThat(parsed.skipped().get(0).label()).isEqualTo("question 1 'Explain' (line 2)");
        QuestionData tf = parsed.questions().get(0).question();
        assertThat(tf.options())
                .containsExactly(
                        new QuestionData.OptionData("True", true, "Yes."),
                        new QuestionData.OptionData("False", false, "No."));
    }

    @Test
    void malformedXmlNamesTheLine() {
        ParsedFile parsed = Samples.parse(moodle, """
                <quiz>
                  <question type="multichoice"><name><text>One</text></name>
                    <questiontext><text>Unclosed <b>bold</text></questiontext>
                  </question>
                </quiz>
                """);

        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.message()).startsWith("The XML is malformed");
        });
    }

    @Test
    void aBadFractionNamesTheQuestion() {
        ParsedFile parsed = Samples.parse(moodle, """
                <quiz>
                  <question type="multichoice"><name><text>Odd</text></name>
                    <questiontext><text>Pick</text></questiontext>
                    <answer fraction="lots"><text>A</text></answer>
                    <answer fraction="0"><text>B</text></answer>
                  </question>
                </quiz>
                """);

        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.label()).isEqualTo("question 1 'Odd' (line 2)");
            assertThat(e.message()).isEqualTo("Answer 1 (line 4) has fraction 'lots', which is not a number.");
        });
    }

    @Test
    void externalEntitiesAreNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        ParsedFile parsed = Samples.parse(moodle, """
                <?xml version="1.0"?>
                <!DOCTYPE quiz [<!ENTITY xxe SYSTEM "%s">]>
                <quiz><question type="multichoice"><name><text>&xxe;</text></name>
                <questiontext><text>&xxe;</text></questiontext>
                <answer fraction="100"><text>A</text></answer><answer fraction="0"><text>B</text></answer>
                </question></quiz>
                """.formatted(secret.toUri()));

        assertThat(parsed.questions()).isEmpty();
        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.message()).startsWith("The XML is malformed").doesNotContain("TOP-SECRET");
            assertThat(e.line()).isEqualTo(2);
        });
    }

    @Test
    void entityExpansionBombsAreRefused() {
        StringBuilder entities = new StringBuilder("<!ENTITY a0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            entities.append("<!ENTITY a%d \"&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;\">"
                    .formatted(i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1));
        }
        ParsedFile parsed = Samples.parse(
                moodle,
                "<?xml version=\"1.0\"?>\n<!DOCTYPE quiz [" + entities
                        + "]>\n<quiz><question type=\"multichoice\"><questiontext><text>&a9;</text></questiontext></question></quiz>");

        assertThat(parsed.questions()).isEmpty();
        assertThat(parsed.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .startsWith("The XML is malformed"));
    }

    @Test
    void aFileThatIsNotAQuiz() {
        assertThat(Samples.parse(moodle, "<html><body>hi</body></html>").errors())
                .extracting(ParsedFile.Problem::message)
                .containsExactly("This is not a Moodle XML question file: it starts with <html> instead of <quiz>.");
        assertThat(Samples.parse(moodle, "").errors()).isNotEmpty();
    }

    @Test
    void htmlKeepsCodeBlocksEmphasisListsAndHttpsLinksAndTitlesLoseTheirTags() {
        ParsedFile parsed = Samples.parse(moodle, """
                <quiz>
                  <question type="multichoice">
                    <name><text><![CDATA[<b>Bucket</b> policy &amp; roles]]></text></name>
                    <questiontext format="html"><text><![CDATA[<p style="x">Which is the <strong>LEAST</strong> privilege?</p>
                <pre>{
                  "Principal": "*",
                  "Action": "s3:*"
                }</pre><p><a href="https://docs.aws.amazon.com/s3/">docs</a> <a href="javascript:alert(1)">bad</a>
                <a href="data:text/html,x">data</a></p><img src="@@PLUGINFILE@@/d.png" alt="diagram"><audio src="x.mp3"></audio>]]></text></questiontext>
                    <single>true</single>
                    <answer fraction="100"><text>A</text></answer>
                    <answer fraction="100"><text>B</text></answer>
                    <answer fraction="50"><text>C</text></answer>
                    <answer fraction="0"><text>D</text></answer>
                    <tags><tag><text>Cloud Practitioner</text></tag></tags>
                  </question>
                  <question type="multichoice">
                    <name><text>Plain</text></name>
                    <questiontext format="plain_text"><text>A \\ B > C</text></questiontext>
                    <answer fraction="100" format="plain_text"><text>- one</text></answer>
                    <answer fraction="0" format="html"><text>&lt;b&gt;two&lt;/b&gt;</text></answer>
                  </question>
                </quiz>
                """);

        assertThat(parsed.errors()).isEmpty();
        ParsedFile.Parsed p = parsed.questions().get(0);
        QuestionData q = p.question();
        assertThat(q.title()).isEqualTo("Bucket policy & roles");
        assertThat(q.stem())
                .startsWith("<p>Which is the <strong>LEAST</strong> privilege?</p>\n<pre>{\n  \"Principal\": \"*\",")
                .contains("<a href=\"https://docs.aws.amazon.com/s3/\" rel=\"nofollow noopener\">docs</a> bad\ndata")
                .doesNotContain("javascript", "data:", "<img", "<audio");
        assertThat(q.singleAnswer()).isTrue();
        assertThat(q.options()).extracting(QuestionData.OptionData::correct).containsExactly(true, true, false, false);
        assertThat(q.tags()).containsExactly("Cloud Practitioner"); // the import normalises, and says so
        assertThat(p.notes())
                .anySatisfy(n -> assertThat(n).contains("1 image(s)", "diagram"))
                .anySatisfy(n -> assertThat(n).contains("audio"))
                .anySatisfy(n -> assertThat(n).contains("Option C gives 50% credit"));

        QuestionData plain = parsed.questions().get(1).question();
        assertThat(plain.format()).isEqualTo(TextFormat.PLAIN);
        assertThat(plain.stem()).isEqualTo("A \\ B > C");
        assertThat(plain.options()).extracting(QuestionData.OptionData::text).containsExactly("- one", "two");
    }

    @Test
    void fortyThousandSpacesInAPreOrAnNbspRunAreReadInLinearTime() {
        String spaces = " ".repeat(40_000);
        String nbsp = "&amp;nbsp;".repeat(40_000);
        ParsedFile parsed = Samples.parse(
                moodle,
                "<quiz><question type=\"multichoice\"><questiontext format=\"html\"><text>"
                        + "&lt;pre&gt;a" + spaces + "b&lt;/pre&gt;</text></questiontext>"
                        + "<answer fraction=\"100\"><text>x" + nbsp + "y</text></answer>"
                        + "<answer fraction=\"0\"><text>z</text></answer></question></quiz>");

        QuestionData q = parsed.questions().get(0).question();
        assertThat(q.stem()).isEqualTo("<pre>a" + spaces + "b</pre>");
        assertThat(q.options().get(0).text()).isEqualTo("x" + "&nbsp;".repeat(40_000) + "y");
        assertThat(HtmlText.toText("<p>a" + "&nbsp;".repeat(40_000) + "</p>")).isEqualTo("a");
        assertThat(HtmlText.toText("<pre>a" + spaces + "\nb</pre>")).isEqualTo("a\nb");
    }
}
