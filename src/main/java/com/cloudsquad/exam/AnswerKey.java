package com.cloudsquad.exam;

import java.util.Set;

/** Scoring as AWS does it: right only when exactly the right set is chosen; unanswered is wrong. */
final class AnswerKey {

    private AnswerKey() {}

    static boolean isRight(Set<Integer> chosen, Set<Integer> correct) {
        return chosen != null && !chosen.isEmpty() && chosen.equals(correct);
    }
}
