package com.cloudsquad.bank;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuestionDrawTests {

    @Test
    void difficultiesFollowTheThirtyFiftyTwentyMixAndAddUp() {
        assertThat(QuestionDraw.shares(30)).containsExactly(9, 15, 6);
        assertThat(QuestionDraw.shares(10)).containsExactly(3, 5, 2);
        assertThat(QuestionDraw.shares(65)).containsExactly(20, 32, 13);
        for (int count = 0; count <= 100; count++) {
            int[] shares = QuestionDraw.shares(count);
            assertThat(shares[0] + shares[1] + shares[2]).as("count %d", count).isEqualTo(count);
        }
    }
}
