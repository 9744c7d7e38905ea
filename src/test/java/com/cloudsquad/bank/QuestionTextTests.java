package com.cloudsquad.bank;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class QuestionTextTests {

    private final QuestionText text = new QuestionText();

    @Test
    void plainTextShowsAPolicyExactlyAsWritten() {
        String html = text.html("{\"Principal\": \"*\", \"Action\": \"s3:*\"}", TextFormat.PLAIN);

        assertThat(html).doesNotContain("<em>");
        assertThat(Jsoup.parse(html).text()).isEqualTo("{\"Principal\": \"*\", \"Action\": \"s3:*\"}");
    }

    @Test
    void plainTextKeepsAGreaterThanBackslashesALeadingDashAndLineBreaks() {
        assertThat(text.html(">", TextFormat.PLAIN)).isEqualTo("<p>&gt;</p>\n");
        assertThat(Jsoup.parse(text.html("A \\ B \\\\ C", TextFormat.PLAIN)).text())
                .isEqualTo("A \\ B \\\\ C");
        assertThat(text.html("- Create a role", TextFormat.PLAIN)).isEqualTo("<p>- Create a role</p>\n");
        assertThat(text.html("one\ntwo\n\nthree <b>x</b>", TextFormat.PLAIN))
                .isEqualTo("<p>one<br>\ntwo</p>\n<p>three &lt;b&gt;x&lt;/b&gt;</p>\n");
        assertThat(text.html("{\n  \"a\": 1\n}", TextFormat.PLAIN)).contains("<br>\n&nbsp;&nbsp;&quot;a&quot;");
    }

    @Test
    void markdownIsReadAsMarkdownWhichIsWhyImportsDoNotUseItForPlainText() {
        assertThat(text.html("\"Principal\": \"*\", \"Action\": \"s3:*\"", TextFormat.MARKDOWN))
                .contains("<em>");
        assertThat(text.html(">", TextFormat.MARKDOWN)).isEqualTo("<blockquote>\n</blockquote>\n");
        assertThat(text.html("- Create a role", TextFormat.MARKDOWN)).contains("<li>");
        assertThat(text.html("Use **LEAST** and `code`", TextFormat.MARKDOWN))
                .isEqualTo("<p>Use <strong>LEAST</strong> and <code>code</code></p>\n");
        assertThat(text.html("<script>alert(1)</script>", TextFormat.MARKDOWN)).doesNotContain("<script");
    }

    @Test
    void markdownLinksAreLinksOnlyToHttpAddresses() {
        assertThat(text.html("[docs](https://docs.aws.amazon.com/)", TextFormat.MARKDOWN))
                .isEqualTo("<p><a href=\"https://docs.aws.amazon.com/\" rel=\"nofollow noopener\">docs</a></p>\n");
        for (String target : new String[] {
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "vbscript:x",
            "file:///etc/passwd",
            "mailto:a@example.com",
            "/relative"
        }) {
            String html = text.html("[click](" + target + ") and <" + target + ">", TextFormat.MARKDOWN);
            assertThat(Jsoup.parse(html).select("a")).as(target).isEmpty();
            assertThat(Jsoup.parse(html).text()).as(target).startsWith("click and");
        }
        assertThat(text.html("![x](data:image/png;base64,AAAA)", TextFormat.MARKDOWN))
                .isEqualTo("<p>x</p>\n");
    }

    @Test
    void htmlKeepsPreStrongEmListsAndHttpsLinksAndNothingElse() {
        String html = text.html(
                "<p onclick=\"x()\" style=\"color:red\">Pick the <strong>LEAST</strong> <em>costly</em></p>"
                        + "<pre>{\n  \"Principal\": \"*\"\n}</pre>"
                        + "<ul><li>a</li></ul><script>alert(1)</script><iframe src=\"https://x\"></iframe>"
                        + "<a href=\"https://aws.amazon.com\">aws</a> <a href=\"javascript:alert(1)\">js</a>"
                        + " <a href=\"data:text/html,x\">data</a><img src=\"https://x/y.png\">",
                TextFormat.HTML);

        assertThat(html)
                .isEqualTo("<p>Pick the <strong>LEAST</strong> <em>costly</em></p>"
                        + "<pre>{\n  \"Principal\": \"*\"\n}</pre>"
                        + "<ul><li>a</li></ul>"
                        + "<a href=\"https://aws.amazon.com\" rel=\"nofollow noopener\">aws</a> js data");
    }

    @Test
    void textsOfOldVersionsAreMarkdown() {
        assertThat(text.html("**b**")).isEqualTo(text.html("**b**", TextFormat.MARKDOWN));
        assertThat(text.html("**b**", null)).isEqualTo("<p><strong>b</strong></p>\n");
    }
}
