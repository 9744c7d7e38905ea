package com.cloudsquad.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MissedQueueTests {

    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void aQuestionLeavesAfterTwoRightAnswersADayApartAndAWrongAnswerStartsAgain() {
        Map<Long, MissedQueue.Entry> byQuestion = new LinkedHashMap<>();
        MissedQueue.Entry twiceSameDay = entry(byQuestion, 1L);
        twiceSameDay.record(false, T0);
        twiceSameDay.record(true, T0.plus(Duration.ofHours(1)));
        twiceSameDay.record(true, T0.plus(Duration.ofHours(5)));
        MissedQueue.Entry spaced = entry(byQuestion, 2L);
        spaced.record(false, T0);
        spaced.record(true, T0.plus(Duration.ofHours(1)));
        spaced.record(true, T0.plus(Duration.ofHours(26)));
        MissedQueue.Entry relapsed = entry(byQuestion, 3L);
        relapsed.record(false, T0.minus(Duration.ofDays(3)));
        relapsed.record(true, T0.minus(Duration.ofDays(2)));
        relapsed.record(false, T0.plus(Duration.ofDays(1)));
        relapsed.record(true, T0.plus(Duration.ofDays(3)));
        MissedQueue.Entry neverWrong = entry(byQuestion, 4L);
        neverWrong.record(true, T0);
        MissedQueue.Entry older = entry(byQuestion, 5L);
        older.record(false, T0.minus(Duration.ofDays(10)));

        MissedQueue.Summary queue = MissedQueue.summary(byQuestion, T0.plus(Duration.ofDays(30)));
        assertThat(queue.due()).containsExactly(5L, 1L, 3L);
        assertThat(queue.resting()).isZero();
        assertThat(queue.nextBack()).isNull();
    }

    @Test
    void afterItsFirstRightAnswerAQuestionRestsForADayAndIsDueAgainAfterIt() {
        Map<Long, MissedQueue.Entry> byQuestion = new LinkedHashMap<>();
        MissedQueue.Entry missed = entry(byQuestion, 1L);
        missed.record(false, T0);
        MissedQueue.Entry rightOnce = entry(byQuestion, 2L);
        rightOnce.record(false, T0.minus(Duration.ofHours(3)));
        rightOnce.record(true, T0.plus(Duration.ofHours(2)));
        MissedQueue.Entry rightTwiceTooSoon = entry(byQuestion, 3L);
        rightTwiceTooSoon.record(false, T0.minus(Duration.ofHours(2)));
        rightTwiceTooSoon.record(true, T0.plus(Duration.ofHours(1)));
        rightTwiceTooSoon.record(true, T0.plus(Duration.ofHours(4)));

        Instant now = T0.plus(Duration.ofHours(5));
        MissedQueue.Summary queue = MissedQueue.summary(byQuestion, now);
        assertThat(queue.due()).containsExactly(1L);
        assertThat(queue.resting()).isEqualTo(2);
        assertThat(queue.waiting()).isEqualTo(3);
        // question 3's first right answer came first: it is back a day after it
        assertThat(queue.nextBack()).isEqualTo(T0.plus(Duration.ofHours(25)));

        MissedQueue.Summary dayLater = MissedQueue.summary(byQuestion, T0.plus(Duration.ofHours(26)));
        assertThat(dayLater.due()).containsExactly(2L, 3L, 1L);
        assertThat(dayLater.resting()).isZero();
    }

    private static MissedQueue.Entry entry(Map<Long, MissedQueue.Entry> map, long id) {
        MissedQueue.Entry entry = new MissedQueue.Entry();
        map.put(id, entry);
        return entry;
    }
}
