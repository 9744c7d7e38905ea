package com.cloudsquad.bank;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Locale;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders question texts to HTML in the format they were written in: PLAIN text escaped exactly
 * as typed (line breaks kept, nothing read as markup), MARKDOWN through CommonMark with raw HTML
 * escaped, HTML through a safelist. In every format a link is kept only when it points to an
 * http(s) address (then opened with {@code rel="nofollow noopener"}); {@code javascript:},
 * {@code data:} and any other target leave only the link's text. The output is safe to insert.
 */
@Component("questionText")
public class QuestionText {

    /** What question HTML may hold: text structure, code, emphasis, lists, simple tables, links. */
    static final Safelist SAFELIST = new Safelist()
            .addTags(
                    "p",
                    "br",
                    "pre",
                    "code",
                    "strong",
                    "em",
                    "b",
                    "i",
                    "u",
                    "ul",
                    "ol",
                    "li",
                    "a",
                    "sub",
                    "sup",
                    "blockquote",
                    "table",
                    "thead",
                    "tbody",
                    "tr",
                    "th",
                    "td")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "https", "http")
            .addEnforcedAttribute("a", "rel", "nofollow noopener");

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("rel", "nofollow noopener");
                }
            })
            .build();

    /**
     * Rendering is a pure function of the text and its format, so results are kept (bounded by
     * size): every question page renders the same stems and options again.
     */
    private final Cache<String, String> rendered = Caffeine.newBuilder()
            .maximumWeight(16_000_000)
            .weigher((String source, String html) -> source.length() + html.length())
            .build();

    /** Markdown, the format of texts whose format is not known (the seed bank's). */
    public String html(String markdown) {
        return html(markdown, TextFormat.MARKDOWN);
    }

    public String html(String text, TextFormat format) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        TextFormat f = format == null ? TextFormat.MARKDOWN : format;
        return rendered.get(f.ordinal() + text, key -> render(text, f));
    }

    private String render(String text, TextFormat format) {
        return switch (format) {
            case PLAIN -> plain(text);
            case MARKDOWN -> markdown(text);
            case HTML -> sanitize(text);
        };
    }

    private String markdown(String text) {
        Node document = parser.parse(text);
        document.accept(new UnsafeLinks());
        return renderer.render(document);
    }

    /** Links and images whose target is not http(s) become their text (images: their alt text). */
    private static final class UnsafeLinks extends AbstractVisitor {
        @Override
        public void visit(Link link) {
            visitChildren(link);
            if (!isWebAddress(link.getDestination())) {
                unwrap(link);
            }
        }

        @Override
        public void visit(Image image) {
            visitChildren(image);
            if (!isWebAddress(image.getDestination())) {
                unwrap(image);
            }
        }

        private static void unwrap(Node node) {
            Node child = node.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                node.insertBefore(child);
                child = next;
            }
            node.unlink();
        }
    }

    static boolean isWebAddress(String destination) {
        if (destination == null) {
            return false;
        }
        String d = destination.strip().toLowerCase(Locale.ROOT);
        return d.startsWith("https://") || d.startsWith("http://");
    }

    /**
     * Plain text as typed: every character escaped, a blank line starts a paragraph, a line break
     * stays a line break, and runs of spaces keep their width.
     */
    static String plain(String text) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        StringBuilder out = new StringBuilder(normalized.length() + 32);
        for (String paragraph : normalized.split("\n[ \t]*\n")) {
            String p = paragraph.strip();
            if (p.isEmpty()) {
                continue;
            }
            out.append("<p>");
            String[] lines = p.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    out.append("<br>\n");
                }
                appendKeepingSpaces(out, HtmlUtils.htmlEscape(lines[i], "UTF-8"));
            }
            out.append("</p>\n");
        }
        return out.toString();
    }

    /** A space after a space (or at a line start) becomes a no-break space, so indents survive. */
    private static void appendKeepingSpaces(StringBuilder out, String escaped) {
        boolean previousSpace = true;
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == ' ' && previousSpace) {
                out.append("&nbsp;");
            } else if (c == '\t') {
                out.append("&nbsp;&nbsp;&nbsp;&nbsp;");
                previousSpace = true;
                continue;
            } else {
                out.append(c);
            }
            previousSpace = c == ' ';
        }
    }

    /** HTML through the safelist: what question HTML is stored as and rendered from. */
    public static String sanitize(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document dirty = Jsoup.parseBodyFragment(html);
        dirty.outputSettings().prettyPrint(false);
        // Media cannot come along (the import says so per question); nor the paragraph left empty.
        dirty.select("script, style, template, img, audio, video, object, embed, iframe")
                .remove();
        for (Element p : dirty.select("p")) {
            if (p.childrenSize() == 0 && p.text().isBlank()) {
                p.remove();
            }
        }
        for (Element link : dirty.select("a[href]")) {
            if (!isWebAddress(link.attr("href"))) {
                link.unwrap();
            }
        }
        Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(dirty.body().html(), "", SAFELIST, settings).strip();
    }

    /** What a reader sees of a text, without markup: for lists and previews of HTML questions. */
    public static String visibleText(String text, TextFormat format) {
        if (text == null) {
            return "";
        }
        return format == TextFormat.HTML ? Jsoup.parseBodyFragment(text).text() : text;
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
