package com.cloudsquad.progress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LevelsTests {

    @Test
    void eachLevelAsksAHundredXpMoreThanTheOneBefore() {
        assertThat(Levels.levelOf(0)).isEqualTo(1);
        assertThat(Levels.levelOf(99)).isEqualTo(1);
        assertThat(Levels.levelOf(100)).isEqualTo(2);
        assertThat(Levels.levelOf(299)).isEqualTo(2);
        assertThat(Levels.levelOf(300)).isEqualTo(3);
        assertThat(Levels.levelOf(1000)).isEqualTo(5);
        assertThat(Levels.levelOf(4500)).isEqualTo(10);
        for (int level = 2; level < 30; level++) {
            assertThat(Levels.startOf(level + 1) - Levels.startOf(level))
                    .isEqualTo(Levels.startOf(level) - Levels.startOf(level - 1) + 100);
        }
    }

    @Test
    void theXpBarShowsTheWayToTheNextLevel() {
        Levels.Standing standing = Levels.standing(350);
        assertThat(standing.level()).isEqualTo(3);
        assertThat(standing.into()).isEqualTo(50);
        assertThat(standing.span()).isEqualTo(300);
        assertThat(standing.toNext()).isEqualTo(250);
        assertThat(standing.percent()).isEqualTo(16);
    }

    @Test
    void rightAnswersEarnTenXpPerDifficultyStep() {
        assertThat(Levels.xpForAnswer(1)).isEqualTo(10);
        assertThat(Levels.xpForAnswer(2)).isEqualTo(20);
        assertThat(Levels.xpForAnswer(3)).isEqualTo(30);
    }
}
