package com.cloudsquad.bank.transfer;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Turns the HTML that Moodle and GIFT files carry into our light Markdown: paragraphs become
 * blank-line separated, list items "- ", {@code <code>} back-ticks, {@code <br>} a line break.
 * Everything else (styles, spans, scripts) is dropped; entities are decoded.
 */
final class HtmlText {

    private HtmlText() {}

    static String toText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        body.select("script, style").remove();
        StringBuilder out = new StringBuilder();
        body.traverse(new Writer(out));
        return tidy(out.toString());
    }

    private static final class Writer implements NodeVisitor {
        private final StringBuilder out;
        private int pre;

        Writer(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                if (pre > 0) {
                    out.append(text.getWholeText());
                } else {
                    String collapsed = text.getWholeText().replaceAll("\\s+", " ");
                    if (collapsed.startsWith(" ") && (out.isEmpty() || endsWithSpace())) {
                        collapsed = collapsed.substring(1);
                    }
                    out.append(collapsed);
                }
                return;
            }
            if (!(node instanceof Element element)) {
                return;
            }
            switch (element.normalName()) {
                case "br" -> out.append('\n');
                case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "ul", "ol" -> block();
                case "tr" -> line();
                case "li" -> {
                    line();
                    Element parent = element.parent();
                    boolean ordered = parent != null && parent.normalName().equals("ol");
                    out.append(ordered ? (element.elementSiblingIndex() + 1) + ". " : "- ");
                }
                case "pre" -> {
                    block();
                    pre++;
                }
                case "code" -> {
                    if (pre == 0) {
                        out.append('`');
                    }
                }
                case "img" -> {
                    String alt = element.attr("alt").strip();
                    if (!alt.isEmpty()) {
                        out.append("[image: ").append(alt).append(']');
                    }
                }
                default -> {}
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element element)) {
                return;
            }
            switch (element.normalName()) {
                case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "ul", "ol" -> block();
                case "pre" -> {
                    pre--;
                    block();
                }
                case "code" -> {
                    if (pre == 0) {
                        out.append('`');
                    }
                }
                case "td", "th" -> out.append(' ');
                default -> {}
            }
        }

        private boolean endsWithSpace() {
            char last = out.charAt(out.length() - 1);
            return last == ' ' || last == '\n';
        }

        private void line() {
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }

        private void block() {
            line();
            int n = out.length();
            if (n > 0 && !(n >= 2 && out.charAt(n - 1) == '\n' && out.charAt(n - 2) == '\n')) {
                out.append('\n');
            }
        }
    }

    /** Trailing spaces off every line, at most one blank line in a row, no blank start or end. */
    static String tidy(String text) {
        String normalized =
                text.replace('\u00a0', ' ').replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n");
        return normalized.strip();
    }
}
