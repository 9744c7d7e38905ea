package com.cloudsquad.exam;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The missed-question queue: a question enters when answered wrong and leaves after two right
 * answers at least a day apart (a wrong answer starts the count again). Oldest miss first.
 */
final class MissedQueue {

    static final Duration SPACING = Duration.ofDays(1);

    private MissedQueue() {}

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

        Instant lastWrong() {
            return lastWrong;
        }
    }

    static List<Long> order(Map<Long, Entry> byQuestion) {
        return byQuestion.entrySet().stream()
                .filter(e -> e.getValue().queued())
                .sorted(Comparator.comparing(e -> e.getValue().lastWrong()))
                .map(Map.Entry::getKey)
                .toList();
    }
}
