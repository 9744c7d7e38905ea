package com.cloudsquad.exam;

import com.cloudsquad.bank.QuestionBank;
import com.cloudsquad.bank.QuestionVersion;
import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.catalog.Certification;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Scores an attempt against the exact versions it showed. */
@Component
class Scoring {

    private final QuestionBank bank;
    private final Catalog catalog;

    Scoring(QuestionBank bank, Catalog catalog) {
        this.bank = bank;
        this.catalog = catalog;
    }

    Score score(Attempt attempt, List<AttemptQuestion> questions) {
        Map<Long, QuestionVersion> versions =
                bank.versions(questions.stream().map(AttemptQuestion::versionId).toList());
        Set<Integer> right = new HashSet<>();
        for (AttemptQuestion q : questions) {
            QuestionVersion version = versions.get(q.versionId());
            if (version != null && AnswerKey.isRight(q.selected(), AnswerKey.correctPositions(version.content()))) {
                right.add(q.position());
            }
        }
        Certification certification = catalog.byId(attempt.certificationId()).orElseThrow();
        double raw = questions.isEmpty() ? 0 : 100.0 * right.size() / questions.size();
        int scaled = ScaledScore.of(raw, certification.passingScore());
        return new Score(
                right.size(), Math.round(raw * 100) / 100.0, scaled, scaled >= certification.passingScore(), right);
    }

    record Score(int correct, double rawPercent, int scaled, boolean passed, Set<Integer> correctPositions) {}
}
