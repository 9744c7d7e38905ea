package com.cloudsquad.bank;

import static com.cloudsquad.bank.StemSimilarity.jaccard;
import static com.cloudsquad.bank.StemSimilarity.shingles;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.bank.transfer.JsonQuestionFormat;
import com.cloudsquad.bank.transfer.ParsedFile;
import com.cloudsquad.bank.transfer.QuestionData;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fails when the seed bank drifts from what a candidate should be able to trust. */
class SeedBankContentTests {

    static final Map<String, Map<String, Integer>> WEIGHTS = Map.of(
            "SAA-C03",
            Map.of(
                    "Design Secure Architectures", 30,
                    "Design Resilient Architectures", 26,
                    "Design High-Performing Architectures", 24,
                    "Design Cost-Optimized Architectures", 20),
            "CLF-C02",
            Map.of(
                    "Cloud Concepts", 24,
                    "Security and Compliance", 30,
                    "Cloud Technology and Services", 34,
                    "Billing, Pricing, and Support", 12));

    static List<QuestionData> load(String file) throws IOException {
        try (InputStream in = SeedBankContentTests.class.getResourceAsStream("/seed/" + file)) {
            ParsedFile parsed = new JsonQuestionFormat().parse(in);
            assertThat(parsed.errors()).as(file + " parses").isEmpty();
            return parsed.questions().stream().map(ParsedFile.Parsed::question).toList();
        }
    }

    @ParameterizedTest
    @CsvSource({"saa-c03.json,SAA-C03,200", "clf-c02.json,CLF-C02,100"})
    void countsPerDomainFollowTheExamWeights(String file, String code, int minimum) throws IOException {
        List<QuestionData> questions = load(file);

        assertThat(questions).hasSizeGreaterThanOrEqualTo(minimum);
        assertThat(questions).allSatisfy(q -> assertThat(q.certification()).isEqualTo(code));
        Map<String, Long> perDomain =
                questions.stream().collect(Collectors.groupingBy(QuestionData::domain, Collectors.counting()));
        assertThat(perDomain.keySet()).isEqualTo(WEIGHTS.get(code).keySet());
        WEIGHTS.get(code).forEach((domain, weight) -> assertThat((double) perDomain.get(domain))
                .as(domain)
                .isCloseTo(questions.size() * weight / 100.0, org.assertj.core.data.Offset.offset(3.0)));
    }

    @ParameterizedTest
    @CsvSource({"saa-c03.json", "clf-c02.json"})
    void shapesMatchTheRealExam(String file) throws IOException {
        List<QuestionData> questions = load(file);

        long multiple =
                questions.stream().filter(QuestionData::isMultipleResponse).count();
        assertThat((double) multiple / questions.size())
                .as("share of multiple response")
                .isGreaterThanOrEqualTo(0.20);
        for (QuestionData q : questions) {
            String where =
                    file + ": " + q.stem().substring(0, Math.min(60, q.stem().length()));
            if (q.isMultipleResponse()) {
                String words = q.correctCount() == 2 ? "two" : q.correctCount() == 3 ? "three" : "?";
                assertThat(q.options().size()).as(where).isGreaterThanOrEqualTo(5);
                assertThat(q.stem().strip()).as(where).endsWith("(Choose " + words + ".)");
            } else {
                assertThat(q.options()).as(where).hasSize(4);
                assertThat(q.stem()).as(where).doesNotContain("(Choose");
            }
            assertThat(q.options()).as(where).allSatisfy(o -> assertThat(o.explanation())
                    .isNotBlank());
            assertThat(q.explanation()).as(where).isNotBlank();
            assertThat(q.references()).as(where).isNotEmpty().allSatisfy(r -> {
                URI uri = URI.create(r);
                assertThat(uri.getScheme()).isEqualTo("https");
                assertThat(uri.getHost()).isIn("docs.aws.amazon.com", "aws.amazon.com");
            });
            assertThat(q.difficulty()).as(where).isBetween(1, 3);
            assertThat(q.tags()).as(where).isNotEmpty();
            assertThat(q.status()).as(where).isEqualTo("PUBLISHED");
        }
        Map<Integer, Long> difficulty =
                questions.stream().collect(Collectors.groupingBy(QuestionData::difficulty, Collectors.counting()));
        assertThat(100.0 * difficulty.get(1) / questions.size()).as("easy %").isBetween(20.0, 40.0);
        assertThat(100.0 * difficulty.get(2) / questions.size()).as("medium %").isBetween(40.0, 60.0);
        assertThat(100.0 * difficulty.get(3) / questions.size()).as("hard %").isBetween(10.0, 30.0);
    }

    @ParameterizedTest
    @CsvSource({"saa-c03.json", "clf-c02.json"})
    void everyQuestionPassesTheAdminFormsValidationWithoutWarnings(String file) throws IOException {
        QuestionRules rules = new QuestionRules();
        for (QuestionData q : load(file)) {
            QuestionContent content = new QuestionContent(
                    1,
                    q.difficulty(),
                    q.title(),
                    q.stem(),
                    q.options().stream()
                            .map(o -> new QuestionContent.Option(o.text(), o.correct(), o.explanation()))
                            .toList(),
                    q.explanation(),
                    q.references(),
                    q.tags());
            QuestionRules.Verdict verdict = rules.check(content);
            assertThat(verdict.errors()).as(q.stem()).isEmpty();
            assertThat(verdict.warnings()).as(q.stem()).isEmpty();
        }
    }

    /**
     * A test-wise candidate must not pass by picking the longest options: per exam and question
     * type, the share of questions whose k longest options are exactly the key stays within 10
     * points of chance, and keys are on average at most 1.15 times as long as the distractors (the
     * same figures the admin bank list warns about).
     */
    @ParameterizedTest
    @CsvSource({"saa-c03.json", "clf-c02.json"})
    void theKeyIsNotGivenAwayByItsLength(String file) throws IOException {
        OptionLengthStats stats = OptionLengthStats.ofQuestions(load(file));

        assertThat(stats.groups()).extracting(OptionLengthStats.Group::multiple).containsExactlyInAnyOrder(false, true);
        assertThat(stats.warnings())
                .as("groups of %s whose option lengths give the keys away: %s", file, stats.groups())
                .isEmpty();
    }

    @Test
    void noDuplicateOrNearDuplicateStemsAcrossTheWholeBank() throws IOException {
        List<QuestionData> all = new ArrayList<>(load("saa-c03.json"));
        all.addAll(load("clf-c02.json"));
        List<Set<String>> shingles = all.stream().map(q -> shingles(q.stem())).toList();
        List<String> flagged = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                double similarity = jaccard(shingles.get(i), shingles.get(j));
                if (similarity > 0.8) {
                    flagged.add(String.format(
                            Locale.ROOT,
                            "%.2f: %s | %s",
                            similarity,
                            all.get(i).stem(),
                            all.get(j).stem()));
                }
            }
        }
        assertThat(flagged).isEmpty();
    }

    @Test
    void theSimilarityCheckItselfCatchesARewordedCopy() {
        Set<String> original =
                shingles("A company stores logs in Amazon S3 and must keep them for seven years at the lowest cost.");
        Set<String> copy =
                shingles("A company stores logs in Amazon S3 and must keep them for seven years at the lowest cost!");
        Set<String> other =
                shingles("Which service gives a managed NoSQL database with single-digit millisecond latency?");
        assertThat(jaccard(original, copy)).isGreaterThan(0.8);
        assertThat(jaccard(original, other)).isLessThan(0.2);
    }
}
