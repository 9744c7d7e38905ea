package com.cloudsquad.bank.transfer;

import com.cloudsquad.bank.QuestionText;
import com.cloudsquad.bank.TextFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Questions with every awkward shape a format has to carry, and helpers to run a format. */
final class Samples {

    private Samples() {}

    static final QuestionData SINGLE = new QuestionData(
            "SAA-C03",
            "Design Secure Architectures",
            null,
            "S3: keys = {braces} # and ~tilde",
            "A company stores reports in Amazon S3.\n\nThey must be encrypted with a key the company rotates:"
                    + "\n\n- audit: every use logged\n- `aws:kms` header\n\nWhich option meets this? (a \\ backslash, 100% sure)",
            List.of(
                    new QuestionData.OptionData(
                            "SSE-KMS with a customer managed key", true, "Right: = logged use # rotation"),
                    new QuestionData.OptionData("SSE-S3 {default}", false, "Wrong: no key policy ~ no audit per key"),
                    new QuestionData.OptionData(
                            "Client-side keys: stored <b>locally</b>",
                            false,
                            "Wrong: the company asked for AWS logging"),
                    new QuestionData.OptionData("No encryption", false, "")),
            "Customer managed KMS keys log each use in CloudTrail.\nSecond line.",
            List.of("https://docs.aws.amazon.com/kms/latest/developerguide/overview.html"),
            3,
            List.of("s3", "kms"),
            "PUBLISHED");

    static final QuestionData MULTIPLE = new QuestionData(
            "CLF-C02",
            "Cloud Concepts",
            null,
            null,
            "Which are benefits of the AWS Cloud? (Choose three.)",
            List.of(
                    new QuestionData.OptionData("Trade fixed expense for variable expense", true, "Pay as you go."),
                    new QuestionData.OptionData("Benefit from massive economies of scale", true, "Lower prices."),
                    new QuestionData.OptionData("Go global in minutes", true, "Regions worldwide."),
                    new QuestionData.OptionData("Guess capacity up front", false, "The opposite."),
                    new QuestionData.OptionData("Own the data centres", false, "AWS owns them."),
                    new QuestionData.OptionData("Pay for idle servers", false, "You pay for use.")),
            "The six advantages of cloud computing.",
            List.of(
                    "https://docs.aws.amazon.com/whitepapers/latest/aws-overview/six-advantages-of-cloud-computing.html"),
            1,
            List.of("cloud-concepts"),
            "DRAFT");

    /** Plain text that Markdown would change: a policy with "*", a lone ">", backslashes, a leading "- ". */
    static final QuestionData PLAIN = new QuestionData(
            "SAA-C03",
            "Design Secure Architectures",
            null,
            "Plain policy",
            "Which statement does this policy allow?\n{\"Principal\": \"*\", \"Action\": \"s3:*\"}\nA \\ B \\\\ C",
            List.of(
                    new QuestionData.OptionData(">", true, "A lone > is text."),
                    new QuestionData.OptionData("- Create a role", false, "Not a list."),
                    new QuestionData.OptionData("*not emphasis*", false, ""),
                    new QuestionData.OptionData("A \\ B \\\\ C", false, "")),
            "Line one\nLine two",
            List.of(),
            2,
            List.of("iam"),
            "DRAFT",
            TextFormat.PLAIN,
            false);

    /** HTML as Moodle writes it, already through the safelist: code block, emphasis, a list, a link. */
    static final QuestionData HTML = new QuestionData(
            "CLF-C02",
            "Cloud Concepts",
            null,
            "HTML policy",
            QuestionText.sanitize("<p>Which grants the <strong>LEAST</strong> privilege?</p>"
                    + "<pre>{\n  \"Effect\": \"Allow\",\n  \"Action\": \"s3:GetObject\"\n}</pre>"
                    + "<ul><li>one</li><li>two</li></ul>"),
            List.of(
                    new QuestionData.OptionData(QuestionText.sanitize("<em>s3:GetObject</em> only"), true, ""),
                    new QuestionData.OptionData(QuestionText.sanitize("<code>s3:*</code>"), false, ""),
                    new QuestionData.OptionData("A &amp; B", false, ""),
                    new QuestionData.OptionData("None", false, "")),
            QuestionText.sanitize("<p>See <a href=\"https://docs.aws.amazon.com/iam/\">the IAM guide</a>.</p>"),
            List.of(),
            1,
            List.of(),
            "DRAFT",
            TextFormat.HTML,
            false);

    static final List<QuestionData> ALL = List.of(SINGLE, MULTIPLE, PLAIN, HTML);

    static ParsedFile parse(QuestionFormat format, String content) {
        try {
            return format.parse(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(QuestionFormat format, List<QuestionData> questions) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            format.write(questions, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What a format that carries certification and domain only as a category gives back. */
    static QuestionData asCategory(QuestionData q) {
        return new QuestionData(
                null,
                null,
                q.certification() + "/" + q.domain(),
                q.title(),
                q.stem(),
                q.options(),
                q.explanation(),
                q.references(),
                q.difficulty(),
                q.tags(),
                q.status(),
                q.format(),
                false);
    }

    /**
     * The questions read, without what the source declared about single answers (GIFT's "=",
     * Moodle's single), which is no part of the question itself.
     */
    static List<QuestionData> questions(ParsedFile parsed) {
        return parsed.questions().stream()
                .map(ParsedFile.Parsed::question)
                .map(q -> new QuestionData(
                        q.certification(),
                        q.domain(),
                        q.category(),
                        q.title(),
                        q.stem(),
                        q.options(),
                        q.explanation(),
                        q.references(),
                        q.difficulty(),
                        q.tags(),
                        q.status(),
                        q.format(),
                        false))
                .toList();
    }
}
