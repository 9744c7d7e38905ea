package com.cloudsquad.bench;

import com.cloudsquad.bank.transfer.GiftQuestionFormat;
import com.cloudsquad.bank.transfer.MoodleXmlQuestionFormat;
import com.cloudsquad.bank.transfer.ParsedFile;
import com.cloudsquad.bank.transfer.QuestionFormat;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * Issue 15 item 12: hostile imports that took seconds with quadratic regular expressions (40,000
 * spaces in a Moodle {@code <pre>} or a run of {@code &nbsp;}, 40,000 slashes in a GIFT
 * category). Prints the parse time at n and 10·n: linear parsing grows ~10×, quadratic ~100×.
 * No app or database needed: {@code src/bench/run.sh ParseBenchmark}.
 */
public class ParseBenchmark {

    public static void main(String[] args) throws Exception {
        MoodleXmlQuestionFormat moodle = new MoodleXmlQuestionFormat();
        GiftQuestionFormat gift = new GiftQuestionFormat();
        for (int n : new int[] {40_000, 400_000}) {
            String spaces = " ".repeat(n);
            run(
                    "Moodle <pre> with " + n + " spaces",
                    moodle,
                    "<quiz><question type=\"multichoice\">"
                            + "<questiontext format=\"html\"><text>&lt;pre&gt;a" + spaces
                            + "b&lt;/pre&gt;</text></questiontext>"
                            + "<answer fraction=\"100\"><text>x</text></answer><answer fraction=\"0\"><text>y</text></answer>"
                            + "</question></quiz>");
            run(
                    "Moodle answer of " + n + " &nbsp;, Markdown <pre>",
                    moodle,
                    "<quiz><question type=\"multichoice\">"
                            + "<questiontext format=\"html\"><text>q</text></questiontext>"
                            + "<answer fraction=\"100\" format=\"html\"><text>x" + "&amp;nbsp;".repeat(n)
                            + "y</text></answer>"
                            + "<generalfeedback format=\"markdown\"><text>&lt;pre&gt;" + spaces
                            + "</text></generalfeedback>"
                            + "<answer fraction=\"0\"><text>z</text></answer></question></quiz>");
            run(
                    "GIFT $CATEGORY with " + n + " slashes",
                    gift,
                    "$CATEGORY: " + "/".repeat(n) + "AWS" + "/".repeat(n) + "\n\nQ? {=a ~b ~c ~d}\n");
            run("GIFT [html] stem with " + n + " spaces", gift, "[html]<pre>a" + spaces + "b</pre> {=a ~b ~c ~d}\n");
        }
        // What the replaced expression cost, for comparison (HtmlText.tidy before this change).
        String spaces = " ".repeat(40_000);
        Stopwatch.measure("old regex [ \\t]+\\n over 40000 spaces", 0, 1, () -> spaces.replaceAll("[ \\t]+\\n", "\n"));
    }

    private static void run(String label, QuestionFormat format, String file) throws Exception {
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
        Stopwatch.measure(label, 2, 5, () -> {
            ParsedFile parsed = format.parse(new ByteArrayInputStream(bytes));
            if (parsed.questions().size() != 1) {
                throw new IllegalStateException(label + ": " + parsed.errors());
            }
            return parsed;
        });
    }
}
