package com.cloudsquad.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.catalog.Certification;
import com.cloudsquad.exam.AttemptMode;
import com.cloudsquad.exam.AttemptRecords;
import com.cloudsquad.exam.AttemptRecords.AnsweredQuestion;
import com.cloudsquad.exam.AttemptSubmitted;
import com.cloudsquad.exam.ExamDriver;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.Eventually;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Progress on the real database: from real submits, and from events with fixed instants. */
@CloudSquadIntegrationTest
class ProgressIT {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    static final AtomicLong SYNTHETIC_ATTEMPTS = new AtomicLong(8_000_000_000L + System.nanoTime() % 1_000_000_000L);

    @Autowired
    ApplicationContext context;

    @Autowired
    AttemptLedger ledger;

    @Autowired
    ProgressRecorder recorder;

    @Autowired
    ProgressStore store;

    @Autowired
    ProgressRebuild rebuild;

    @Autowired
    AttemptRecords records;

    @Autowired
    AdaptiveDrillDifficulty drillDifficulty;

    ExamDriver exam;
    Certification certification;
    long candidate;

    @BeforeEach
    void setUp() {
        exam = ExamDriver.create(context, 12);
        certification = exam.certification();
        candidate = exam.candidate("progress");
    }

    long xp(long account) {
        return store.totals(account)[0];
    }

    Set<Achievement> achievements(long account) {
        return Set.copyOf(store.achievements(account).stream()
                .map(ProgressStore.Earned::achievement)
                .toList());
    }

    @Test
    void aSubmittedTestEarnsXpByDifficultyAndThePassBonusAndTheFirstAchievements() {
        long attempt = exam.take(candidate, AttemptMode.READINESS, p -> p <= 8);

        Eventually.until(
                "progress recorded the attempt", () -> store.attempt(attempt).isPresent());
        int expected = records.answers(attempt).stream()
                        .filter(a -> a.correct())
                        .mapToInt(a -> 10 * a.difficulty())
                        .sum()
                + Levels.PASS_BONUS;
        assertThat(store.attempt(attempt).orElseThrow().xp()).isEqualTo(expected);
        assertThat(xp(candidate)).isEqualTo(expected);
        assertThat(store.totals(candidate)[1]).isEqualTo(10);
        assertThat(achievements(candidate)).containsExactlyInAnyOrder(Achievement.FIRST_TEST, Achievement.FIRST_PASS);
        assertThat(store.domains(candidate, certification.id()))
                .extracting(r -> r.mastery().answers())
                .containsExactlyInAnyOrder(4, 3, 2, 1);
    }

    @Test
    void anEventDeliveredAgainCountsOnce() {
        long attempt = exam.take(candidate, AttemptMode.READINESS, p -> p % 2 == 0);
        Eventually.until(
                "progress recorded the attempt", () -> store.attempt(attempt).isPresent());
        long xp = xp(candidate);
        var result = records.result(attempt).orElseThrow();

        ledger.on(new AttemptSubmitted(
                attempt,
                candidate,
                certification.id(),
                AttemptMode.READINESS,
                result.correct(),
                result.total(),
                result.scaledScore(),
                result.passed(),
                false,
                result.closedAt()));

        assertThat(xp(candidate)).isEqualTo(xp);
        assertThat(store.totals(candidate)[1]).isEqualTo(10);
        assertThat(store.domains(candidate, certification.id()))
                .extracting(r -> r.mastery().answers())
                .containsExactlyInAnyOrder(4, 3, 2, 1);
    }

    @Test
    void emptiedTablesAreRebuiltFromTheRecordedAttemptsTheSameTwice() {
        // one after the other: mastery weighs recent answers more, so the order of attempts matters
        // (events of two attempts submitted at once may be handled in either order)
        long first = exam.take(candidate, AttemptMode.READINESS, p -> true);
        Eventually.until("first recorded", () -> store.attempt(first).isPresent());
        long second = exam.take(candidate, AttemptMode.READINESS, p -> p <= 3);
        Eventually.until("second recorded", () -> store.attempt(second).isPresent());
        long xp = xp(candidate);
        var domains = summary(store.domains(candidate, certification.id()));
        var earned = achievements(candidate);

        store.clear();
        assertThat(xp(candidate)).isZero();
        rebuild.rebuild();
        rebuild.rebuild();

        assertThat(xp(candidate)).isEqualTo(xp);
        assertThat(achievements(candidate)).isEqualTo(earned);
        assertThat(summary(store.domains(candidate, certification.id()))).isEqualTo(domains);
    }

