package com.cloudsquad.exam;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.bank.ItemStatistics;
import com.cloudsquad.bank.QuestionBank;
import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bank's item statistics fed by exam's {@code ScoredResponses} on the real database: candidates sit
 * real readiness tests through the exam's lifecycle, and the question whose key is wrong (the
 * stronger candidates all pick option B, which the bank grades wrong) is flagged by the job by
 * itself.
 */
@CloudSquadIntegrationTest
class ItemStatisticsIT {

    @Autowired
    Attempts attempts;

    @Autowired
    AttemptQueries queries;

    @Autowired
    QuestionBank bank;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ItemStatistics statistics;

    @Test
    void theJobFlagsAWrongKeyFromRealAttemptsAndLeavesTheGoodQuestionsAlone() {
        // 4 questions per domain: a readiness test of 10 draws 4 from domain 1, so every test shows
        // all of domain 1's questions; the first one (single answer, key A) has the "wrong key".
        ExamFixture fixture = ExamFixture.create(jdbc, catalog, bank, 4);
        long wrongKey = fixture.questionIds.get(0);
        long goodOne = fixture.questionIds.get(1);
        for (int i = 0; i < 24; i++) {
            boolean strong = i < 12;
            long candidate = ExamFixture.account(jdbc, "items");
            sitReadinessTest(candidate, fixture, strong, wrongKey);
        }
        // a practice session is not a test: it must not count
        long practising = ExamFixture.account(jdbc, "items-practice");
        long practice = attempts.start(
                        practising, fixture.certification, new Attempts.StartRequest(AttemptMode.PRACTICE, 10, null))
                .attemptId();
        for (AttemptQuestion q : queries.questions(practice)) {
            attempts.saveAnswer(practice, practising, q.position(), Set.of(0));
            attempts.check(practice, practising, q.position());
        }
        attempts.submit(practice, practising);

        ItemStatistics.Outcome outcome = statistics.recompute(null);

        assertThat(outcome.ran()).isTrue();
        Map<String, Object> bad = figuresOf(wrongKey);
        assertThat(bad.get("attempts")).isEqualTo(24);
        assertThat((Double) bad.get("facility")).isEqualTo(50.0);
        assertThat((Double) bad.get("discrimination")).isLessThan(-90.0);
        assertThat((Boolean) bad.get("needs_checking")).isTrue();
        assertThat((String) bad.get("reasons"))
                .contains("Negative discrimination")
                .contains("Strong candidates (the top third on the rest of the test, 12) chose option B (12) more"
                        + " often than the key A (0).");
        Map<String, Object> good = figuresOf(goodOne);
        assertThat(good.get("attempts")).isEqualTo(24);
        assertThat((Double) good.get("discrimination")).isGreaterThan(90.0);
        assertThat((Boolean) good.get("needs_checking")).isFalse();
        assertThat(statistics.questionsNeedingChecking()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT o.chosen FROM item_option_statistics o
                        JOIN question q ON q.current_version_id = o.version_id
                        WHERE q.id = ? ORDER BY o.position""").param(wrongKey).query(Integer.class).list()).containsExactly(12, 12, 0, 0);
    }

    @Test
    void aSecondInstanceDoesNotRecomputeWhileTheFirstHoldsTheClaim() {
        jdbc.sql("UPDATE item_statistics_run SET claimed_by = 'other-instance', claimed_until = ? WHERE id = 1")
                .param(java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(3600 * 24 * 365 * 10L)))
                .update();
        try {
            assertThat(statistics.recompute(null).ran()).isFalse();
        } finally {
            jdbc.sql("UPDATE item_statistics_run SET claimed_by = NULL, claimed_until = NULL WHERE id = 1")
                    .update();
        }
        // an expired claim (an instance that died mid-run) is taken over
        jdbc.sql("UPDATE item_statistics_run SET claimed_by = 'dead-instance', claimed_until = ? WHERE id = 1")
                .param(java.sql.Timestamp.valueOf("2000-01-01 00:00:00"))
                .update();
        assertThat(statistics.recompute(null).ran()).isTrue();
    }

    private Map<String, Object> figuresOf(long questionId) {
        return jdbc.sql("""
                        SELECT s.* FROM item_statistics s JOIN question q ON q.current_version_id = s.version_id
                        WHERE q.id = ?""").param(questionId).query().singleRow();
    }

    /**
     * A strong candidate answers everything right except the wrong-key question, where they pick
     * option B (the real answer; the bank's key says A); a weak one gets everything wrong except
     * that question, where they pick the bank's key A.
     */
    private void sitReadinessTest(long candidate, ExamFixture fixture, boolean strong, long wrongKey) {
        long id = attempts.start(candidate, fixture.certification, Attempts.StartRequest.of(AttemptMode.READINESS))
                .attemptId();
        List<AttemptQuestion> questions = queries.questions(id);
        var versions =
                bank.versions(questions.stream().map(AttemptQuestion::versionId).toList());
        for (AttemptQuestion q : questions) {
            Set<Integer> key =
                    AnswerKey.correctPositions(versions.get(q.versionId()).content());
            Set<Integer> choice;
            if (q.questionId() == wrongKey) {
                choice = strong ? Set.of(1) : Set.of(0);
            } else {
                choice = strong ? key : Set.of(1);
            }
            attempts.saveAnswer(id, candidate, q.position(), choice);
        }
        attempts.submit(id, candidate);
    }
}
