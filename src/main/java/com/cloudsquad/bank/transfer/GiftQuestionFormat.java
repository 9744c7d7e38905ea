package com.cloudsquad.bank.transfer;

import com.cloudsquad.bank.QuestionText;
import com.cloudsquad.bank.TextFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Moodle's GIFT text format. Reads multiple choice ({@code = ~}), weighted multiple response
 * ({@code ~%50%}), true/false (as a two-option question), titles, categories, per-answer and
 * general feedback, format prefixes and escapes; skips, with the reason, the types Cloud Squad
 * does not ask (short answer, matching, numerical, essay, descriptions).
 *
 * <p>What GIFT has no place for travels in comments that Moodle ignores: {@code // [tag:s3]} and
 * {@code // cloudsquad: difficulty 2 | status PUBLISHED | reference https://…}. Certification and
 * domain travel as the category {@code SAA-C03/Design Secure Architectures}.
 */
@Component
public class GiftQuestionFormat implements QuestionFormat {

    private static final Pattern FORMAT_PREFIX =
            Pattern.compile("^\\s*\\[(html|markdown|plain|moodle)\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRUE_FALSE = Pattern.compile("(?i)^(T|F|TRUE|FALSE)\\s*(#.*)?$", Pattern.DOTALL);
    private static final Pattern WEIGHT = Pattern.compile("^%([^%]*)%");
    private static final Pattern TAG_COMMENT = Pattern.compile("\\[tag:([^\\]]+)\\]");
    private static final Pattern EXTRA_COMMENT = Pattern.compile("^cloudsquad:\\s*(\\w+)\\s+(.+)$");

    // Escaped characters are swapped for private-use characters while the structure is read.
    private static final String ESCAPABLE = "\\:#={}~";
    private static final char FIRST_PLACEHOLDER = '\uE000';
    private static final char NEWLINE_PLACEHOLDER = '\uE010';

    @Override
    public String id() {
        return "gift";
    }

    @Override
    public String extension() {
        return "gift";
    }

    @Override
    public String mediaType() {
        return "text/plain";
    }

    @Override
    public ParsedFile parse(InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<ParsedFile.Parsed> questions = new ArrayList<>();
        List<ParsedFile.Problem> errors = new ArrayList<>();
        List<ParsedFile.Problem> skipped = new ArrayList<>();
        String category = null;
        List<String> comments = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        int blockStart = 0;
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "";
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                if (blockStart == 0) {
                    comments.clear(); // comments belong to the question right below them
                }
                if (blockStart > 0) {
                    Block b = new Block(blockStart, block.toString(), category, List.copyOf(comments));
                    read(b, questions, errors, skipped);
                    block.setLength(0);
                    blockStart = 0;
                    comments.clear();
                }
                continue;
            }
            if (trimmed.startsWith("//")) {
                comments.add(trimmed.substring(2).strip());
                continue;
            }
            if (blockStart == 0 && trimmed.regionMatches(true, 0, "$CATEGORY:", 0, 10)) {
                category = cleanCategory(trimmed.substring(10));
                continue;
            }
            if (blockStart == 0) {
                blockStart = i + 1;
            } else {
                block.append('\n');
            }
            block.append(line);
        }
        return new ParsedFile(questions, errors, skipped);
    }

    private static final Pattern CONTEXT_PREFIX = Pattern.compile("^\\$[a-z0-9]{1,40}\\$/?");

    /**
     * Strips Moodle's context prefixes: "$course$/top/AWS/S3" becomes "AWS/S3". Slashes are
     * trimmed by index, not by a regular expression: "/+$" tried at every one of 40,000 slashes
     * took seconds.
     */
    static String cleanCategory(String raw) {
        String category = CONTEXT_PREFIX.matcher(raw.strip()).replaceFirst("");
        if (category.equals("top") || category.startsWith("top/")) {
            category = category.substring(3);
        }
        int start = 0;
        int end = category.length();
        while (start < end && category.charAt(start) == '/') {
            start++;
        }
        while (end > start && category.charAt(end - 1) == '/') {
            end--;
        }
        category = category.substring(start, end);
        return category.isEmpty() ? null : category;
    }

    private record Block(int line, String text, String category, List<String> comments) {}

    private static void read(
            Block block,
            List<ParsedFile.Parsed> questions,
            List<ParsedFile.Problem> errors,
            List<ParsedFile.Problem> skipped) {
        String text = protect(block.text());
        String title = null;
        String rest = text.strip();
        if (rest.startsWith("::")) {
            int end = rest.indexOf("::", 2);
            if (end < 0) {
                errors.add(problem(block, null, "The title starts with :: but never ends with ::."));
                return;
            }
            title = restore(rest.substring(2, end)).strip();
            rest = rest.substring(end + 2);
        }
        int open = rest.indexOf('{');
        if (open < 0) {
            skipped.add(problem(block, title, "It has no answers { … }: a description, not a question."));
            return;
        }
        int close = rest.indexOf('}', open);
        if (close < 0) {
            errors.add(problem(block, title, "The answers start with { but there is no closing }."));
            return;
        }
        if (rest.indexOf('{', open + 1) >= 0 && rest.indexOf('{', open + 1) < close) {
            errors.add(problem(block, title, "A { inside the answers: write \\{ for a literal brace."));
            return;
        }
        String before = rest.substring(0, open);
        String after = rest.substring(close + 1).strip();
        String answers = rest.substring(open + 1, close).strip();

        // Without a marker GIFT text is Moodle's auto-format: plain text whose line breaks count.
        TextFormat format = TextFormat.PLAIN;
        Matcher prefix = FORMAT_PREFIX.matcher(before);
        if (prefix.find()) {
            format = giftFormat(prefix.group(1));
            before = before.substring(prefix.end());
        }
        List<String> notes = new ArrayList<>();
        String stemSource = after.isEmpty() ? before.strip() : before.strip() + " _____ " + after;
        String stem = text(stemSource, format, notes);
        if (answers.isEmpty()) {
            skipped.add(
                    problem(block, title, "An essay question (empty answers {}): Cloud Squad asks multiple choice."));
            return;
        }
        if (answers.startsWith("#")) {
            skipped.add(problem(block, title, "A numerical question: Cloud Squad asks multiple choice."));
            return;
        }
        String general = "";
        int generalAt = answers.indexOf("####");
        if (generalAt >= 0) {
            general = text(answers.substring(generalAt + 4), format, notes);
            answers = answers.substring(0, generalAt).strip();
        }
        Matcher trueFalse = TRUE_FALSE.matcher(answers);
        if (trueFalse.matches()) {
            boolean isTrue = trueFalse.group(1).toUpperCase(Locale.ROOT).startsWith("T");
            // {T#shown after a wrong answer#shown after the right answer}
            String[] feedback = trueFalse.group(2) == null
                    ? new String[0]
                    : trueFalse.group(2).substring(1).split("#", 2);
            String wrong = feedback.length > 0 ? text(feedback[0], format, notes) : "";
            String right = feedback.length > 1 ? text(feedback[1], format, notes) : "";
            List<QuestionData.OptionData> options = List.of(
                    new QuestionData.OptionData("True", isTrue, isTrue ? right : wrong),
                    new QuestionData.OptionData("False", !isTrue, isTrue ? wrong : right));
            questions.add(parsed(block, title, stem, options, general, format, true, notes));
            return;
        }
        if (answers.indexOf('~') < 0) {
            String reason = answers.contains("->")
                    ? "A matching question: Cloud Squad asks multiple choice."
                    : "A short-answer question (only = answers): Cloud Squad asks multiple choice.";
            skipped.add(problem(block, title, reason));
            return;
        }
        if (answers.contains("->")) {
            skipped.add(problem(block, title, "A matching question: Cloud Squad asks multiple choice."));
            return;
        }
        boolean single = answers.indexOf('=') >= 0;
        List<QuestionData.OptionData> options = new ArrayList<>();
        int start = firstMarker(answers, 0);
        if (start != 0) {
            errors.add(problem(block, title, "Each answer must start with = (right) or ~ (wrong)."));
            return;
        }
        while (start >= 0) {
            int next = firstMarker(answers, start + 1);
            String answer = answers.substring(start + 1, next < 0 ? answers.length() : next)
                    .strip();
            boolean right = answers.charAt(start) == '=';
            Matcher weight = WEIGHT.matcher(answer);
            if (weight.find()) {
                BigDecimal value;
                try {
                    value = new BigDecimal(weight.group(1));
                } catch (NumberFormatException e) {
                    errors.add(problem(block, title, "The weight '" + restore(weight.group()) + "' is not a number."));
                    return;
                }
                boolean full = value.compareTo(BigDecimal.valueOf(100)) == 0;
                if (single && !full && value.signum() > 0) {
                    // Cloud Squad has no partial credit: say so rather than drop it silently.
                    notes.add(
                            "Option " + (char) ('A' + options.size()) + " gives "
                                    + value.stripTrailingZeros().toPlainString()
                                    + "% credit in the file; Cloud Squad has no partial credit, so it counts as a wrong answer.");
                }
                right = single ? right || full : value.signum() > 0;
                answer = answer.substring(weight.end());
            }
            String feedback = "";
            int hash = answer.indexOf('#');
            if (hash >= 0) {
                feedback = text(answer.substring(hash + 1), format, notes);
                answer = answer.substring(0, hash);
            }
            options.add(new QuestionData.OptionData(text(answer, format, notes), right, feedback));
            start = next;
        }
        questions.add(parsed(block, title, stem, options, general, format, single, notes));
    }

    private static int firstMarker(String answers, int from) {
        for (int i = from; i < answers.length(); i++) {
            char c = answers.charAt(i);
            if (c == '=' || c == '~') {
                return i;
            }
        }
        return -1;
    }

    private static ParsedFile.Parsed parsed(
            Block block,
            String title,
            String stem,
            List<QuestionData.OptionData> options,
            String general,
            TextFormat format,
            boolean single,
            List<String> notes) {
        Integer difficulty = null;
        String status = null;
        List<String> references = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (String comment : block.comments()) {
            Matcher tag = TAG_COMMENT.matcher(comment);
            while (tag.find()) {
                tags.add(tag.group(1).strip());
            }
            Matcher extra = EXTRA_COMMENT.matcher(comment);
            if (extra.matches()) {
                String value = extra.group(2).strip();
                switch (extra.group(1).toLowerCase(Locale.ROOT)) {
                    case "difficulty" -> difficulty = value.matches("[0-9]") ? Integer.valueOf(value) : null;
                    case "status" -> status = value;
                    case "reference" -> references.add(value);
                    default -> {}
                }
            }
        }
        QuestionData question = new QuestionData(
                null,
                null,
                block.category(),
                title == null || title.isEmpty() ? null : title,
                stem,
                options,
                general,
                references,
                difficulty,
                tags,
                status,
                format,
                single);
        return new ParsedFile.Parsed(
                block.line(),
                label(block, title),
                question,
                notes.stream().distinct().toList());
    }

    private static ParsedFile.Problem problem(Block block, String title, String message) {
        return new ParsedFile.Problem(block.line(), label(block, title), message);
    }

    private static String label(Block block, String title) {
        return "line " + block.line() + (title == null || title.isEmpty() ? "" : " ('" + title + "')");
    }

    /**
     * A piece of question text in the question's format: its own format prefix off (the text is
     * then converted), escapes back, HTML through the safelist with a note for media it drops.
     */
    private static String text(String raw, TextFormat questionFormat, List<String> notes) {
        String value = raw;
        TextFormat own = questionFormat;
        Matcher prefix = FORMAT_PREFIX.matcher(value);
        if (prefix.find()) {
            own = giftFormat(prefix.group(1));
            value = value.substring(prefix.end());
        }
        value = restore(value.strip()).strip();
        if (own == TextFormat.HTML) {
            notes.addAll(HtmlText.media(value));
            value = QuestionText.sanitize(value);
        }
        return HtmlText.convert(value, own, questionFormat);
    }

    /** GIFT's markers; [moodle] is Moodle's auto-format, plain text with line breaks. */
    private static TextFormat giftFormat(String marker) {
        return switch (marker.toLowerCase(Locale.ROOT)) {
            case "html" -> TextFormat.HTML;
            case "markdown" -> TextFormat.MARKDOWN;
            default -> TextFormat.PLAIN;
        };
    }

    private static String protect(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                int index = ESCAPABLE.indexOf(next);
                if (index >= 0) {
                    out.append((char) (FIRST_PLACEHOLDER + index));
                    i++;
                    continue;
                }
                if (next == 'n') {
                    out.append(NEWLINE_PLACEHOLDER);
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String restore(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == NEWLINE_PLACEHOLDER) {
                out.append('\n');
            } else if (c >= FIRST_PLACEHOLDER && c < FIRST_PLACEHOLDER + ESCAPABLE.length()) {
                out.append(ESCAPABLE.charAt(c - FIRST_PLACEHOLDER));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public void write(List<QuestionData> questions, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write("// Cloud Squad question export (GIFT). The comments above each question carry its tags,\n");
        writer.write("// difficulty, status and references, which GIFT has no place for; Moodle ignores them.\n\n");
        String category = null;
        for (QuestionData q : questions) {
            String questionCategory = categoryOf(q);
            if (questionCategory != null && !questionCategory.equals(category)) {
                writer.write("$CATEGORY: " + questionCategory + "\n\n");
                category = questionCategory;
            }
            if (q.difficulty() != null) {
                writer.write("// cloudsquad: difficulty " + q.difficulty() + "\n");
            }
            if (q.status() != null) {
                writer.write("// cloudsquad: status " + q.status() + "\n");
            }
            for (String reference : q.references()) {
                writer.write("// cloudsquad: reference " + oneLine(reference) + "\n");
            }
            for (String tag : q.tags()) {
                writer.write("// [tag:" + oneLine(tag) + "]\n");
            }
            if (q.title() != null && !q.title().isBlank()) {
                writer.write("::" + escape(q.title()) + "::");
            }
            writer.write("[" + q.format().id() + "]" + escape(q.stem()) + " {\n");
            long correct = q.correctCount();
            String weight = correct > 1
                    ? BigDecimal.valueOf(100)
                            .divide(BigDecimal.valueOf(correct), 5, RoundingMode.HALF_UP)
                            .stripTrailingZeros()
                            .toPlainString()
                    : null;
            for (QuestionData.OptionData option : q.options()) {
                if (correct > 1) {
                    writer.write(option.correct() ? "\t~%" + weight + "%" : "\t~%-100%");
                } else {
                    writer.write(option.correct() ? "\t=" : "\t~");
                }
                writer.write(escape(option.text()));
                if (option.explanation() != null && !option.explanation().isBlank()) {
                    writer.write("#" + escape(option.explanation()));
                }
                writer.write("\n");
            }
            if (q.explanation() != null && !q.explanation().isBlank()) {
                writer.write("\t####" + escape(q.explanation()) + "\n");
            }
            writer.write("}\n\n");
        }
        writer.flush();
    }

    static String categoryOf(QuestionData q) {
        if (q.category() != null && !q.category().isBlank()) {
            return q.category();
        }
        if (q.certification() != null && q.domain() != null) {
            return q.certification() + "/" + q.domain();
        }
        return null;
    }

    private static String oneLine(String value) {
        return value.replaceAll("\\s+", " ").strip();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        String normalized = text.replace("\r\n", "\n").strip();
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else {
                if (ESCAPABLE.indexOf(c) >= 0) {
                    out.append('\\');
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