    static Set<String> summary(List<ProgressStore.DomainRow> rows) {
        return Set.copyOf(rows.stream()
                .map(r -> r.domainId() + ":" + r.level() + ":" + r.mastery().answers() + ":"
                        + Math.round(r.mastery().rightSum() * 1000))
                .toList());
    }

    // ---- events with fixed instants --------------------------------------------------------

    /** Records a synthetic attempt of {@code answered} answers, {@code right} of them right, closed at {@code at}. */
    long record(long account, AttemptMode mode, Instant at, ZoneId zone, int answered, int right, long domainId) {
        long id = SYNTHETIC_ATTEMPTS.incrementAndGet();
        List<AnsweredQuestion> answers = new ArrayList<>();
        for (int i = 1; i <= answered; i++) {
            answers.add(new AnsweredQuestion(i, 1, 1, domainId, Set.of(0), i <= right, false, 2));
        }
        boolean passed = right * 10 >= answered * 7;
        recorder.record(
                new AttemptSubmitted(id, account, certification.id(), mode, right, answered, 500, passed, false, at),
                answers,
                zone);
        return id;
    }

    long firstDomain() {
        return certification.domains().get(0).id();
    }

    static Instant local(ZoneId zone, String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    Dashboard dashboardAt(Instant now) {
        return new Dashboard(store, records, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aStreakCountsLocalDaysAcrossTheSpringDstChange() {
        // Berlin moves its clocks forward on 29 March 2026: that day has 23 hours
        for (int day = 23; day <= 31; day++) {
            record(
                    candidate,
                    AttemptMode.PRACTICE,
                    local(BERLIN, "2026-03-%02dT23:30".formatted(day)),
                    BERLIN,
                    10,
                    5,
                    firstDomain());
        }

        assertThat(recorder.streakEndingOn(candidate, LocalDate.parse("2026-03-31")))
                .isEqualTo(9);
        assertThat(dashboardAt(local(BERLIN, "2026-04-01T09:00"))
                        .of(candidate, certification, BERLIN)
                        .streak())
                .as("the streak lasts until the end of the next day")
                .isEqualTo(9);
        assertThat(dashboardAt(local(BERLIN, "2026-04-02T00:30"))
                        .of(candidate, certification, BERLIN)
                        .streak())
                .as("a day missed ends it")
                .isZero();
        assertThat(achievements(candidate)).contains(Achievement.STREAK_7).doesNotContain(Achievement.STREAK_30);
    }

    @Test
    void aDayIsTheCandidatesLocalDayWhenTheAttemptClosedEvenAfterMovingZones() {
        // 23:30 in Los Angeles is already the next day in UTC; then the candidate moves to Berlin
        record(
                candidate,
                AttemptMode.PRACTICE,
                local(LOS_ANGELES, "2026-10-30T23:30"),
                LOS_ANGELES,
                10,
                5,
                firstDomain());
        record(candidate, AttemptMode.PRACTICE, local(BERLIN, "2026-10-31T08:00"), BERLIN, 10, 5, firstDomain());
        // Berlin leaves summer time on 25 October; 1 November has a 25-hour day before it
        record(candidate, AttemptMode.PRACTICE, local(BERLIN, "2026-11-01T23:59"), BERLIN, 10, 5, firstDomain());

        assertThat(recorder.streakEndingOn(candidate, LocalDate.parse("2026-11-01")))
                .isEqualTo(3);
    }

    @Test
    void aDayWithNineAnswersDoesNotCount() {
        record(candidate, AttemptMode.PRACTICE, local(BERLIN, "2026-05-01T10:00"), BERLIN, 10, 5, firstDomain());
        record(candidate, AttemptMode.PRACTICE, local(BERLIN, "2026-05-02T10:00"), BERLIN, 9, 5, firstDomain());
        record(candidate, AttemptMode.PRACTICE, local(BERLIN, "2026-05-03T10:00"), BERLIN, 6, 5, firstDomain());
        record(candidate, AttemptMode.PRACTICE, local(BERLIN, "2026-05-03T20:00"), BERLIN, 4, 2, firstDomain());

        assertThat(recorder.streakEndingOn(candidate, LocalDate.parse("2026-05-02")))
                .isZero();
        assertThat(recorder.streakEndingOn(candidate, LocalDate.parse("2026-05-03")))
                .as("two attempts on one day add up")
                .isEqualTo(1);
    }

    @Test
    void thirtyDaysInARowEarnTheThirtyDayStreakOnTheThirtiethDay() {
        Instant start = local(BERLIN, "2026-01-01T12:00");
        long last = 0;
        for (int day = 0; day < 30; day++) {
            last = record(
                    candidate, AttemptMode.PRACTICE, start.plusSeconds(86_400L * day), BERLIN, 10, 5, firstDomain());
        }
        long thirtieth = last;
        assertThat(store.achievements(candidate))
                .filteredOn(e -> e.achievement() == Achievement.STREAK_30)
                .singleElement()
                .satisfies(e -> assertThat(e.attemptId()).isEqualTo(thirtieth));
        assertThat(store.achievements(candidate))
                .filteredOn(e -> e.achievement() == Achievement.STREAK_7)
                .singleElement()
                .satisfies(e -> assertThat(e.earnedAt()).isEqualTo(start.plusSeconds(86_400L * 6)));
    }

    @Test
    void answeredCountsAndAMockAt90PercentEarnTheirAchievementsOnce() {
        Instant at = Instant.parse("2026-02-01T10:00:00Z");
        record(candidate, AttemptMode.MOCK, at, BERLIN, 20, 17, firstDomain());
        assertThat(achievements(candidate)).doesNotContain(Achievement.MOCK_90);
        long mock = record(candidate, AttemptMode.MOCK, at.plusSeconds(60), BERLIN, 20, 18, firstDomain());
        record(candidate, AttemptMode.MOCK, at.plusSeconds(120), BERLIN, 20, 20, firstDomain());
        assertThat(store.achievements(candidate))
                .filteredOn(e -> e.achievement() == Achievement.MOCK_90)
                .singleElement()
                .satisfies(e -> assertThat(e.attemptId()).isEqualTo(mock));
        assertThat(achievements(candidate)).doesNotContain(Achievement.ANSWERED_100);

        record(candidate, AttemptMode.PRACTICE, at.plusSeconds(180), BERLIN, 40, 20, firstDomain());
        assertThat(achievements(candidate))
                .contains(Achievement.ANSWERED_100)
                .doesNotContain(Achievement.ANSWERED_1000);
        record(candidate, AttemptMode.PRACTICE, at.plusSeconds(240), BERLIN, 899, 450, firstDomain());
        assertThat(achievements(candidate)).doesNotContain(Achievement.ANSWERED_1000);
        record(candidate, AttemptMode.PRACTICE, at.plusSeconds(300), BERLIN, 1, 1, firstDomain());
        assertThat(achievements(candidate)).contains(Achievement.ANSWERED_1000);
        assertThat(store.achievements(candidate))
                .hasSize(achievements(candidate).size());
    }

    @Test
    void everyDomainAt80PercentIsEarnedOnlyOnceAllDomainsGetThere() {
        Instant at = Instant.parse("2026-02-01T10:00:00Z");
        var domains = certification.domains();
        for (int i = 0; i < domains.size() - 1; i++) {
            record(
                    candidate,
                    AttemptMode.DRILL,
                    at.plusSeconds(i),
                    BERLIN,
                    10,
                    9,
                    domains.get(i).id());
        }
        assertThat(achievements(candidate)).doesNotContain(Achievement.ALL_DOMAINS_80);
        record(
                candidate,
                AttemptMode.DRILL,
                at.plusSeconds(10),
                BERLIN,
                10,
                7,
                domains.get(domains.size() - 1).id());
        assertThat(achievements(candidate)).doesNotContain(Achievement.ALL_DOMAINS_80);
        record(
                candidate,
                AttemptMode.DRILL,
                at.plusSeconds(20),
                BERLIN,
                10,
                10,
                domains.get(domains.size() - 1).id());
        assertThat(achievements(candidate)).contains(Achievement.ALL_DOMAINS_80);
    }

    @Test
    void drillDifficultyStepsUpAt80PercentAndDownBelow50WithinOneToThree() {
        Instant at = Instant.parse("2026-02-01T10:00:00Z");
        long domain = firstDomain();
        assertThat(drillDifficulty.difficultyFor(candidate, domain)).isEqualTo(2);
        record(candidate, AttemptMode.DRILL, at, BERLIN, 10, 9, domain);
        assertThat(drillDifficulty.difficultyFor(candidate, domain)).isEqualTo(3);
        record(candidate, AttemptMode.DRILL, at.plusSeconds(1), BERLIN, 10, 10, domain);
        assertThat(drillDifficulty.difficultyFor(candidate, domain))
                .as("never above 3")
                .isEqualTo(3);
        record(candidate, AttemptMode.DRILL, at.plusSeconds(2), BERLIN, 10, 5, domain);
        assertThat(drillDifficulty.difficultyFor(candidate, domain))
                .as("between 50 and 80 %: stays")
                .isEqualTo(3);
        record(candidate, AttemptMode.DRILL, at.plusSeconds(3), BERLIN, 20, 0, domain);
        assertThat(drillDifficulty.difficultyFor(candidate, domain)).isEqualTo(2);
        record(candidate, AttemptMode.DRILL, at.plusSeconds(4), BERLIN, 10, 0, domain);
        assertThat(drillDifficulty.difficultyFor(candidate, domain)).isEqualTo(1);
        record(candidate, AttemptMode.DRILL, at.plusSeconds(5), BERLIN, 10, 0, domain);
        assertThat(drillDifficulty.difficultyFor(candidate, domain))
                .as("never below 1")
                .isEqualTo(1);
    }

    @Test
    void aDrillDrawsAroundTheCandidatesLevelWhileReadinessKeepsTheMix() {
        long domain = firstDomain();
        record(candidate, AttemptMode.DRILL, Instant.parse("2026-02-01T10:00:00Z"), BERLIN, 10, 10, domain);
        assertThat(drillDifficulty.difficultyFor(candidate, domain)).isEqualTo(3);

        // the domain holds 12 questions, 4 of each difficulty: a drill of 10 at level 3 takes every hard one
        long drill = exam.start(candidate, AttemptMode.DRILL, 10, domain);
        assertThat(records.answers(drill).stream()
                        .filter(a -> a.difficulty() == 3)
                        .count())
                .isEqualTo(4);
        assertThat(records.answers(drill).stream()
                        .filter(a -> a.difficulty() == 1)
                        .count())
                .isEqualTo(2);
    }

    @Test
    void readinessIsShownFromSixtyAnswersWithAnInterval() {
        Instant at = Instant.parse("2026-02-01T10:00:00Z");
        var domains = certification.domains();
        for (int i = 0; i < domains.size(); i++) {
            record(
                    candidate,
                    AttemptMode.DRILL,
                    at.plusSeconds(i),
                    BERLIN,
                    14,
                    12,
                    domains.get(i).id());
        }
        Dashboard.View before = dashboardAt(at.plusSeconds(60)).of(candidate, certification, BERLIN);
        assertThat(before.readiness()).isNull();
        assertThat(before.answersToReadiness()).isEqualTo(4);

        record(
                candidate,
                AttemptMode.DRILL,
                at.plusSeconds(30),
                BERLIN,
                4,
                4,
                domains.get(0).id());
        Readiness.Estimate estimate = dashboardAt(at.plusSeconds(60))
                .of(candidate, certification, BERLIN)
                .readiness();
        assertThat(estimate).isNotNull();
        assertThat(estimate.probability()).isBetween(estimate.low(), estimate.high());
        assertThat(estimate.percent()).isGreaterThan(70);
    }
}
