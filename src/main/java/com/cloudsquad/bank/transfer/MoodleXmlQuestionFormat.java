package com.cloudsquad.bank.transfer;

import com.cloudsquad.bank.QuestionText;
import com.cloudsquad.bank.TextFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.stereotype.Component;

/**
 * Moodle XML ({@code <quiz>} of {@code <question type="…">}). Reads multichoice (single and
 * multiple response, HTML or Markdown texts, CDATA), truefalse (as two options) and categories;
 * skips every other type with the reason. The parser takes no DTD, so external entities and
 * entity-expansion bombs cannot work.
 *
 * <p>What Moodle XML has no element for travels in a {@code <cloudsquad>} element that Moodle
 * ignores: certification, domain, difficulty, status and references.
 */
@Component
public class MoodleXmlQuestionFormat implements QuestionFormat {

    private static final Map<String, String> SKIPPED_TYPES = Map.ofEntries(
            Map.entry("essay", "an essay question"),
            Map.entry("shortanswer", "a short-answer question"),
            Map.entry("matching", "a matching question"),
            Map.entry("numerical", "a numerical question"),
            Map.entry("calculated", "a calculated question"),
            Map.entry("calculatedsimple", "a calculated question"),
            Map.entry("calculatedmulti", "a calculated question"),
            Map.entry("description", "a description, not a question"),
            Map.entry("cloze", "an embedded-answers (cloze) question"),
            Map.entry("multianswer", "an embedded-answers (cloze) question"),
            Map.entry("ddwtos", "a drag-and-drop question"),
            Map.entry("ddimageortext", "a drag-and-drop question"),
            Map.entry("ddmarker", "a drag-and-drop question"),
            Map.entry("gapselect", "a select-missing-words question"),
            Map.entry("randomsamatch", "a random matching question"),
            Map.entry("ordering", "an ordering question"));

    @Override
    public String id() {
        return "moodle-xml";
    }

    @Override
    public String extension() {
        return "xml";
    }

    @Override
    public String mediaType() {
        return "application/xml";
    }

    /** A parsed element: enough of DOM for Moodle's small vocabulary, with line numbers. */
    private static final class El {
        final String name;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final List<El> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        final int line;

        El(String name, int line) {
            this.name = name;
            this.line = line;
        }

        Optional<El> child(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).findFirst();
        }

