package com.cloudsquad.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExamRulesTests {

    @Test
    void thirtyQuestionsFollowTheSaaWeights() {
        Map<Long, Integer> weights = new LinkedHashMap<>();
        weights.put(1L, 30);
        weights.put(2L, 26);
        weights.put(3L, 24);
        weights.put(4L, 20);
        // exact shares 9.0, 7.8, 7.2, 6.0 → 9, 8, 7, 6
        assertThat(DomainQuota.allocate(weights, 30))
                .containsExactly(Map.entry(1L, 9), Map.entry(2L, 8), Map.entry(3L, 7), Map.entry(4L, 6));
    }

    @Test
    void countsAlwaysAddUpToTheTotal() {
        Map<Long, Integer> weights = new LinkedHashMap<>();
        weights.put(1L, 24);
        weights.put(2L, 30);
        weights.put(3L, 34);
        weights.put(4L, 12);
        for (int total = 1; total <= 65; total++) {
            assertThat(DomainQuota.allocate(weights, total).values().stream()
                            .mapToInt(Integer::intValue)
                            .sum())
                    .isEqualTo(total);
        }
        // 65 questions: 15.6, 19.5, 22.1, 7.8 → 16, 19 or 20, 22, 8
        Map<Long, Integer> mock = DomainQuota.allocate(weights, 65);
        assertThat(mock.get(1L)).isEqualTo(16);
        assertThat(mock.get(3L)).isEqualTo(22);
        assertThat(mock.get(4L)).isEqualTo(8);
    }

    @Test
    void multipleResponseScoresOnlyTheExactSet() {
        assertThat(AnswerKey.isRight(Set.of(0, 2), Set.of(0, 2))).isTrue();
        assertThat(AnswerKey.isRight(Set.of(0), Set.of(0, 2)))
                .as("partly right is wrong")
                .isFalse();
        assertThat(AnswerKey.isRight(Set.of(0, 1, 2), Set.of(0, 2)))
                .as("too many is wrong")
                .isFalse();
        assertThat(AnswerKey.isRight(Set.of(), Set.of(1)))
                .as("unanswered is wrong")
                .isFalse();
        assertThat(AnswerKey.isRight(null, Set.of(1))).isFalse();
    }

    @Test
    void theScaledEstimatePutsSeventyPercentOnThePassingMark() {
        assertThat(ScaledScore.of(0, 720)).isEqualTo(100);
        assertThat(ScaledScore.of(70, 720)).isEqualTo(720);
        assertThat(ScaledScore.of(70, 700)).isEqualTo(700);
        assertThat(ScaledScore.of(100, 720)).isEqualTo(1000);
        assertThat(ScaledScore.of(35, 720)).isEqualTo(410);
        assertThat(ScaledScore.of(69.9, 720)).isLessThan(720);
    }
}
