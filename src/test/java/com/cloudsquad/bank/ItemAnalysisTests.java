package com.cloudsquad.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Item statistics on a fixture worked out by hand: 6 candidates (A–F) × 4 items, one mark each,
 * every item with options A–D and key A; a wrong answer chose option B.
 *
 * <pre>
 *          item1 item2 item3 item4 | total
 *   A        1     1     1     0   |  3
 *   B        1     1     1     0   |  3
 *   C        1     0     1     0   |  2
 *   D        1     1     0     1   |  3
 *   E        0     1     0     1   |  2
 *   F        0     0     0     1   |  1
 * </pre>
 *
 * Item 4 is the "wrong key": the best candidates miss it, the weakest get it.
 *
 * <p>Item 1: x = (1,1,1,1,0,0); rest of test X = total − x = (2,2,1,2,2,1). x̄ = 4/6 = 2/3,
 * X̄ = 10/6 = 5/3. Deviations dx = (⅓,⅓,⅓,⅓,−⅔,−⅔), dX = (⅓,⅓,−⅔,⅓,⅓,−⅔).
 * Σdx² = 4/9 + 8/9 = 4/3, so var(x) = (4/3)/(s−1) = 4/15 and SD = √(4/15) = 0.5164 → 51.64 %.
 * ΣdX² = 4/9 + 8/9 = 4/3, var(X) = 4/15. Σdx·dX = (1+1−2+1−2+4)/9 = 1/3, cov = 1/15.
 * D = 100 · (1/15) / √(4/15 · 4/15) = 100 · (1/15)/(4/15) = 25. Sorted ascending x = (0,0,1,1,1,1)
 * and X = (1,1,2,2,2,2) give Σ = 4/9 + 4/9 + 4 · 1/9 = 4/3, cov_max = 4/15, efficiency = 25.
 * Facility = 100 · 2/3 = 66.67.
 *
 * <p>Item 4: x = (0,0,0,1,1,1), X = (3,3,2,2,1,0). x̄ = ½, X̄ = 11/6. Σdx² = 6 · ¼ = 3/2, var(x) =
 * 3/10, SD = 54.77 %. As Σdx = 0, Σdx·dX = Σdx·X = −½(3+3+2) + ½(2+1+0) = −5/2, cov = −1/2.
 * ΣdX² = ΣX² − s·X̄² = 27 − 121/6 = 41/6, var(X) = 41/30. D = 100 · (−½)/√(3/10 · 41/30) =
 * −50/√0.41 = −78.09. Sorted X = (0,1,2,2,3,3) against sorted x: Σdx·X = −½(0+1+2) + ½(2+3+3) =
 * 5/2, cov_max = 1/2, efficiency = −100. Strong third: ⌈6/3⌉ = 2 best rest scores are 3 and 3, so
 * A and B; both chose B, none the key A.
 *
 * <p>The code works with the rest of the test as a fraction of the other 3 questions (X/3):
 * dividing X by a constant changes neither the correlation nor cov/cov_max.
 */
class ItemAnalysisTests {

    static final int[][] MARKS = {
        {1, 1, 1, 0},
        {1, 1, 1, 0},
        {1, 0, 1, 0},
        {1, 1, 0, 1},
        {0, 1, 0, 1},
        {0, 0, 0, 1}
    };

    static final int KEY_A = 0b0001;
    static final int OPTION_B = 0b0010;

    /** The fixture as exam would hand it over: by version, then candidate, then time. */
    static List<ItemResponses.Response> responses(int copies, boolean withRetakes) {
        List<ItemResponses.Response> all = new ArrayList<>();
        for (int item = 0; item < 4; item++) {
            for (int copy = 0; copy < copies; copy++) {
                for (int c = 0; c < MARKS.length; c++) {
                    long account = 100L * copy + c;
                    int total = java.util.Arrays.stream(MARKS[c]).sum();
                    boolean right = MARKS[c][item] == 1;
                    all.add(new ItemResponses.Response(
                            1000L * copy + c,
                            account,
                            "READINESS",
                            Instant.parse("2026-01-01T00:00:00Z"),
                            10 + item,
                            20 + item,
                            right ? KEY_A : OPTION_B,
                            right,
                            total,
                            4));
                    if (withRetakes) {
                        // a later attempt by the same candidate, all right: not a first attempt
                        all.add(new ItemResponses.Response(
                                5000L + 1000L * copy + c,
                                account,
                                "MOCK",
                                Instant.parse("2026-02-01T00:00:00Z"),
                                10 + item,
                                20 + item,
                                KEY_A,
                                true,
                                4,
                                4));
                    }
                }
            }
        }
        // each candidate's rows together, as the SQL orders them (account, then closing time)
        all.sort(java.util.Comparator.comparingLong(ItemResponses.Response::versionId)
                .thenComparingLong(ItemResponses.Response::accountId)
                .thenComparing(ItemResponses.Response::closedAt));
        return all;
    }