        List<El> all(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).toList();
        }

        /** Moodle's {@code <x><text>…</text></x>} or plain {@code <x>…</x>}. */
        String textOf() {
            return child("text").map(t -> t.text.toString()).orElse(text.toString());
        }

        String childText(String childName) {
            return child(childName).map(El::textOf).orElse("").strip();
        }

        String attribute(String attributeName) {
            return attributes.getOrDefault(attributeName, "");
        }
    }

    static XMLInputFactory hardenedFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }

    @Override
    public ParsedFile parse(InputStream in) throws IOException {
        List<ParsedFile.Parsed> questions = new ArrayList<>();
        List<ParsedFile.Problem> errors = new ArrayList<>();
        List<ParsedFile.Problem> skipped = new ArrayList<>();
        String[] category = {null};
        int[] number = {0};
        XMLStreamReader reader = null;
        try {
            reader = hardenedFactory().createXMLStreamReader(in);
            Deque<El> stack = new ArrayDeque<>();
            boolean sawRoot = false;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD ->
                        throw new XMLStreamException(
                                "a DOCTYPE is not allowed in a question file", reader.getLocation());
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new XMLStreamException(
                                "the entity &" + reader.getLocalName() + "; is not defined", reader.getLocation());
                    case XMLStreamConstants.START_ELEMENT -> {
                        El element = new El(
                                reader.getLocalName(), reader.getLocation().getLineNumber());
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            element.attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                        }
                        if (!sawRoot) {
                            sawRoot = true;
                            if (!element.name.equals("quiz")) {
                                errors.add(new ParsedFile.Problem(
                                        element.line,
                                        "line " + element.line,
                                        "This is not a Moodle XML question file: it starts with <" + element.name
                                                + "> instead of <quiz>."));
                                return new ParsedFile(questions, errors, skipped);
                            }
                        } else if (!stack.isEmpty()) {
                            stack.peek().children.add(element);
                        }
                        stack.push(element);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!stack.isEmpty()) {
                            stack.peek().text.append(reader.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        El element = stack.pop();
                        if (element.name.equals("question") && stack.size() == 1) {
                            read(element, category, number, questions, errors, skipped);
                        }
                    }
                    default -> {}
                }
            }
            if (!sawRoot) {
                errors.add(new ParsedFile.Problem(0, "file", "The file is empty."));
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            String message = e.getMessage() == null
                    ? ""
                    : e.getMessage().replaceFirst("(?s)^ParseError at \\[.*?\\]\\s*Message:\\s*", "");
            errors.add(new ParsedFile.Problem(
                    Math.max(line, 0), line > 0 ? "line " + line : "file", "The XML is malformed: " + message.strip()));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing more to read
                }
            }
        }
        return new ParsedFile(questions, errors, skipped);
    }

    private static void read(
            El question,
            String[] category,
            int[] number,
            List<ParsedFile.Parsed> questions,
            List<ParsedFile.Problem> errors,
            List<ParsedFile.Problem> skipped) {
        String type = question.attribute("type").strip().toLowerCase(Locale.ROOT);
        if (type.equals("category")) {
            category[0] = GiftQuestionFormat.cleanCategory(question.childText("category"));
            return;
        }
        number[0]++;
        String name = HtmlText.title(question.childText("name"));
        String label =
                "question " + number[0] + (name.isEmpty() ? "" : " '" + name + "'") + " (line " + question.line + ")";
        switch (type) {
            case "multichoice", "truefalse" -> {}
            case "" -> {
                errors.add(new ParsedFile.Problem(question.line, label, "The <question> has no type attribute."));
                return;
            }
            default -> {
                String what = SKIPPED_TYPES.getOrDefault(type, "a question of type '" + type + "'");
                skipped.add(new ParsedFile.Problem(
                        question.line, label, "It is " + what + ": Cloud Squad asks multiple choice."));
                return;
            }
        }
        List<String> notes = new ArrayList<>();
        Optional<El> questionText = question.child("questiontext");
        TextFormat format =
                questionText.map(e -> moodleFormat(e.attribute("format"))).orElse(TextFormat.HTML);
        String stem = text(questionText, format, notes);
        boolean single = type.equals("truefalse")
                || question.child("single")
                        .map(s -> s.textOf().strip())
                        .map(s -> s.isEmpty() || s.equals("1") || s.equalsIgnoreCase("true"))
                        .orElse(true);
        List<El> answers = question.all("answer");
        List<QuestionData.OptionData> options = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            El answer = answers.get(i);
            BigDecimal fraction;
            try {
                String raw = answer.attribute("fraction").strip();
                fraction = raw.isEmpty() ? BigDecimal.ZERO : new BigDecimal(raw);
            } catch (NumberFormatException e) {
                problems.add("Answer " + (i + 1) + " (line " + answer.line + ") has fraction '"
                        + answer.attribute("fraction") + "', which is not a number.");
                continue;
            }
            // Single answer: the full-mark answer is right; Cloud Squad has no partial credit.
            boolean full = fraction.compareTo(BigDecimal.valueOf(100)) == 0;
            if (single && !full && fraction.signum() > 0 && type.equals("multichoice")) {
                notes.add("Option " + (char) ('A' + i) + " gives "
                        + fraction.stripTrailingZeros().toPlainString()
                        + "% credit in the file; Cloud Squad has no partial credit, so it counts as a wrong answer.");
            }
            boolean correct = single ? full : fraction.signum() > 0;
            String optionText = text(answer.attribute("format"), answer.textOf(), format, notes);
            if (type.equals("truefalse")) {
                optionText = optionText.equalsIgnoreCase("true")
                        ? "True"
                        : optionText.equalsIgnoreCase("false") ? "False" : optionText;
            }
            options.add(
                    new QuestionData.OptionData(optionText, correct, text(answer.child("feedback"), format, notes)));
        }
        if (!problems.isEmpty()) {
            errors.add(new ParsedFile.Problem(question.line, label, String.join(" ", problems)));
            return;
        }
        List<String> tags = question.child("tags").map(t -> t.all("tag")).orElse(List.of()).stream()
                .map(t -> t.textOf().strip())
                .filter(t -> !t.isEmpty())
                .toList();
        Optional<El> extra = question.child("cloudsquad");
        Integer difficulty = extra.map(e -> e.childText("difficulty"))
                .filter(d -> d.matches("[0-9]"))
                .map(Integer::valueOf)
                .orElse(null);
        String title = name.isEmpty() || name.equals(defaultName(visible(stem, format))) ? null : name;
        String general = text(question.child("generalfeedback"), format, notes);
        questions.add(new ParsedFile.Parsed(
                question.line,
                label,
                new QuestionData(
                        extra.map(e -> e.childText("certification"))
                                .filter(s -> !s.isEmpty())
                                .orElse(null),
                        extra.map(e -> e.childText("domain"))
                                .filter(s -> !s.isEmpty())
                                .orElse(null),
                        category[0],
                        title,
                        stem,
                        options,
                        general,
                        extra.map(e -> e.all("reference")).orElse(List.of()).stream()
                                .map(r -> r.textOf().strip())
                                .filter(r -> !r.isEmpty())
                                .toList(),
                        difficulty,
                        tags,
                        extra.map(e -> e.childText("status"))
                                .filter(s -> !s.isEmpty())
                                .orElse(null),
                        format,
                        single),
                notes.stream().distinct().toList()));
    }

    private static String text(Optional<El> element, TextFormat questionFormat, List<String> notes) {
        return element.map(e -> text(e.attribute("format"), e.textOf(), questionFormat, notes))
                .orElse("");
    }

    /**
     * One text in the question's format. Moodle's formats: html (the default), markdown,
     * plain_text, moodle_auto_format (plain text whose line breaks count). HTML goes through the
     * safelist, with a note for the media it cannot keep.
     */
    private static String text(String format, String value, TextFormat questionFormat, List<String> notes) {
        TextFormat own = moodleFormat(format);
        String text = value.strip();
        if (own == TextFormat.HTML) {
            notes.addAll(HtmlText.media(text));
            text = QuestionText.sanitize(text);
        }
        return HtmlText.convert(text, own, questionFormat);
    }

    static TextFormat moodleFormat(String format) {
        String f = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
        return switch (f) {
            case "markdown" -> TextFormat.MARKDOWN;
            case "plain_text", "moodle_auto_format" -> TextFormat.PLAIN;
            default -> TextFormat.HTML;
        };
    }

    /** Our format as Moodle names it. */
    static String moodleName(TextFormat format) {
        return switch (format) {
            case PLAIN -> "plain_text";
            case MARKDOWN -> "markdown";
            case HTML -> "html";
        };
    }

    private static String visible(String stem, TextFormat format) {
        return format == TextFormat.HTML ? HtmlText.title(stem) : stem;
    }

    /** The name Moodle needs when a question has no title: the start of its stem. */
    static String defaultName(String stem) {
        String flat = stem.replaceAll("\\s+", " ").strip();
        return flat.length() <= 60 ? flat : flat.substring(0, 57).strip() + "...";
    }

    @Override
    public void write(List<QuestionData> questions, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("quiz");
            String category = null;
            for (QuestionData q : questions) {
                String questionCategory = GiftQuestionFormat.categoryOf(q);
                if (questionCategory != null && !questionCategory.equals(category)) {
                    category = questionCategory;
                    xml.writeCharacters("\n  ");
                    xml.writeStartElement("question");
                    xml.writeAttribute("type", "category");
                    xml.writeStartElement("category");
                    element(xml, "text", "$course$/top/" + category);
                    xml.writeEndElement();
                    xml.writeEndElement();
                }
                writeQuestion(xml, q);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private static void writeQuestion(XMLStreamWriter xml, QuestionData q) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("question");
        xml.writeAttribute("type", "multichoice");
        xml.writeCharacters("\n    ");
        xml.writeStartElement("name");
        element(
                xml,
                "text",
                q.title() == null || q.title().isBlank() ? defaultName(visible(q.stem(), q.format())) : q.title());
        xml.writeEndElement();
        String format = moodleName(q.format());
        formatted(xml, "questiontext", q.stem(), format);
        formatted(xml, "generalfeedback", q.explanation(), format);
        simple(xml, "defaultgrade", "1");
        simple(xml, "penalty", "0");
        simple(xml, "hidden", "0");
        long correct = q.correctCount();
        simple(xml, "single", correct > 1 ? "false" : "true");
        simple(xml, "shuffleanswers", "true");
        simple(xml, "answernumbering", "ABCD");
        String weight = correct > 1
                ? BigDecimal.valueOf(100)
                        .divide(BigDecimal.valueOf(correct), 5, RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString()
                : "100";
        for (QuestionData.OptionData option : q.options()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("answer");
            xml.writeAttribute("fraction", option.correct() ? weight : correct > 1 ? "-100" : "0");
            xml.writeAttribute("format", format);
            element(xml, "text", option.text());
            xml.writeStartElement("feedback");
            xml.writeAttribute("format", format);
            element(xml, "text", option.explanation() == null ? "" : option.explanation());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        if (!q.tags().isEmpty()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("tags");
            for (String tag : q.tags()) {
                xml.writeStartElement("tag");
                element(xml, "text", tag);
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeCharacters("\n    ");
        xml.writeStartElement("cloudsquad");
        if (q.certification() != null) {
            element(xml, "certification", q.certification());
        }
        if (q.domain() != null) {
            element(xml, "domain", q.domain());
        }
        if (q.difficulty() != null) {
            element(xml, "difficulty", q.difficulty().toString());
        }
        if (q.status() != null) {
            element(xml, "status", q.status());
        }
        for (String reference : q.references()) {
            element(xml, "reference", reference);
        }
        xml.writeEndElement();
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void formatted(XMLStreamWriter xml, String name, String text, String format)
            throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement(name);
        xml.writeAttribute("format", format);
        element(xml, "text", text == null ? "" : text);
        xml.writeEndElement();
    }

    private static void simple(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        element(xml, name, value);
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
