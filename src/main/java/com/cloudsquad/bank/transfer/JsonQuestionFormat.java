package com.cloudsquad.bank.transfer;

import com.cloudsquad.bank.QuestionText;
import com.cloudsquad.bank.TextFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cloud Squad's own format, the one the seed bank and the API use: everything a question holds.
 *
 * <pre>{"format": "cloudsquad-questions", "version": 1, "questions": [{...}, ...]}</pre>
 *
 * A bare array of questions is read too. Errors name the question's number and line.
 */
@Component
public class JsonQuestionFormat implements QuestionFormat {

    public static final String FORMAT = "cloudsquad-questions";
    public static final int VERSION = 1;

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Override
    public String id() {
        return "json";
    }

    @Override
    public String extension() {
        return "json";
    }

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public ParsedFile parse(InputStream in) throws IOException {
        List<ParsedFile.Parsed> questions = new ArrayList<>();
        List<ParsedFile.Problem> errors = new ArrayList<>();
        try (JsonParser parser = mapper.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                readQuestions(parser, questions, errors);
            } else if (first == JsonToken.START_OBJECT) {
                boolean sawQuestions = false;
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    int line = parser.currentTokenLocation().getLineNr();
                    switch (name) {
                        case "format" -> {
                            if (!FORMAT.equals(parser.getValueAsString())) {
                                errors.add(new ParsedFile.Problem(
                                        line, "line " + line, "\"format\" must be \"" + FORMAT + "\"."));
                            }
                        }
                        case "version" -> {
                            if (value != JsonToken.VALUE_NUMBER_INT || parser.getIntValue() != VERSION) {
                                errors.add(new ParsedFile.Problem(
                                        line,
                                        "line " + line,
                                        "This file is version " + parser.getString()
                                                + "; this Cloud Squad reads version " + VERSION + "."));
                            }
                        }
                        case "questions" -> {
                            if (value != JsonToken.START_ARRAY) {
                                errors.add(new ParsedFile.Problem(
                                        line, "line " + line, "\"questions\" must be a list of questions."));
                                parser.skipChildren();
                            } else {
                                sawQuestions = true;
                                readQuestions(parser, questions, errors);
                            }
                        }
                        default -> parser.skipChildren();
                    }
                }
                if (!sawQuestions && errors.isEmpty()) {
                    errors.add(new ParsedFile.Problem(0, "file", "The file has no \"questions\" list."));
                }
            } else {
                errors.add(new ParsedFile.Problem(
                        1, "line 1", "This is not a Cloud Squad JSON file: it must start with { or [."));
            }
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            errors.add(new ParsedFile.Problem(
                    line, line > 0 ? "line " + line : "file", "The JSON is malformed: " + e.getOriginalMessage()));
        }
        return new ParsedFile(questions, errors, List.of());
    }

    private void readQuestions(JsonParser parser, List<ParsedFile.Parsed> questions, List<ParsedFile.Problem> errors) {
        int number = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            number++;
            int line = parser.currentTokenLocation().getLineNr();
            String label = "question " + number + " (line " + line + ")";
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                errors.add(new ParsedFile.Problem(line, label, "A question must be an object { ... }."));
                continue;
            }
            JsonNode node = mapper.readTree(parser);
            List<String> problems = new ArrayList<>();
            QuestionData question = toQuestion(node, problems);
            if (problems.isEmpty()) {
                questions.add(new ParsedFile.Parsed(line, label, question));
            } else {
                errors.add(new ParsedFile.Problem(line, label, String.join(" ", problems)));
            }
        }
    }

    private static QuestionData toQuestion(JsonNode node, List<String> problems) {
        List<QuestionData.OptionData> options = new ArrayList<>();
        JsonNode optionNodes = node.path("options");
        if (!optionNodes.isArray()) {
            problems.add("\"options\" must be a list.");
        } else {
            int i = 0;
            for (JsonNode option : optionNodes) {
                i++;
                if (!option.isObject()) {
                    problems.add("Option " + i + " must be an object with \"text\", \"correct\" and \"explanation\".");
                    continue;
                }
                JsonNode correct = option.path("correct");
                if (!correct.isMissingNode() && !correct.isBoolean()) {
                    problems.add("Option " + i + ": \"correct\" must be true or false.");
                }
                options.add(new QuestionData.OptionData(
                        text(option, "text", problems),
                        correct.asBoolean(false),
                        text(option, "explanation", problems)));
            }
        }
        Integer difficulty = null;
        JsonNode difficultyNode = node.path("difficulty");
        if (difficultyNode.isIntegralNumber()) {
            difficulty = difficultyNode.intValue();
        } else if (!difficultyNode.isMissingNode() && !difficultyNode.isNull()) {
            problems.add("\"difficulty\" must be 1, 2 or 3.");
        }
        // Files from before formats existed were Markdown, as the seed bank is.
        TextFormat format = TextFormat.MARKDOWN;
        String formatText = optionalText(node, "format", problems);
        if (formatText != null) {
            format = TextFormat.parse(formatText).orElse(null);
            if (format == null) {
                problems.add("\"format\" must be \"plain\", \"markdown\" or \"html\": '" + formatText + "'.");
                format = TextFormat.MARKDOWN;
            }
        }
        if (format == TextFormat.HTML) {
            return sanitized(node, problems, options, difficulty);
        }
        return new QuestionData(
                optionalText(node, "certification", problems),
                optionalText(node, "domain", problems),
                optionalText(node, "category", problems),
                optionalText(node, "title", problems),
                text(node, "stem", problems),
                options,
                text(node, "explanation", problems),
                strings(node, "references", problems),
                difficulty,
                strings(node, "tags", problems),
                optionalText(node, "status", problems),
                format,
                false);
    }

    /** An HTML question: every text through the safelist, as it will be stored. */
    private static QuestionData sanitized(
            JsonNode node, List<String> problems, List<QuestionData.OptionData> options, Integer difficulty) {
        return new QuestionData(
                optionalText(node, "certification", problems),
                optionalText(node, "domain", problems),
                optionalText(node, "category", problems),
                optionalText(node, "title", problems),
                QuestionText.sanitize(text(node, "stem", problems)),
                options.stream()
                        .map(o -> new QuestionData.OptionData(
                                QuestionText.sanitize(o.text()), o.correct(), QuestionText.sanitize(o.explanation())))
                        .toList(),
                QuestionText.sanitize(text(node, "explanation", problems)),
                strings(node, "references", problems),
                difficulty,
                strings(node, "tags", problems),
                optionalText(node, "status", problems),
                TextFormat.HTML,
                false);
    }

    private static String text(JsonNode node, String field, List<String> problems) {
        String value = optionalText(node, field, problems);
        return value == null ? "" : value;
    }

    private static String optionalText(JsonNode node, String field, List<String> problems) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problems.add("\"" + field + "\" must be text.");
            return null;
        }
        return value.stringValue().strip();
    }

    private static List<String> strings(JsonNode node, String field, List<String> problems) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            problems.add("\"" + field + "\" must be a list of texts.");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isString()) {
                problems.add("\"" + field + "\" must be a list of texts.");
                return List.of();
            }
            if (!item.stringValue().isBlank()) {
                out.add(item.stringValue().strip());
            }
        }
        return out;
    }

    @Override
    public void write(List<QuestionData> questions, OutputStream out) throws IOException {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ArrayNode list = root.putArray("questions");
        for (QuestionData q : questions) {
            ObjectNode node = list.addObject();
            putIfPresent(node, "certification", q.certification());
            putIfPresent(node, "domain", q.domain());
            putIfPresent(node, "category", q.category());
            putIfPresent(node, "title", q.title());
            node.put("format", q.format().id());
            node.put("stem", q.stem());
            ArrayNode options = node.putArray("options");
            for (QuestionData.OptionData option : q.options()) {
                ObjectNode o = options.addObject();
                o.put("text", option.text());
                o.put("correct", option.correct());
                o.put("explanation", option.explanation() == null ? "" : option.explanation());
            }
            node.put("explanation", q.explanation() == null ? "" : q.explanation());
            ArrayNode references = node.putArray("references");
            q.references().forEach(references::add);
            if (q.difficulty() != null) {
                node.put("difficulty", q.difficulty());
            }
            ArrayNode tags = node.putArray("tags");
            q.tags().forEach(tags::add);
            putIfPresent(node, "status", q.status());
        }
        mapper.writerWithDefaultPrettyPrinter().writeValue(out, root);
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }
}
