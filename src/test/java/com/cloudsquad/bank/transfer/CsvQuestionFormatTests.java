package com.cloudsquad.bank.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

    /** Texts a spreadsheet would run as formulas (OWASP CSV injection), and texts that only look close. */
    static final QuestionData FORMULAS = new QuestionData(
            "SAA-C03",
            "Design Secure Architectures",
            null,
            "=HYPERLINK(\"https://evil.example\",\"Click\")",
            "+1+cmd|' /C calc'!A0 which option?",
            List.of(
                    new QuestionData.OptionData("-2+3", true, "@SUM(A1:A9)"),
                    new QuestionData.OptionData("'=already quoted", false, "''+twice quoted"),
                    new QuestionData.OptionData("'plain quote", false, "a = b is fine inside"),
                    new QuestionData.OptionData("\t=tab first", false, "\r=carriage return first")),
            "=1+1",
            List.of("https://docs.aws.amazon.com/s3/"),
            2,
            List.of("s3"),
            "PUBLISHED");

    @Test
    void cellsThatStartLikeAFormulaAreExportedAsTextAndImportedBackExactly() {
        String file = Samples.write(csv, List.of(FORMULAS));

        assertThat(file)
                .contains("'=HYPERLINK(")
                .contains("'+1+cmd|")
                .contains("'-2+3")
                .contains("'@SUM(A1:A9)")
                .contains("''=already quoted")
                .contains("'''+twice quoted")
                .contains(",'plain quote,")
                .contains(",a = b is fine inside,")
                .contains("'=1+1")
                .contains(",'\t=tab first,")
                .doesNotContain(",=")
                .doesNotContain(",+")
                .doesNotContain(",@");
        for (String cell : List.of("=", "+", "-", "@", "\t", "\r")) {
            assertThat(CsvQuestionFormat.neutralised(cell + "x")).isEqualTo("'" + cell + "x");
            assertThat(CsvQuestionFormat.unneutralised("'" + cell + "x")).isEqualTo(cell + "x");
        }
        ParsedFile parsed = Samples.parse(csv, file);
        assertThat(parsed.errors()).isEmpty();
        QuestionData back = parsed.questions().get(0).question();
        assertThat(back.title()).isEqualTo(FORMULAS.title());
        assertThat(back.stem()).isEqualTo(FORMULAS.stem());
        assertThat(back.explanation()).isEqualTo(FORMULAS.explanation());
        assertThat(back.options().subList(0, 3)).isEqualTo(FORMULAS.options().subList(0, 3));
        // Leading tabs and line ends are trimmed from every cell on import, as before.
        assertThat(back.options().get(3).text()).isEqualTo("=tab first");
        assertThat(back.options().get(3).explanation()).isEqualTo("=carriage return first");
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
