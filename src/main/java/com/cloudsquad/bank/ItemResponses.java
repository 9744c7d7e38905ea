package com.cloudsquad.bank;

import java.time.Instant;
import java.util.List;

/**
 * The graded responses that item statistics are computed from. Bank defines it and exam implements
 * it (exam owns attempts and already depends on bank, so bank must not depend on exam). Without a
 * bean there are no statistics.
 *
 * <p>The contract: only responses of closed, scored tests (the timed modes, whose answers are
 * graded together at the end like the real exam), never learning modes, whose answers come after
 * explanations of earlier questions and may be retried. Unanswered counts as wrong.
 */
public interface ItemResponses {

    /**
     * One question of one scored attempt.
     *
     * @param mode the attempt's mode, as exam names it (e.g. {@code READINESS}, {@code MOCK})
     * @param selected the chosen options as a bit set of the bank's original positions (bit 0 =
     *     option A), whatever order the candidate saw them in
     * @param attemptCorrect right answers in the whole attempt, this question included
     * @param attemptQuestions questions in the whole attempt, this one included
     */
    record Response(
            long attemptId,
            long accountId,
            String mode,
            Instant closedAt,
            long questionId,
            long versionId,
            int selected,
            boolean correct,
            int attemptCorrect,
            int attemptQuestions) {

        /** The attempt's score as a fraction of its questions. */
        public double attemptFraction() {
            return attemptQuestions == 0 ? 0 : (double) attemptCorrect / attemptQuestions;
        }
    }

    /**
     * The next page: every response of the versions with id above {@code afterVersionId}, up to a
     * version chosen so that the page holds about {@code size} responses (a version is never split
     * across pages). Ordered by version id, account id, closing time, attempt id, so a reader sees
     * each candidate's first attempt at a version first. Empty when there are none left.
     */
    List<Response> page(long afterVersionId, int size);
}
