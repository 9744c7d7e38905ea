package com.cloudsquad.exam;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.bank.QuestionBank;
import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What other modules read of attempts, through the published API only. */
@CloudSquadIntegrationTest
class AttemptRecordsIT {

    @Autowired
    AttemptRecords records;

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

    ExamFixture fixture;
    long candidate;

    @BeforeEach
    void setUp() {
        fixture = ExamFixture.create(jdbc, catalog, bank, 12);
        candidate = ExamFixture.account(jdbc, "records");
    }

    /** Starts a readiness test and answers the odd positions right, the even ones not at all. */
    long takeAReadinessTest() {
        long id = attempts.start(candidate, fixture.certification, Attempts.StartRequest.of(AttemptMode.READINESS))
                .attemptId();
        var questions = queries.questions(id);
        var versions =
                bank.versions(questions.stream().map(AttemptQuestion::versionId).toList());
        for (AttemptQuestion q : questions) {
            if (q.position() % 2 == 1) {
                attempts.saveAnswer(
                        id,
                        candidate,
                        q.position(),
                        AnswerKey.correctPositions(versions.get(q.versionId()).content()));
            }
        }
        return id;
    }

    @Test
    void anOpenAttemptHasNoResultYetButIsListedToResume() {
        long id = takeAReadinessTest();

        assertThat(records.result(id)).isEmpty();
        assertThat(records.openAttempts(candidate)).extracting(Attempt::id).containsExactly(id);
        assertThat(records.answers(id)).allSatisfy(a -> assertThat(a.correct()).isNull());
    }

    @Test
    void aSubmittedAttemptGivesItsScorePerDomainAndEveryAnswerWithItsVersion() {
        long id = takeAReadinessTest();
        attempts.submit(id, candidate);

        AttemptRecords.AttemptResult result = records.result(id).orElseThrow();
        assertThat(result.correct()).isEqualTo(5);
        assertThat(result.total()).isEqualTo(10);
        assertThat(result.status()).isEqualTo(AttemptStatus.SUBMITTED);
        assertThat(result.scaledScore()).isEqualTo(ScaledScore.of(50, 720));
        // the fixture's weights 40/30/20/10 of 10 questions
        assertThat(result.domains())
                .extracting(AttemptRecords.DomainScore::total)
                .containsExactlyInAnyOrder(4, 3, 2, 1);
        assertThat(result.domains().stream()
                        .mapToInt(AttemptRecords.DomainScore::correct)
                        .sum())
                .isEqualTo(5);

        List<AttemptRecords.AnsweredQuestion> answers = records.answers(id);
        assertThat(answers).hasSize(10);
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.correct()).isEqualTo(a.position() % 2 == 1);
            assertThat(a.selected().isEmpty()).isEqualTo(a.position() % 2 == 0);
            assertThat(bank.version(a.versionId()).orElseThrow().questionId()).isEqualTo(a.questionId());
        });
        Map<Long, Long> perDomain = answers.stream()
                .collect(Collectors.groupingBy(AttemptRecords.AnsweredQuestion::domainId, Collectors.counting()));
        assertThat(perDomain.keySet())
                .isEqualTo(result.domains().stream()
                        .map(AttemptRecords.DomainScore::domainId)
                        .collect(Collectors.toSet()));
    }

    @Test
    void recentAnswersAreTheCandidatesGradedAnswersNewestFirstAndNobodyElses() {
        long first = takeAReadinessTest();
        attempts.submit(first, candidate);
        long second = takeAReadinessTest();
        attempts.submit(second, candidate);
        long stranger = ExamFixture.account(jdbc, "stranger");
        long theirs = attempts.start(stranger, fixture.certification, Attempts.StartRequest.of(AttemptMode.READINESS))
                .attemptId();
        attempts.submit(theirs, stranger);

        List<AttemptRecords.RecentAnswer> recent = records.recentAnswers(candidate, fixture.certification.id(), 15);

        assertThat(recent).hasSize(15);
        assertThat(recent.subList(0, 10))
                .allSatisfy(a -> assertThat(a.attemptId()).isEqualTo(second));
        assertThat(recent.subList(10, 15))
                .allSatisfy(a -> assertThat(a.attemptId()).isEqualTo(first));
        assertThat(recent).extracting(AttemptRecords.RecentAnswer::attemptId).doesNotContain(theirs);
        assertThat(recent.stream().filter(AttemptRecords.RecentAnswer::correct).count())
                .isEqualTo(7); // 5 of the second's 10, and 2 of the first's latest 5 (positions 10 to 6)
        assertThat(Set.copyOf(recent.stream()
                        .map(AttemptRecords.RecentAnswer::gradedAt)
                        .toList()))
                .hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void scoredBeforeIsTheCandidatesEarlierScoredAttemptsOldestFirstAndNobodyElses() {
        long first = takeAReadinessTest();
        attempts.submit(first, candidate);
        long second = takeAReadinessTest();
        attempts.submit(second, candidate);
        long stranger = ExamFixture.account(jdbc, "stranger");
        long theirs = attempts.start(stranger, fixture.certification, Attempts.StartRequest.of(AttemptMode.READINESS))
                .attemptId();
        attempts.submit(theirs, stranger);
        long third = takeAReadinessTest();
        attempts.submit(third, candidate);

        List<AttemptRecords.ScoredAttempt> before =
                records.scoredBefore(candidate, fixture.certification.id(), third, 5);

        assertThat(before).extracting(AttemptRecords.ScoredAttempt::attemptId).containsExactly(first, second);
        assertThat(before).allSatisfy(a -> {
            assertThat(a.correct()).isEqualTo(5);
            assertThat(a.total()).isEqualTo(10);
            assertThat(a.scaledScore()).isEqualTo(ScaledScore.of(50, 720));
        });
        assertThat(records.scoredBefore(candidate, fixture.certification.id(), third, 1))
                .extracting(AttemptRecords.ScoredAttempt::attemptId)
                .containsExactly(second);
    }
}
