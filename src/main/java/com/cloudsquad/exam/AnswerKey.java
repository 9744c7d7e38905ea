package com.cloudsquad.exam;

import com.cloudsquad.bank.QuestionContent;
import java.util.HashSet;
import java.util.Set;

/** Scoring as AWS does it: right only when exactly the right set is chosen; unanswered is wrong. */
final class AnswerKey {

    private AnswerKey() {}

    static boolean isRight(Set<Integer> chosen, Set<Integer> correct) {
        return chosen != null && !chosen.isEmpty() && chosen.equals(correct);
    }

    /** The original positions (as the bank stores them) of a version's right options. */
    static Set<Integer> correctPositions(QuestionContent content) {
        Set<Integer> correct = new HashSet<>();
        for (int i = 0; i < content.options().size(); i++) {
            if (content.options().get(i).correct()) {
                correct.add(i);
            }
        }
        return correct;
    }
}