    static Map<Long, ItemAnalysis.Figures> analyse(int copies, boolean withRetakes) {
        Map<Long, ItemStatisticsStore.Key> keys = new HashMap<>();
        for (long v = 20; v < 24; v++) {
            keys.put(v, new ItemStatisticsStore.Key(KEY_A, 4));
        }
        ItemStatistics.Pass pass = new ItemStatistics.Pass();
        pass.add(responses(copies, withRetakes), keys);
        Map<Long, ItemAnalysis.Figures> byVersion = new HashMap<>();
        pass.figures.forEach(f -> byVersion.put(f.versionId(), f));
        return byVersion;
    }

    @Test
    void aGoodItemHasTheFiguresWorkedOutByHand() {
        ItemAnalysis.Figures item1 = analyse(1, false).get(20L);

        assertThat(item1.questionId()).isEqualTo(10);
        assertThat(item1.attempts()).isEqualTo(6);
        assertThat(item1.facility()).isCloseTo(66.667, within(0.001));
        assertThat(item1.sd()).isCloseTo(51.640, within(0.001));
        assertThat(item1.discrimination()).isCloseTo(25.0, within(1e-9));
        assertThat(item1.efficiency()).isCloseTo(25.0, within(1e-9));
        assertThat(item1.options()).extracting(ItemAnalysis.OptionCount::chosen).containsExactly(4, 2, 0, 0);
    }

    @Test
    void aWrongKeyHasNegativeDiscriminationAndTheStrongThirdOnTheDistractor() {
        ItemAnalysis.Figures item4 = analyse(1, false).get(23L);

        assertThat(item4.facility()).isCloseTo(50.0, within(1e-9));
        assertThat(item4.sd()).isCloseTo(54.772, within(0.001));
        assertThat(item4.discrimination()).isCloseTo(-78.087, within(0.001));
        assertThat(item4.efficiency()).isCloseTo(-100.0, within(1e-9));
        assertThat(item4.strongCount()).isEqualTo(2);
        assertThat(item4.options().get(0).chosenByStrong()).isZero();
        assertThat(item4.options().get(1).chosenByStrong()).isEqualTo(2);
        // 6 attempts are too few to accuse a question
        assertThat(item4.needsChecking()).isFalse();
    }

    @Test
    void onlyEachCandidatesFirstAttemptCounts() {
        Map<Long, ItemAnalysis.Figures> figures = analyse(1, true);

        assertThat(figures.get(20L).attempts()).isEqualTo(6);
        assertThat(figures.get(20L).facility()).isCloseTo(66.667, within(0.001));
        assertThat(figures.get(23L).discrimination()).isCloseTo(-78.087, within(0.001));
    }

    @Test
    void withEnoughAttemptsTheWrongKeyIsFlaggedWithItsReasonsAndTheGoodItemIsNot() {
        // the fixture four times over: 24 candidates; D and efficiency do not change (the s − 1
        // cancel), so item 4 keeps D = −78.09 and the strong third (8) all chose B
        Map<Long, ItemAnalysis.Figures> figures = analyse(4, false);

        ItemAnalysis.Figures item4 = figures.get(23L);
        assertThat(item4.attempts()).isEqualTo(24);
        assertThat(item4.discrimination()).isCloseTo(-78.087, within(0.001));
        assertThat(item4.needsChecking()).isTrue();
        assertThat(item4.reasons())
                .containsExactly(
                        "Negative discrimination (-78.1): candidates who did better on the rest of the test got this"
                                + " question wrong more often. Check the key.",
                        "Strong candidates (the top third on the rest of the test, 8) chose option B (8) more often"
                                + " than the key A (0).");
        assertThat(figures.get(20L).needsChecking()).isFalse();
    }

    @Test
    void extremeFacilityIsFlaggedAndUndefinedFiguresStayEmpty() {
        int n = ItemAnalysis.MIN_ATTEMPTS;
        double[] marks = new double[n];
        double[] rest = new double[n];
        int[] selected = new int[n];
        for (int i = 0; i < n; i++) {
            marks[i] = 1;
            rest[i] = i / (double) n;
            selected[i] = KEY_A;
        }
        ItemAnalysis.Figures everybodyRight = ItemAnalysis.analyse(1, 1, marks, rest, selected, n, KEY_A, 4);

        assertThat(everybodyRight.facility()).isEqualTo(100.0);
        assertThat(everybodyRight.sd()).isZero();
        assertThat(everybodyRight.discrimination()).isNull(); // var(x) = 0: Moodle shows nothing
        assertThat(everybodyRight.efficiency()).isNull();
        assertThat(everybodyRight.reasons())
                .containsExactly(
                        "Facility 100.0 %: almost everybody answers it right, so it tells candidates apart poorly.");
    }
}
