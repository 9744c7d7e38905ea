package com.cloudsquad.progress;

/**
 * XP and levels. A right answer earns 10 XP per difficulty step (easy 10, medium 20, hard 30); a
 * passed readiness test or mock exam earns 100 more. Level n starts at 50·n·(n−1) XP: level 2 at
 * 100, 3 at 300, 4 at 600, 5 at 1,000, 10 at 4,500; each level asks 100 XP more than the one before.
 */
final class Levels {

    static final int PASS_BONUS = 100;

    private Levels() {}

    static int xpForAnswer(int difficulty) {
        return 10 * Math.max(1, Math.min(3, difficulty));
    }

    /** XP at which level {@code level} starts. */
    static long startOf(int level) {
        return 50L * level * (level - 1);
    }

    static int levelOf(long xp) {
        int level = 1;
        while (startOf(level + 1) <= xp) {
            level++;
        }
        return level;
    }

    /** Where a candidate stands: level, XP into it and XP the level spans. */
    record Standing(int level, long xp, long into, long span) {

        public int percent() {
            return span == 0 ? 0 : (int) (100 * into / span);
        }

        public long toNext() {
            return span - into;
        }
    }

    static Standing standing(long xp) {
        int level = levelOf(xp);
        long start = startOf(level);
        return new Standing(level, xp, xp - start, startOf(level + 1) - start);
    }
}
