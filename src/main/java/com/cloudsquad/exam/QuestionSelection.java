package com.cloudsquad.exam;

import com.cloudsquad.bank.QuestionDraw;
import com.cloudsquad.catalog.Certification;
import com.cloudsquad.catalog.ExamDomain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Chooses an attempt's questions: by the domain weights (largest remainder), the drill's domain,
 * or the missed-question queue; published versions only, recently seen questions avoided. Each
 * draw reads a window of an index, so it costs the same on a bank of 100 or 100,000.
 */
@Component
class QuestionSelection {

    private static final int RECENT_QUESTIONS = 300;

    private final QuestionDraw draw;
    private final AttemptQueries queries;
    private final RandomGenerator random;
    private final ObjectProvider<DrillDifficulty> drillDifficulty;

    QuestionSelection(
            QuestionDraw draw,
            AttemptQueries queries,
            RandomGenerator random,
            ObjectProvider<DrillDifficulty> drillDifficulty) {
        this.draw = draw;
        this.queries = queries;
        this.random = random;
        this.drillDifficulty = drillDifficulty;
    }

    record Picked(long questionId, long versionId, long domainId) {}

    /** How many questions the request asks for (timed modes: the certification's). */
    static int wanted(Certification certification, Attempts.StartRequest request) {
        return switch (request.mode()) {
            case MOCK -> certification.examQuestions();
            case READINESS -> certification.readinessQuestions();
            case PRACTICE, DRILL, REVIEW -> request.count();
        };
    }

    /** The questions in the order the attempt shows them (shuffled, except a review's oldest-miss-first). */
    List<Picked> pick(long accountId, Certification certification, Attempts.StartRequest request) {
        Set<Long> recent = queries.recentQuestions(accountId, RECENT_QUESTIONS);
        List<Picked> picked = new ArrayList<>();
        switch (request.mode()) {
            case READINESS, MOCK, PRACTICE -> {
                Map<Long, Integer> weights = new LinkedHashMap<>();
                certification.domains().forEach(d -> weights.put(d.id(), d.weightPercent()));
                Map<Long, Integer> quota = DomainQuota.allocate(weights, wanted(certification, request));
                for (ExamDomain domain : certification.domains()) {
                    draw.draw(domain.id(), quota.get(domain.id()), recent)
                            .forEach(q -> picked.add(new Picked(q.questionId(), q.versionId(), domain.id())));
                }
                shuffle(picked);
            }
            case DRILL -> {
                ExamDomain domain = certification
                        .domain(request.domainId() == null ? -1 : request.domainId())
                        .orElseThrow(() -> new IllegalArgumentException("Choose a domain of " + certification.code()));
                // a drill adapts to the candidate's level in the domain when progress provides one;
                // readiness tests and mocks keep the exam's mix
                DrillDifficulty adaptive = drillDifficulty.getIfAvailable();
                List<QuestionDraw.Drawn> drawn = adaptive == null
                        ? draw.draw(domain.id(), request.count(), recent)
                        : draw.drawAround(
                                domain.id(), request.count(), recent, adaptive.difficultyFor(accountId, domain.id()));
                drawn.forEach(q -> picked.add(new Picked(q.questionId(), q.versionId(), domain.id())));
                shuffle(picked);
            }
            case REVIEW -> {
                List<Long> queue =
                        queries.missedQueue(accountId, certification.id()).due();
                List<QuestionDraw.Drawn> current = draw.published(queue);
                Map<Long, Long> domains = draw.domains(
                        current.stream().map(QuestionDraw.Drawn::questionId).toList());
                current.stream()
                        .limit(request.count())
                        .forEach(q ->
                                picked.add(new Picked(q.questionId(), q.versionId(), domains.get(q.questionId()))));
            }
        }
        return picked;
    }

    /** A fresh order of a question's options, as the original positions. */
    List<Integer> optionOrder(int options) {
        List<Integer> order = new ArrayList<>(options);
        for (int i = 0; i < options; i++) {
            order.add(i);
        }
        shuffle(order);
        return order;
    }

    private <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }
}
