package com.cloudsquad.bank;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * Renders the light Markdown of question texts (paragraphs, lists, `code`, emphasis) to HTML.
 * Any HTML typed by an author or carried in by an import is escaped, never rendered, and links
 * with unsafe schemes are neutralised, so the output is safe to insert into a page.
 */
@Component("questionText")
public class QuestionText {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    /**
     * Rendering is a pure function of the text, so results are kept by text (bounded by size):
     * every question page renders the same stems and options again.
     */
    private final Cache<String, String> rendered = Caffeine.newBuilder()
            .maximumWeight(16_000_000)
            .weigher((String markdown, String html) -> markdown.length() + html.length())
            .build();

    public String html(String markdown) {
        if (markdown == null) {
            return "";
        }
        return rendered.get(markdown, text -> renderer.render(parser.parse(text)));
    }

    /**
     * "(Choose two.)" for a multiple-response question whose text does not say it already, as the
     * real exam words it; empty for a single answer.
     */
    public String choosePrompt(String stem, long correctCount) {
        if (correctCount < 2 || (stem != null && stem.contains("(Choose "))) {
            return "";
        }
        String[] words = {"", "one", "two", "three", "four", "five", "six", "seven"};
        return "(Choose " + (correctCount < words.length ? words[(int) correctCount] : correctCount) + ".)";
    }
}
