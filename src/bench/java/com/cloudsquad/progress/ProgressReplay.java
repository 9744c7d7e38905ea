package com.cloudsquad.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What {@link ProgressRecorder} writes for a stream of scored attempts, computed in memory with the
 * same rules ({@link Levels}, {@link Mastery}, the achievements) and written as multi-row INSERTs:
 * the rows {@link ProgressRebuild} would produce (all candidates in UTC), without 300,000
 * transactions. Feed attempts in id order (as the rebuild replays them), then {@link #rows}.
 * {@code ScaleData --verify} compares the result with the app's own rebuild.
 */
public final class ProgressReplay {

    /** One graded or ungraded question of a scored attempt, in position order. */
    public record Answer(long domainId, int difficulty, boolean answered, Boolean correct) {}

    /** A scored attempt as AttemptSubmitted announces it. */
    public record Scored(
            long attemptId,
            long accountId,
            long certificationId,
            String mode,
            int total,
            int correct,
            int scaledScore,
            boolean passed,
            Instant closedAt,
            List<Answer> answers) {}

    private static final class DomainState {
        final long certificationId;
        double weightSum;
        double rightSum;
        double difficultySum;
        double weightSqSum;
        int answers;
        int level = 2;

        DomainState(long certificationId) {
            this.certificationId = certificationId;
        }
    }

    private static final class AccountState {
        long xp;
        long answered;
        final TreeMap<LocalDate, Integer> days = new TreeMap<>();
        final Map<Long, DomainState> domains = new LinkedHashMap<>();
        final Map<String, String> achievements = new LinkedHashMap<>();
    }

    private final Map<Long, AccountState> accounts = new HashMap<>();
    private final Map<Long, List<Long>> domainsOfCertification;
    private final Random random = new Random(97);
    private final Consumer<String> attemptRows;

    /**
     * @param domainsOfCertification every certification's domains (for the every-domain achievement)
     * @param attemptRows receives each {@code progress_attempt} row as SQL values, in order
     */
    public ProgressReplay(Map<Long, List<Long>> domainsOfCertification, Consumer<String> attemptRows) {
        this.domainsOfCertification = domainsOfCertification;
        this.attemptRows = attemptRows;
    }

    public static final String ATTEMPT_COLUMNS =
            "progress_attempt (attempt_id, account_id, certification_id, mode, local_day, questions, correct,"
                    + " scaled_score, passed, closed_at, answered, xp)";

    /** Folds one scored attempt in, as {@link ProgressRecorder#record} does. */
    public void record(Scored event) {
        LocalDate day = LocalDate.ofInstant(event.closedAt(), ZoneOffset.UTC);
        int answered = (int) event.answers().stream().filter(Answer::answered).count();
        boolean examLike = event.mode().equals("READINESS") || event.mode().equals("MOCK");
        int xp = event.answers().stream()
                        .filter(a -> Boolean.TRUE.equals(a.correct()))
                        .mapToInt(a -> Levels.xpForAnswer(a.difficulty()))
                        .sum()
                + (examLike && event.passed() ? Levels.PASS_BONUS : 0);
        attemptRows.accept("(" + event.attemptId() + "," + event.accountId() + "," + event.certificationId() + ",'"
                + event.mode() + "','" + day + "'," + event.total() + "," + event.correct() + ","
                + event.scaledScore() + "," + (event.passed() ? 1 : 0) + ",'" + ts(event.closedAt()) + "',"
                + answered + "," + xp + ")");
        AccountState account = accounts.computeIfAbsent(event.accountId(), id -> new AccountState());
        account.xp += xp;
        account.answered += answered;
        if (answered > 0) {
            account.days.merge(day, answered, Integer::sum);
        }
        Map<Long, List<Mastery.Answer>> byDomain = new LinkedHashMap<>();
        for (Answer a : event.answers()) {
            if (a.correct() != null) {
                byDomain.computeIfAbsent(a.domainId(), d -> new ArrayList<>())
                        .add(new Mastery.Answer(a.correct(), a.difficulty()));
            }
        }
        byDomain.forEach((domainId, graded) -> {
            Mastery delta = Mastery.delta(graded);
            DomainState row = account.domains.get(domainId);
            if (row == null) {
                row = new DomainState(event.certificationId());
                row.weightSum = delta.weightSum();
                row.rightSum = delta.rightSum();
                row.difficultySum = delta.difficultySum();
                row.weightSqSum = delta.weightSqSum();
                row.answers = delta.answers();
                account.domains.put(domainId, row);
            } else {
                // the same arithmetic as ProgressStore.addToDomain's ON DUPLICATE KEY UPDATE
                double decay = Math.pow(Mastery.DECAY, delta.answers());
                row.weightSum = row.weightSum * decay + delta.weightSum();
                row.rightSum = row.rightSum * decay + delta.rightSum();
                row.difficultySum = row.difficultySum * decay + delta.difficultySum();
                row.weightSqSum = row.weightSqSum * (decay * decay) + delta.weightSqSum();
                row.answers += delta.answers();
            }
            row.level = Mastery.nextLevel(row.level, accuracy(row));
        });
        String at = event.attemptId() + ",'" + ts(event.closedAt()) + "'";
        award(account, Achievement.FIRST_TEST, 0, at);
        if (examLike && event.passed()) {
            award(account, Achievement.FIRST_PASS, 0, at);
        }
        if (event.mode().equals("MOCK") && event.total() > 0 && event.correct() * 10 >= event.total() * 9) {
            award(account, Achievement.MOCK_90, 0, at);
        }
        if (account.answered >= 100) {
            award(account, Achievement.ANSWERED_100, 0, at);
        }
        if (account.answered >= 1000) {
            award(account, Achievement.ANSWERED_1000, 0, at);
        }
        int streak = streak(account, day);
        if (streak >= 7) {
            award(account, Achievement.STREAK_7, 0, at);
        }
        if (streak >= 30) {
            award(account, Achievement.STREAK_30, 0, at);
        }
        List<Long> domains = domainsOfCertification.getOrDefault(event.certificationId(), List.of());
        boolean all = !domains.isEmpty();
        for (long domain : domains) {
            DomainState row = account.domains.get(domain);
            if (row == null || row.answers < ProgressRecorder.DOMAIN_MINIMUM || accuracy(row) < 0.80) {
                all = false;
                break;
            }
        }
        if (all) {
            award(account, Achievement.ALL_DOMAINS_80, event.certificationId(), at);
        }
    }

    private static double accuracy(DomainState row) {
        return row.weightSum == 0 ? 0 : row.rightSum / row.weightSum;
    }

    private static void award(AccountState account, Achievement achievement, long certificationId, String at) {
        account.achievements.putIfAbsent(achievement.name() + "'," + certificationId, at);
    }

    private static int streak(AccountState account, LocalDate day) {
        int streak = 0;
        LocalDate expected = day;
        for (Map.Entry<LocalDate, Integer> d :
                account.days.headMap(day, true).descendingMap().entrySet()) {
            if (d.getValue() < ProgressRecorder.STREAK_DAY_ANSWERS) {
                continue; // the store's query skips days under the minimum
            }
            if (!d.getKey().equals(expected)) {
                break;
            }
            streak++;
            expected = expected.minusDays(1);
        }
        return streak;
    }

    /** Table (with columns) to its rows as SQL values: the other four progress tables. */
    public Map<String, List<String>> rows() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        List<String> totals = new ArrayList<>();
        List<String> days = new ArrayList<>();
        List<String> domains = new ArrayList<>();
        List<String> achievements = new ArrayList<>();
        accounts.forEach((id, account) -> {
            totals.add("(" + id + "," + account.xp + "," + account.answered + "," + random.nextLong() + ")");
            account.days.forEach((day, n) -> days.add("(" + id + ",'" + day + "'," + n + ")"));
            account.domains.forEach((domain, d) -> domains.add("(" + id + "," + domain + "," + d.certificationId + ","
                    + d.weightSum + "," + d.rightSum + "," + d.difficultySum + "," + d.weightSqSum + "," + d.answers
                    + "," + d.level + ")"));
            account.achievements.forEach((key, at) -> achievements.add("(" + id + ",'" + key + "," + at + ")"));
        });
        rows.put("progress_account (account_id, xp, answered, revision)", totals);
        rows.put("progress_day (account_id, local_day, answered)", days);
        rows.put(
                "progress_domain (account_id, domain_id, certification_id, weight_sum, right_sum, difficulty_sum,"
                        + " weight_sq_sum, answers, level)",
                domains);
        rows.put("progress_achievement (account_id, code, certification_id, attempt_id, earned_at)", achievements);
        return rows;
    }

    static String ts(Instant instant) {
        return instant.toString().replace("T", " ").replace("Z", "");
    }

    /** Starts the app's own rebuild (admin command) and returns how many attempts it replayed. */
    public static int rebuildWithApp(org.springframework.context.ApplicationContext app) {
        return app.getBean(ProgressRebuild.class).rebuild();
    }
}
