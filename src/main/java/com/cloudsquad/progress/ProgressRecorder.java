package com.cloudsquad.progress;

import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.catalog.Certification;
import com.cloudsquad.catalog.ExamDomain;
import com.cloudsquad.exam.AttemptMode;
import com.cloudsquad.exam.AttemptRecords.AnsweredQuestion;
import com.cloudsquad.exam.AttemptSubmitted;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds one scored attempt into the candidate's progress: XP, answers per local day, mastery and
 * drill level per domain, achievements. The attempt's row in {@code progress_attempt} is claimed
 * first, in the same transaction, so an attempt counts once however often it is delivered.
 */
@Component
class ProgressRecorder {

    /** Answers in a local day that make it count for the streak. */
    static final int STREAK_DAY_ANSWERS = 10;

    /** Answers a domain needs before its mastery counts for the every-domain achievement. */
    static final int DOMAIN_MINIMUM = 10;

    private final ProgressStore store;
    private final Catalog catalog;
    private final RandomGenerator random;

    ProgressRecorder(ProgressStore store, Catalog catalog, RandomGenerator random) {
        this.store = store;
        this.catalog = catalog;
        this.random = random;
    }

    /** @return false when the attempt was recorded before */
    @Transactional
    boolean record(AttemptSubmitted event, List<AnsweredQuestion> answers, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(event.closedAt(), zone);
        int answered = (int) answers.stream().filter(AnsweredQuestion::answered).count();
        boolean examLike = event.mode() == AttemptMode.READINESS || event.mode() == AttemptMode.MOCK;
        int xp = answers.stream()
                        .filter(a -> Boolean.TRUE.equals(a.correct()))
                        .mapToInt(a -> Levels.xpForAnswer(a.difficulty()))
                        .sum()
                + (examLike && event.passed() ? Levels.PASS_BONUS : 0);
        if (!store.claimAttempt(
                event.attemptId(),
                event.accountId(),
                event.certificationId(),
                event.mode().name(),
                day,
                event.total(),
                event.correct(),
                event.scaledScore(),
                event.passed(),
                event.closedAt(),
                answered,
                xp)) {
            return false;
        }
        long account = event.accountId();
        long[] totals = store.addToAccount(account, xp, answered, random.nextLong());
        if (answered > 0) {
            store.addToDay(account, day, answered);
        }
        Map<Long, List<Mastery.Answer>> byDomain = new LinkedHashMap<>();
        answers.stream()
                .filter(a -> a.correct() != null)
                .sorted(Comparator.comparingInt(AnsweredQuestion::position))
                .forEach(a -> byDomain.computeIfAbsent(a.domainId(), d -> new ArrayList<>())
                        .add(new Mastery.Answer(a.correct(), a.difficulty())));
        byDomain.forEach((domainId, graded) -> {
            store.addToDomain(account, domainId, event.certificationId(), Mastery.delta(graded));
            store.domain(account, domainId).ifPresent(row -> {
                int next = Mastery.nextLevel(row.level(), row.mastery().accuracy());
                if (next != row.level()) {
                    store.setLevel(account, domainId, next);
                }
            });
        });

        store.award(account, Achievement.FIRST_TEST, 0, event.attemptId(), event.closedAt());
        if (examLike && event.passed()) {
            store.award(account, Achievement.FIRST_PASS, 0, event.attemptId(), event.closedAt());
        }
        if (event.mode() == AttemptMode.MOCK && event.total() > 0 && event.correct() * 10 >= event.total() * 9) {
            store.award(account, Achievement.MOCK_90, 0, event.attemptId(), event.closedAt());
        }
        if (totals[1] >= 100) {
            store.award(account, Achievement.ANSWERED_100, 0, event.attemptId(), event.closedAt());
        }
        if (totals[1] >= 1000) {
            store.award(account, Achievement.ANSWERED_1000, 0, event.attemptId(), event.closedAt());
        }
        int streak = streakEndingOn(account, day);
        if (streak >= 7) {
            store.award(account, Achievement.STREAK_7, 0, event.attemptId(), event.closedAt());
        }
        if (streak >= 30) {
            store.award(account, Achievement.STREAK_30, 0, event.attemptId(), event.closedAt());
        }
        catalog.byId(event.certificationId()).ifPresent(certification -> {
            if (everyDomainAt80(account, certification)) {
                store.award(
                        account, Achievement.ALL_DOMAINS_80, certification.id(), event.attemptId(), event.closedAt());
            }
        });
        return true;
    }

    /** Consecutive counting days ending on {@code day} (0 when that day does not count). */
    int streakEndingOn(long accountId, LocalDate day) {
        List<LocalDate> days = store.activeDays(accountId, day, STREAK_DAY_ANSWERS, 400);
        int streak = 0;
        LocalDate expected = day;
        for (LocalDate d : days) {
            if (!d.equals(expected)) {
                break;
            }
            streak++;
            expected = expected.minusDays(1);
        }
        return streak;
    }

    private boolean everyDomainAt80(long accountId, Certification certification) {
        Map<Long, ProgressStore.DomainRow> rows = new LinkedHashMap<>();
        store.domains(accountId, certification.id()).forEach(r -> rows.put(r.domainId(), r));
        for (ExamDomain domain : certification.domains()) {
            ProgressStore.DomainRow row = rows.get(domain.id());
            if (row == null
                    || row.mastery().answers() < DOMAIN_MINIMUM
                    || row.mastery().accuracy() < 0.80) {
                return false;
            }
        }
        return !certification.domains().isEmpty();
    }
}
