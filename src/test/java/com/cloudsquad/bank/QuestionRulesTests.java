package com.cloudsquad.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionRulesTests {

    final QuestionRules rules = new QuestionRules();

    static QuestionContent question(List<QuestionContent.Option> options) {
        return new QuestionContent(
                1,
                2,
                null,
                "Which storage class fits?",
                options,
                "Because.",
                List.of("https://docs.aws.amazon.com/s3/"),
                List.of("s3"));
    }

    static QuestionContent.Option right(String text) {
        return new QuestionContent.Option(text, true, "Right because.");
    }

    static QuestionContent.Option wrong(String text) {
        return new QuestionContent.Option(text, false, "Wrong because.");
    }

    @Test
    void aWellFormedSingleAnswerQuestionPassesWithoutWarnings() {
        QuestionRules.Verdict verdict = rules.check(question(List.of(right("A"), wrong("B"), wrong("C"), wrong("D"))));
        assertThat(verdict.ok()).isTrue();
        assertThat(verdict.warnings()).isEmpty();
    }

    @Test
    void needsAtLeastTwoOptions() {
        assertThat(rules.check(question(List.of(right("A")))).errors())
                .extracting(QuestionRules.Finding::message)
                .contains("A question needs at least 2 options.");
    }

    @Test
    void needsACorrectOptionAndNotAllCorrect() {
        assertThat(rules.check(question(List.of(wrong("A"), wrong("B")))).errors())
                .extracting(QuestionRules.Finding::message)
                .contains("Mark at least one option as correct.");
        assertThat(rules.check(question(List.of(right("A"), right("B")))).errors())
                .extracting(QuestionRules.Finding::message)
                .contains("Not every option can be correct.");
    }

    @Test
    void namesTheOptionAtFault() {
        QuestionRules.Verdict verdict = rules.check(question(List.of(right("A"), wrong(" "), wrong("a"))));
        assertThat(verdict.errors())
                .extracting(QuestionRules.Finding::field)
                .contains("options[1].text", "options[2].text");
    }

    @Test
    void warnsWhenTheShapeDiffersFromTheRealExam() {
        assertThat(rules.check(question(List.of(right("A"), wrong("B"), wrong("C"))))
                        .warnings())
                .extracting(QuestionRules.Finding::message)
                .containsExactly("Single-answer questions on the real exam have 4 options; this one has 3.");
        assertThat(rules.check(question(List.of(right("A"), right("B"), wrong("C"), wrong("D"))))
                        .warnings())
                .extracting(QuestionRules.Finding::message)
                .containsExactly(
                        "Multiple-response questions on the real exam have 5 or more options; this one has 4.");
    }

    @Test
    void referencesMustBeHttps() {
        QuestionContent q = new QuestionContent(
                1,
                2,
                null,
                "Stem",
                List.of(right("A"), wrong("B"), wrong("C"), wrong("D")),
                "",
                List.of("http://docs.aws.amazon.com/x", "javascript:alert(1)"),
                List.of());
        assertThat(rules.check(q).errors()).hasSize(2).allMatch(f -> f.field().equals("references"));
    }

    @Test
    void difficultyIsOneToThree() {
        QuestionContent q = new QuestionContent(
                1, 4, null, "Stem", List.of(right("A"), wrong("B"), wrong("C"), wrong("D")), "", List.of(), List.of());
        assertThat(rules.check(q).errors())
                .extracting(QuestionRules.Finding::field)
                .containsExactly("difficulty");
    }
}
