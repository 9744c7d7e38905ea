package com.cloudsquad.progress;

import com.cloudsquad.catalog.Certification;
import com.cloudsquad.catalog.ExamDomain;
import com.cloudsquad.exam.AttemptRecords;
import com.cloudsquad.platform.DisplayTime;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the dashboard shows for one candidate and certification, read from progress's aggregates:
 * a handful of small rows (totals, recent days, one row per domain, the last attempts), never the
 * answers themselves.
 */
@Service
class Dashboard {

    static final int TREND_ATTEMPTS = 20;
    static final int RECENT_ATTEMPTS = 8;

    private final ProgressStore store;
    private final AttemptRecords records;
    private final Clock clock;

    Dashboard(ProgressStore store, AttemptRecords records, Clock clock) {
        this.store = store;
        this.records = records;
        this.clock = clock;
    }

    record DomainView(long domainId, String name, int weightPercent, int answers, int percent, int level) {

        public boolean weak() {
            return answers > 0 && percent < Mastery.WEAK * 100;
        }

        public boolean started() {
            return answers > 0;
        }
    }

    record AttemptView(
            long attemptId, String mode, String when, int scaledScore, boolean passed, int correct, int questions) {}

    record AchievementView(String label, String description, String earned) {}

    record OpenView(long attemptId, String label) {}

    /**
     * @param key what the view was computed from (progress revision, certification, zone, day):
     *     equal keys mean an equal view, except for the open attempts
     */
    record View(
            Levels.Standing standing,
            long answered,
            int streak,
            boolean answeredToday,
            List<DomainView> domains,
            Readiness.Estimate readiness,
            int gradedAnswers,
            int answersToReadiness,
            TrendChart trend,
            List<AttemptView> recent,
            List<AchievementView> achievements,
            List<OpenView> open,
            Object key) {

        public List<DomainView> weakDomains() {
            return domains.stream().filter(DomainView::weak).toList();
        }

        public boolean empty() {
            return recent.isEmpty();
        }

        View withOpen(List<OpenView> open) {
            return new View(
                    standing,
                    answered,
                    streak,
                    answeredToday,
                    domains,
                    readiness,
                    gradedAnswers,
                    answersToReadiness,
                    trend,
                    recent,
                    achievements,
                    open,
                    key);
        }
    }

    /**
     * What a view depends on besides the open attempts: the candidate's progress as of its revision,
     * the certification as the catalog has it (names, weights), the zone times are shown in and
     * today (the streak).
     */
    private record Key(long accountId, Certification certification, ZoneId zone, LocalDate today, long revision) {}

    /**
     * Views already computed. An entry is found only while the candidate's progress revision is the
     * one it was computed at: recording an attempt (on any instance) or a rebuild writes a new
     * revision, so the next request computes the view again. Bounded; idle entries go after 10 minutes.
     */
    private final Cache<Key, View> views = Caffeine.newBuilder()
            .maximumSize(2_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    /**
     * The dashboard: the candidate's totals and progress revision (one primary-key read), the rest
     * from the views computed before unless progress changed since, and the open attempts (exam's,
     * which change without progress hearing of it) read every time.
     */
    @Transactional(readOnly = true)
    View of(long accountId, Certification certification, ZoneId zone) {
        long[] totals = store.totals(accountId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        View progress = views.get(
                new Key(accountId, certification, zone, today, totals[2]),
                key -> compute(key, accountId, certification, zone, totals, today));
        List<OpenView> open = records.openAttempts(accountId).stream()
                .filter(a -> a.certificationId() == certification.id())
                .map(a -> new OpenView(a.id(), "Resume your " + a.mode().label().toLowerCase(java.util.Locale.ROOT)))
                .toList();
        return progress.withOpen(open);
    }

    private View compute(
            Key key, long accountId, Certification certification, ZoneId zone, long[] totals, LocalDate today) {
        List<LocalDate> days = store.activeDays(accountId, today, ProgressRecorder.STREAK_DAY_ANSWERS, 400);
        boolean answeredToday = !days.isEmpty() && days.get(0).equals(today);
        // a streak survives until the end of today: yesterday's run still counts this morning
        int streak = streak(days, answeredToday ? today : today.minusDays(1));

        Map<Long, ProgressStore.DomainRow> rows = store.domains(accountId, certification.id()).stream()
                .collect(Collectors.toMap(ProgressStore.DomainRow::domainId, Function.identity()));
        List<DomainView> domains = new ArrayList<>();
        List<Readiness.Domain> evidence = new ArrayList<>();
        int graded = 0;
        for (ExamDomain d : certification.domains()) {
            ProgressStore.DomainRow row = rows.get(d.id());
            Mastery m = row == null ? Mastery.NONE : row.mastery();
            graded += m.answers();
            domains.add(new DomainView(
                    d.id(), d.name(), d.weightPercent(), m.answers(), m.percent(), row == null ? 2 : row.level()));
            evidence.add(new Readiness.Domain(d.weightPercent(), m));
        }
        Readiness.Estimate readiness =
                graded >= Readiness.MIN_ANSWERS ? Readiness.estimate(evidence, certification.examQuestions()) : null;

        List<ProgressStore.AttemptRow> attempts = store.recentAttempts(accountId, certification.id(), TREND_ATTEMPTS);
        List<AttemptView> recent = attempts.stream()
                .limit(RECENT_ATTEMPTS)
                .map(a -> new AttemptView(
                        a.attemptId(),
                        modeLabel(a.mode()),
                        DisplayTime.dateTime(a.closedAt(), zone),
                        a.scaledScore(),
                        a.passed(),
                        a.correct(),
                        a.questions()))
                .toList();
        List<AchievementView> achievements = store.achievements(accountId).stream()
                .filter(e -> e.certificationId() == 0 || e.certificationId() == certification.id())
                .map(e -> new AchievementView(
                        e.achievement().label(),
                        e.achievement().description(),
                        DisplayTime.dateTime(e.earnedAt(), zone)))
                .toList();
        return new View(
                Levels.standing(totals[0]),
                totals[1],
                streak,
                answeredToday,
                domains,
                readiness,
                graded,
                Math.max(0, Readiness.MIN_ANSWERS - graded),
                TrendChart.of(oldestFirst(attempts), certification.passingScore(), zone),
                recent,
                achievements,
                List.of(),
                key);
    }

    private static <T> List<T> oldestFirst(List<T> newestFirst) {
        List<T> copy = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(copy);
        return copy;
    }

    static int streak(List<LocalDate> daysLatestFirst, LocalDate endingOn) {
        int streak = 0;
        LocalDate expected = endingOn;
        for (LocalDate d : daysLatestFirst) {
            if (d.isAfter(expected)) {
                continue;
            }
            if (!d.equals(expected)) {
                break;
            }
            streak++;
            expected = expected.minusDays(1);
        }
        return streak;
    }

    static String modeLabel(String mode) {
        return com.cloudsquad.exam.AttemptMode.valueOf(mode).label();
    }
}
