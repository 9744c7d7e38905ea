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

        assertThat(MissedQueue.order(byQuestion)).containsExactly(5L, 1L, 3L);
    }

    private static MissedQueue.Entry entry(Map<Long, MissedQueue.Entry> map, long id) {
        MissedQueue.Entry entry = new MissedQueue.Entry();
        map.put(id, entry);
        return entry;
    }
}
