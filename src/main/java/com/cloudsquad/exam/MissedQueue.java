package com.cloudsquad.exam;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The missed-question queue: a question enters when answered wrong and leaves after two right
 * answers at least a day apart (a wrong answer starts the count again). After its first right
 * answer a question rests: it is not drawn again until a day has passed, since a second right
 * answer sooner would not count. Oldest miss first.
 */
final class MissedQueue {

    static final Duration SPACING = Duration.ofDays(1);

    private MissedQueue() {}

    /**
     * The queue as a candidate sees it at one moment.
     *
     * @param due the questions to review now, oldest miss first
     * @param resting how many more wait for their day to pass
     * @param nextBack when the first of the resting ones is due again (null when none rest)
     */
    record Summary(List<Long> due, int resting, Instant nextBack) {

        int waiting() {
            return due.size() + resting;
        }
    }

    /** One question's graded answers, fed oldest first. */
    static final class Entry {
        private Instant lastWrong;
        private Instant firstRightSince;
        private Instant lastRightSince;

        void record(boolean correct, Instant at) {
            if (!correct) {
                lastWrong = at;
                firstRightSince = null;
                lastRightSince = null;
            } else if (lastWrong != null) {
                if (firstRightSince == null) {
                    firstRightSince = at;
                }
                lastRightSince = at;
            }
        }

        boolean queued() {
            return lastWrong != null
                    && (firstRightSince == null
                            || Duration.between(firstRightSince, lastRightSince).compareTo(SPACING) < 0);
        }

        /** When a queued question may be reviewed again: at once, or a day after its first right answer. */
        Instant dueAt() {
            return firstRightSince == null ? lastWrong : firstRightSince.plus(SPACING);
        }

        Instant lastWrong() {
            return lastWrong;
        }
    }

    static Summary summary(Map<Long, Entry> byQuestion, Instant now) {
        List<Long> due = byQuestion.entrySet().stream()
                .filter(e -> e.getValue().queued() && !e.getValue().dueAt().isAfter(now))
                .sorted(Comparator.comparing(e -> e.getValue().lastWrong()))
                .map(Map.Entry::getKey)
                .toList();
        List<Instant> resting = byQuestion.values().stream()
                .filter(e -> e.queued() && e.dueAt().isAfter(now))
                .map(Entry::dueAt)
                .toList();
        Instant nextBack = resting.stream().min(Comparator.naturalOrder()).orElse(null);
        return new Summary(due, resting.size(), nextBack);
    }
}
