package com.cloudsquad.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudsquad.bank.QuestionBank;
import com.cloudsquad.bank.QuestionDraw;
import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The attempt state machine on the real database: selection, saves, deadline, closing once. */
@CloudSquadIntegrationTest
class AttemptsIT {

    @Autowired
    Attempts attempts;

    @Autowired
    AttemptQueries queries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    QuestionBank bank;

    @Autowired
    QuestionDraw draw;

    @Autowired
    Scoring scoring;

    @Autowired
    Catalog catalog;

    @Autowired
    RandomGenerator random;

    @Autowired
    org.springframework.beans.factory.ObjectProvider<DrillDifficulty> drillDifficulty;

    ExamFixture fixture;
    long candidate;
    List<Object> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = ExamFixture.create(jdbc, catalog, bank, 12);
        candidate = ExamFixture.account(jdbc, "candidate");
    }

    /** An Attempts that sees the given clock and records the events it publishes. */
    Attempts at(Clock clock) {
        AttemptQueries reads = queriesAt(clock);
        return new Attempts(
                jdbc,
                jdbcTemplate,
                bank,
                draw,
                new QuestionSelection(draw, reads, random, drillDifficulty),
                reads,
                clock,
                event -> {
                    if (event instanceof AttemptSubmitted) { // AttemptStarted is for the counters only
                        events.add(event);
                    }
                },
                scoring);
    }

    AttemptQueries queriesAt(Clock clock) {
        return new AttemptQueries(jdbc, clock);
    }

    /** The closing job of an instance whose clock reads {@code clock}. */
    OverdueAttemptsJob jobAt(Clock clock) {
        return new OverdueAttemptsJob(at(clock), queriesAt(clock));
    }

    long startReadiness(Attempts service) {
        return service.start(candidate, fixture.certification, Attempts.StartRequest.of(AttemptMode.READINESS))
                .attemptId();
    }

    @Test
    void aReadinessTestDrawsByDomainWeightWithoutRepeatsAndShufflesOptionsOnce() {
        long id = startReadiness(attempts);

        List<AttemptQuestion> questions = queries.questions(id);
        assertThat(questions).hasSize(10);
        assertThat(questions.stream().map(AttemptQuestion::questionId).distinct())
                .hasSize(10);
        var counts =
                questions.stream().collect(Collectors.groupingBy(AttemptQuestion::domainId, Collectors.counting()));
        var domains = fixture.certification.domains();
        assertThat(List.of(
                        counts.get(domains.get(0).id()),
                        counts.get(domains.get(1).id()),
                        counts.get(domains.get(2).id()),
                        counts.get(domains.get(3).id())))
                .containsExactly(4L, 3L, 2L, 1L);
        assertThat(questions).allSatisfy(q -> assertThat(new HashSet<>(q.optionOrder()))
                .hasSize(q.optionOrder().size())
                .isNotEmpty());
        // a reload reads the same order back
        assertThat(queries.questions(id))
                .extracting(AttemptQuestion::optionOrder)
                .isEqualTo(questions.stream().map(AttemptQuestion::optionOrder).toList());
        Attempt attempt = queries.find(id).orElseThrow();
        assertThat(Duration.between(attempt.startedAt(), attempt.deadlineAt())).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aSecondTimedStartResumesTheOpenAttemptAndTheNextAvoidsRecentQuestions() {
        Attempts.Started first =
                attempts.start(candidate, fixture.certification, Attempts.StartRequest.of(AttemptMode.READINESS));
        Attempts.Started again =
                attempts.start(candidate, fixture.certification, Attempts.StartRequest.of(AttemptMode.MOCK));

        assertThat(again.resumed()).isTrue();
        assertThat(again.attemptId()).isEqualTo(first.attemptId());

        attempts.submit(first.attemptId(), candidate);
        long second = startReadiness(attempts);
        Set<Long> firstQuestions = queries.questions(first.attemptId()).stream()
                .map(AttemptQuestion::questionId)
                .collect(Collectors.toSet());
        // 48 questions in the bank, 10 seen: the next 10 are all fresh
        assertThat(queries.questions(second))
                .extracting(AttemptQuestion::questionId)
                .doesNotContainAnyElementsOf(firstQuestions);
    }

    @Test
    void scoringIsExactSetAndTheEventIsPublishedOnce() {
        Attempts service = at(Clock.systemUTC());
        long id = startReadiness(service);
        List<AttemptQuestion> questions = queries.questions(id);
        var versions =
                bank.versions(questions.stream().map(AttemptQuestion::versionId).toList());
        int expectedRight = 0;
        for (AttemptQuestion q : questions) {
            Set<Integer> key =
                    AnswerKey.correctPositions(versions.get(q.versionId()).content());
            if (q.position() % 2 == 1) {
                service.saveAnswer(id, candidate, q.position(), key); // right
                expectedRight++;
            } else if (key.size() > 1) {
                service.saveAnswer(
                        id, candidate, q.position(), Set.of(key.iterator().next())); // half: wrong
            }
        }

        assertThat(service.submit(id, candidate)).isTrue();
        assertThat(service.submit(id, candidate)).isFalse();

        Attempt attempt = queries.find(id).orElseThrow();
        assertThat(attempt.status()).isEqualTo(AttemptStatus.SUBMITTED);
        assertThat(attempt.correctCount()).isEqualTo(expectedRight);
        assertThat(attempt.rawPercent()).isEqualTo(100.0 * expectedRight / 10);
        assertThat(attempt.scaledScore()).isEqualTo(ScaledScore.of(100.0 * expectedRight / 10, 720));
        assertThat(events).singleElement().isInstanceOfSatisfying(AttemptSubmitted.class, e -> {
            assertThat(e.attemptId()).isEqualTo(id);
            assertThat(e.correct()).isEqualTo(5);
            assertThat(e.byTheClock()).isFalse();
        });
        assertThat(service.saveAnswer(id, candidate, 1, Set.of(0))).isEqualTo(Attempts.SaveOutcome.CLOSED);
    }

    @Test
    void twoConcurrentSubmitsScoreOnce() throws Exception {
        Attempts service = at(Clock.systemUTC());
        long id = startReadiness(service);

        List<Boolean> results = race(2, () -> service.submit(id, candidate));

        assertThat(results).containsExactlyInAnyOrder(true, false);
        assertThat(events).hasSize(1);
    }

    @Test
    void twoTabsStartingAtOnceGetTheSameAttempt() throws Exception {
        List<Attempts.Started> started = race(
                2,
                () -> attempts.start(
                        candidate, fixture.certification, Attempts.StartRequest.of(AttemptMode.READINESS)));

        assertThat(started)
                .extracting(Attempts.Started::attemptId)
                .containsOnly(started.get(0).attemptId());
        assertThat(started).extracting(Attempts.Started::resumed).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void twentyParallelSavesLeaveAConsistentLastChoice() throws Exception {
        long id = startReadiness(attempts);
        AttemptQuestion q = queries.questions(id).get(0);
        int options = q.optionOrder().size();

        List<Attempts.SaveOutcome> outcomes = race(20, new Callable<>() {
            int n;

            @Override
            public synchronized Attempts.SaveOutcome call() {
                return attempts.saveAnswer(id, candidate, 1, Set.of(n++ % options));
            }
        });
        // (call() is synchronized only to hand out distinct choices; the saves run unsynchronized below)
        assertThat(outcomes).containsOnly(Attempts.SaveOutcome.SAVED);
        List<Attempts.SaveOutcome> parallel = race(
                20,
                () -> attempts.saveAnswer(
                        id, candidate, 1, Set.of((int) (Thread.currentThread().getId() % options))));
        assertThat(parallel).containsOnly(Attempts.SaveOutcome.SAVED);
        Set<Integer> saved = queries.questions(id).get(0).selected();
        assertThat(saved).hasSize(1);
        assertThat(saved.iterator().next()).isBetween(0, options - 1);
    }

    @Test
    void afterTheDeadlineSavesAreRefusedAndTheJobClosesTheAttemptByTheClock() {
        Instant start = Instant.now();
        Attempts startedNow = at(Clock.fixed(start, java.time.ZoneOffset.UTC));
        long id = startReadiness(startedNow);

        Attempts withinGrace =
                at(Clock.fixed(start.plus(Duration.ofMinutes(2)).plusSeconds(5), java.time.ZoneOffset.UTC));
        assertThat(withinGrace.saveAnswer(id, candidate, 1, Set.of(0))).isEqualTo(Attempts.SaveOutcome.SAVED);
        jobAt(Clock.fixed(start.plus(Duration.ofMinutes(2)).plusSeconds(5), java.time.ZoneOffset.UTC))
                .closeOverdueNow();
        // within the grace the job leaves it open (other tests' attempts may be closed meanwhile)
        assertThat(queries.find(id).orElseThrow().status()).isEqualTo(AttemptStatus.IN_PROGRESS);

        Attempts late = at(Clock.fixed(start.plus(Duration.ofMinutes(2)).plusSeconds(11), java.time.ZoneOffset.UTC));
        assertThat(late.saveAnswer(id, candidate, 1, Set.of(1))).isEqualTo(Attempts.SaveOutcome.CLOSED);
        assertThat(jobAt(Clock.fixed(start.plus(Duration.ofMinutes(2)).plusSeconds(11), java.time.ZoneOffset.UTC))
                        .closeOverdueNow())
                .isGreaterThanOrEqualTo(1);

        Attempt attempt = queries.find(id).orElseThrow();
        assertThat(attempt.status()).isEqualTo(AttemptStatus.EXPIRED);
        assertThat(attempt.timeUsed(Instant.now())).isEqualTo(Duration.ofMinutes(2));
        assertThat(queries.questions(id).get(0).selected()).containsExactly(0);
        assertThat(events)
                .filteredOn(e -> ((AttemptSubmitted) e).attemptId() == id)
                .singleElement()
                .satisfies(e -> assertThat(((AttemptSubmitted) e).byTheClock()).isTrue());
    }

    @Test
    void twoInstancesRunningTheJobCloseEachAttemptOnce() throws Exception {
        Instant start = Instant.now();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long account = ExamFixture.account(jdbc, "job");
            ids.add(at(Clock.fixed(start, java.time.ZoneOffset.UTC))
                    .start(account, fixture.certification, Attempts.StartRequest.of(AttemptMode.READINESS))
                    .attemptId());
        }
        Clock later = Clock.fixed(start.plus(Duration.ofMinutes(3)), java.time.ZoneOffset.UTC);
        OverdueAttemptsJob one = jobAt(later);
        OverdueAttemptsJob two = jobAt(later);

        race(2, () -> 0); // warm the pool
        List<Integer> closed = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Future<Integer> a = pool.submit(() -> {
                go.await();
                return one.closeOverdueNow();
            });
            Future<Integer> b = pool.submit(() -> {
                go.await();
                return two.closeOverdueNow();
            });
            go.countDown();
            closed.add(a.get());
            closed.add(b.get());
        } finally {
            pool.shutdown();
        }

        // Each attempt closed by exactly one of the two: their counts add up to five (the job
        // may also close overdue attempts other tests left behind, hence at least).
        assertThat(closed.get(0) + closed.get(1)).isGreaterThanOrEqualTo(5);
        long ours = events.stream()
                .map(e -> ((AttemptSubmitted) e).attemptId())
                .filter(ids::contains)
                .count();
        assertThat(ours).isEqualTo(5);
        assertThat(ids)
                .allSatisfy(id ->
                        assertThat(queries.find(id).orElseThrow().status()).isEqualTo(AttemptStatus.EXPIRED));
    }

    @Test
    void practiceChecksLockTheAnswerAndMissesComeBackInTheReviewQueue() {
        long id = attempts.start(
                        candidate, fixture.certification, new Attempts.StartRequest(AttemptMode.PRACTICE, 10, null))
                .attemptId();
        Attempt attempt = queries.find(id).orElseThrow();
        assertThat(attempt.deadlineAt()).isNull();
        AttemptQuestion first = queries.questions(id).get(0);
        var version = bank.version(first.versionId()).orElseThrow();
        Set<Integer> key = AnswerKey.correctPositions(version.content());
        int wrong = java.util.stream.IntStream.range(0, first.optionOrder().size())
                .filter(i -> !key.contains(i))
                .findFirst()
                .orElseThrow();

        assertThat(attempts.check(id, candidate, 1)).isEmpty(); // nothing chosen yet
        attempts.saveAnswer(id, candidate, 1, Set.of(wrong));
        assertThat(attempts.check(id, candidate, 1)).contains(false);
        assertThat(attempts.saveAnswer(id, candidate, 1, key)).isEqualTo(Attempts.SaveOutcome.CLOSED);
        assertThat(attempts.check(id, candidate, 1)).contains(false);

        assertThat(queries.missedQueue(candidate, fixture.certification.id()).due())
                .containsExactly(first.questionId());
        assertThat(attempts.abandon(id, candidate)).isTrue();
        assertThat(queries.find(id).orElseThrow().status()).isEqualTo(AttemptStatus.ABANDONED);

        long review = attempts.start(
                        candidate, fixture.certification, new Attempts.StartRequest(AttemptMode.REVIEW, 20, null))
                .attemptId();
        assertThat(queries.questions(review))
                .extracting(AttemptQuestion::questionId)
                .containsExactly(first.questionId());
    }

    @Test
    void aMissedQuestionAnsweredRightOnceRestsADayBeforeTheReviewDrawsItAgain() {
        java.util.concurrent.atomic.AtomicReference<Instant> now =
                new java.util.concurrent.atomic.AtomicReference<>(Instant.parse("2026-11-10T09:00:00Z"));
        Clock moving = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        Attempts service = at(moving);
        AttemptQueries reads = queriesAt(moving);
        long practice = service.start(
                        candidate, fixture.certification, new Attempts.StartRequest(AttemptMode.PRACTICE, 10, null))
                .attemptId();
        AttemptQuestion first = reads.questions(practice).get(0);
        Set<Integer> key = AnswerKey.correctPositions(
                bank.version(first.versionId()).orElseThrow().content());
        int wrong = java.util.stream.IntStream.range(0, first.optionOrder().size())
                .filter(i -> !key.contains(i))
                .findFirst()
                .orElseThrow();
        service.saveAnswer(practice, candidate, 1, Set.of(wrong));
        assertThat(service.check(practice, candidate, 1)).contains(false);
        service.abandon(practice, candidate);

        now.set(now.get().plus(Duration.ofHours(1)));
        long review = service.start(
                        candidate, fixture.certification, new Attempts.StartRequest(AttemptMode.REVIEW, 20, null))
                .attemptId();
        AttemptQuestion again = reads.questions(review).get(0);
        assertThat(again.questionId()).isEqualTo(first.questionId());
        service.saveAnswer(review, candidate, 1, key);
        assertThat(service.check(review, candidate, 1)).contains(true);
        Instant firstRight = now.get();
        service.abandon(review, candidate);

        MissedQueue.Summary resting = reads.missedQueue(candidate, fixture.certification.id());
        assertThat(resting.due()).isEmpty();
        assertThat(resting.resting()).isEqualTo(1);
        assertThat(resting.nextBack()).isEqualTo(firstRight.plus(Duration.ofDays(1)));
        assertThatThrownBy(() -> service.start(
                        candidate, fixture.certification, new Attempts.StartRequest(AttemptMode.REVIEW, 20, null)))
                .isInstanceOf(NothingToReviewException.class);

        now.set(firstRight.plus(Duration.ofDays(1)));
        assertThat(reads.missedQueue(candidate, fixture.certification.id()).due())
                .containsExactly(first.questionId());
    }

    @Test
    void aReviewWithNothingMissedAndABankTooSmallSayWhy() {
        assertThatThrownBy(() -> attempts.start(
                        candidate, fixture.certification, new Attempts.StartRequest(AttemptMode.REVIEW, 20, null)))
                .isInstanceOf(NothingToReviewException.class);
        ExamFixture tiny = ExamFixture.create(jdbc, catalog, bank, 1);
        assertThatThrownBy(
                        () -> attempts.start(candidate, tiny.certification, Attempts.StartRequest.of(AttemptMode.MOCK)))
                .isInstanceOf(NotEnoughQuestionsException.class)
                .hasMessageContaining("this test needs 20");
    }

    static <T> List<T> race(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
