package com.cloudsquad.progress;

import java.util.List;

/**
 * Recency-weighted accuracy per domain, kept as exponentially decayed sums so each answer updates
 * one row and the dashboard reads it back without looking at answers: every new answer multiplies
 * the older weights by {@link #DECAY}. With 0.97 the 50th answer back still weighs 0.22 and the
 * sums behave like a window of the last ~33 answers (the issue asks for the last 50, weighted towards recent).
 */
record Mastery(double weightSum, double rightSum, double difficultySum, double weightSqSum, int answers) {

    static final double DECAY = 0.97;

    /** Below this, a domain is weak. */
    static final double WEAK = 0.60;

    static final Mastery NONE = new Mastery(0, 0, 0, 0, 0);

    /** One graded answer: right or wrong, at a difficulty 1–3. */
    record Answer(boolean correct, int difficulty) {}

    /** The sums after these answers (oldest first). */
    Mastery plus(List<Answer> newer) {
        Mastery m = this;
        for (Answer a : newer) {
            m = new Mastery(
                    m.weightSum * DECAY + 1,
                    m.rightSum * DECAY + (a.correct() ? 1 : 0),
                    m.difficultySum * DECAY + a.difficulty(),
                    m.weightSqSum * DECAY * DECAY + 1,
                    m.answers + 1);
        }
        return m;
    }

    /** What the answers add to the stored sums, given the count k: stored * DECAY^k + delta. */
    static Mastery delta(List<Answer> newer) {
        return NONE.plus(newer);
    }

    /** Weighted share right, 0–1 (0 without answers). */
    double accuracy() {
        return weightSum == 0 ? 0 : rightSum / weightSum;
    }

    int percent() {
        return (int) Math.round(accuracy() * 100);
    }

    double meanDifficulty() {
        return weightSum == 0 ? 2 : difficultySum / weightSum;
    }

    /** How many equally weighted answers the decayed sums are worth. */
    double effectiveAnswers() {
        return weightSqSum == 0 ? 0 : weightSum * weightSum / weightSqSum;
    }

    /** The drill level after an attempt: 80 %+ steps up, below 50 % steps down, within 1–3. */
    static int nextLevel(int level, double accuracy) {
        if (accuracy >= 0.80) {
            return Math.min(3, level + 1);
        }
        if (accuracy < 0.50) {
            return Math.max(1, level - 1);
        }
        return level;
    }
}
