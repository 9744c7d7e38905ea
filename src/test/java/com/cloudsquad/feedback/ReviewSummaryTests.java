package com.cloudsquad.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewSummaryTests {

    @Test
    void averageAndSharesComeFromTheCountsPerStar() {
        // 2 x 5, 1 x 4, 1 x 1: (10 + 4 + 1) / 4 = 3.75
        ReviewSummary summary = new ReviewSummary(4, List.of(1L, 0L, 0L, 1L, 2L));

        assertThat(summary.average()).isEqualTo(3.75);
        assertThat(summary.averageText()).isEqualTo("3.8");
        assertThat(summary.percent(5)).isEqualTo(50);
        assertThat(summary.percent(2)).isZero();
        assertThat(summary.reviews(1)).isEqualTo(1);
    }

    @Test
    void noReviewsMeansNoAverageAndNoDivisionByZero() {
        ReviewSummary empty = new ReviewSummary(0, List.of(0L, 0L, 0L, 0L, 0L));

        assertThat(empty.average()).isZero();
        assertThat(empty.percent(3)).isZero();
    }

    @Test
    void anUnknownSortFallsBackToNewest() {
        assertThat(ReviewSort.of("highest")).isEqualTo(ReviewSort.HIGHEST);
        assertThat(ReviewSort.of("'; DROP TABLE review")).isEqualTo(ReviewSort.NEWEST);
        assertThat(ReviewSort.of(null)).isEqualTo(ReviewSort.NEWEST);
    }
}
