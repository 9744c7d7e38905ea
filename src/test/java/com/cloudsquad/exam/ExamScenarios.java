package com.cloudsquad.exam;

import com.cloudsquad.bank.QuestionBank;
import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.catalog.Certification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * For tests of other modules (analysis): a certification of their own, candidates, and readiness
 * tests taken and submitted through the exam's own lifecycle, so AttemptSubmitted is published as
 * in production.
 */
@Component
public class ExamScenarios {

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final QuestionBank bank;
    private final Attempts attempts;
    private final AttemptQueries queries;

    ExamScenarios(JdbcClient jdbc, Catalog catalog, QuestionBank bank, Attempts attempts, AttemptQueries queries) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.bank = bank;
        this.attempts = attempts;
        this.queries = queries;
    }

    /** Four domains "Domain 1".."Domain 4" weighted 40/30/20/10; readiness tests of 10 questions. */
    public Certification certification() {
        return ExamFixture.create(jdbc, catalog, bank, 12).certification;
    }

    public long candidate(String prefix) {
        return ExamFixture.account(jdbc, prefix);
    }

    /**
     * Takes and submits a readiness test, answering right the questions of the first {@code
     * rightDomains} domains (by position in the certification) and leaving the others unanswered.
     */
    public long submitReadinessTest(long accountId, Certification certification, int rightDomains) {
        long id = attempts.start(accountId, certification, Attempts.StartRequest.of(AttemptMode.READINESS))
                .attemptId();
        var questions = queries.questions(id);
        var versions =
                bank.versions(questions.stream().map(AttemptQuestion::versionId).toList());
        var right = certification.domains().stream()
                .limit(rightDomains)
                .map(com.cloudsquad.catalog.ExamDomain::id)
                .toList();
        for (AttemptQuestion q : questions) {
            if (right.contains(q.domainId())) {
                attempts.saveAnswer(
                        id,
                        accountId,
                        q.position(),
                        AnswerKey.correctPositions(versions.get(q.versionId()).content()));
            }
        }
        attempts.submit(id, accountId);
        return id;
    }
}
