package com.cloudsquad.bank.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvQuestionFormatTests {

    private final CsvQuestionFormat csv = new CsvQuestionFormat();

    @Test
    void exportThenImportGivesBackTheSameQuestions() {
        String file = Samples.write(csv, Samples.ALL);

        assertThat(file).startsWith("\uFEFFcertification,domain,difficulty,status,tags,stem,option_a");
        ParsedFile parsed = Samples.parse(csv, file);
        assertThat(parsed.errors()).isEmpty();
        assertThat(Samples.questions(parsed)).isEqualTo(Samples.ALL);
    }

    @Test
    void columnsInAnyOrderAndCaseWithMultipleCorrectLetters() {
        ParsedFile parsed = Samples.parse(csv, """
                Stem,Correct,Option_A,Option_B,Option_C,Option_D,Option_E,Tags,Difficulty
                Pick two (Choose two.),A;C,one,two,three,four,five,s3; ec2 ,2
                """);

        assertThat(parsed.errors()).isEmpty();
        QuestionData q = parsed.questions().get(0).question();
        assertThat(q.options())
                .extracting(QuestionData.OptionData::correct)
                .containsExactly(true, false, true, false, false);
        assertThat(q.tags()).containsExactly("s3", "ec2");
        assertThat(q.difficulty()).isEqualTo(2);
        assertThat(parsed.questions().get(0).label()).isEqualTo("line 2");
    }

    @Test
    void linesAreCountedAcrossQuotedLineBreaks() {
        ParsedFile parsed = Samples.parse(csv, """
                stem,option_a,option_b,correct
                "First line
                second line
                third line",yes,no,A
                Second question,yes,no,Z
                Third question,yes,,B
                """);

        assertThat(parsed.questions()).singleElement().satisfies(q -> {
            assertThat(q.line()).isEqualTo(2);
            assertThat(q.question().stem()).isEqualTo("First line\nsecond line\nthird line");
        });
        assertThat(parsed.errors()).extracting(ParsedFile.Problem::label).containsExactly("line 5", "line 6");
        assertThat(parsed.errors().get(0).message()).contains("'correct' must name options by letter");
        assertThat(parsed.errors().get(1).message()).isEqualTo("'correct' names option B, which is empty.");
    }

    @Test
    void aMissingRequiredColumnIsAnErrorOnTheHeaderLine() {
        ParsedFile parsed = Samples.parse(csv, "question,option_a,option_b\nx,y,z\n");

        assertThat(parsed.questions()).isEmpty();
        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.message()).startsWith("The header lacks the columns stem, correct.");
        });
    }

    @Test
    void aQuoteThatIsNeverClosedStopsTheFileWithItsLine() {
        ParsedFile parsed = Samples.parse(csv, """
                stem,option_a,option_b,correct
                Good,yes,no,A
                "Broken,yes,no,A
                More,yes,no,A
                """);

        assertThat(parsed.questions()).hasSize(1);
        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.message()).startsWith("The CSV is malformed from here on");
        });
    }

    @Test
    void gapsBetweenOptionsAndBadDifficultyAreNamed() {
        ParsedFile parsed = Samples.parse(csv, """
                stem,option_a,option_b,option_c,correct,difficulty
                Gap,one,,three,A,hard
                """);

        assertThat(parsed.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains("option_b is empty but a later option is not.", "'difficulty' must be 1, 2 or 3: 'hard'."));
    }
}
