package com.cloudsquad.bank.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonQuestionFormatTests {

    private final JsonQuestionFormat json = new JsonQuestionFormat();

    @Test
    void exportThenImportGivesBackTheSameQuestions() {
        ParsedFile parsed = Samples.parse(json, Samples.write(json, Samples.ALL));

        assertThat(parsed.errors()).isEmpty();
        assertThat(Samples.questions(parsed)).isEqualTo(Samples.ALL);
    }

    @Test
    void aBareListOfQuestionsIsReadToo() {
        ParsedFile parsed = Samples.parse(json, """
                [{"stem": "Which?", "options": [{"text": "A", "correct": true}, {"text": "B"}]}]""");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.questions()).singleElement().satisfies(q -> {
            assertThat(q.question().options())
                    .extracting(QuestionData.OptionData::correct)
                    .containsExactly(true, false);
            assertThat(q.question().certification()).isNull();
        });
    }

    @Test
    void malformedJsonNamesTheLine() {
        ParsedFile parsed = Samples.parse(json, """
                {"format": "cloudsquad-questions", "version": 1, "questions": [
                  {"stem": "One", "options": []},
                  {"stem": "Two" "options": []}
                ]}""");

        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.message()).startsWith("The JSON is malformed");
        });
    }

    @Test
    void aQuestionOfTheWrongShapeIsNamedAndTheOthersAreStillRead() {
        ParsedFile parsed = Samples.parse(json, """
                {"format": "cloudsquad-questions", "version": 1, "questions": [
                  {"stem": "Fine", "options": [{"text": "A", "correct": true}, {"text": "B", "correct": false}]},
                  {"stem": 42, "options": "A, B", "difficulty": "hard"},
                  {"stem": "Also fine", "options": [{"text": "A", "correct": "yes"}]}
                ]}""");

        assertThat(parsed.questions()).extracting(ParsedFile.Parsed::label).containsExactly("question 1 (line 2)");
        assertThat(parsed.errors()).hasSize(2);
        assertThat(parsed.errors().get(0).label()).isEqualTo("question 2 (line 3)");
        assertThat(parsed.errors().get(0).message())
                .contains("\"options\" must be a list.", "\"difficulty\" must be 1, 2 or 3.", "\"stem\" must be text.");
        assertThat(parsed.errors().get(1).message()).contains("Option 1: \"correct\" must be true or false.");
    }

    @Test
    void anotherFormatOrVersionIsRefused() {
        ParsedFile parsed = Samples.parse(json, """
                {"format": "somebody-else", "version": 7, "questions": []}""");

        assertThat(parsed.errors())
                .extracting(ParsedFile.Problem::message)
                .containsExactly(
                        "\"format\" must be \"cloudsquad-questions\".",
                        "This file is version 7; this Cloud Squad reads version 1.");
    }

    @Test
    void notJsonAtAll() {
        assertThat(Samples.parse(json, "stem,option_a").errors()).isNotEmpty();
        assertThat(Samples.parse(json, "{}").errors())
                .extracting(ParsedFile.Problem::message)
                .isEqualTo(List.of("The file has no \"questions\" list."));
    }
}
